import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { domainPattern, GUARDED_DOMAINS } from '@/lib/detection/guarded-sites';
import { startRouteGuard } from '@/lib/guard/route-guard';
import { ask, onGuardPolicyPush } from '@/lib/messages/send';
import { PAUSE_PAGE_PATH } from '@/lib/pause/address';

export default defineContentScript({
  matches: GUARDED_DOMAINS.map(domainPattern),
  runAt: 'document_start',
  // Their pages embedded in another site's frame are stopped by the rules; a route change inside
  // such a frame is caught here, and the frame shows the pause page's calm note.
  allFrames: true,
  main() {
    startRouteGuard({
      window,
      document,
      navigation: (window as { navigation?: EventTarget }).navigation ?? null,
      // The address a web page may load (Chrome's per-session one), for a frame that moves itself.
      interstitialUrl: browser.runtime.getURL(PAUSE_PAGE_PATH),
      inFrame: window.top !== window,
      stopInTab: (url) => ask({ type: 'stop-route', url }),
      now: Date.now,
      requestPolicy: () => ask({ type: 'guard-policy' }),
      onPolicyChanged: (listener) => onGuardPolicyPush((push) => listener(push.guard)),
    });
  },
});
