import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { domainPattern, GUARDED_DOMAINS } from '@/lib/detection/guarded-sites';
import { startRouteGuard } from '@/lib/guard/route-guard';
import type { GuardPolicy, GuardPolicyPush } from '@/lib/messages/protocol';

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
      interstitialUrl: browser.runtime.getURL('/interstitial.html'),
      inFrame: window.top !== window,
      stopInTab: (url) => browser.runtime.sendMessage({ type: 'stop-route', url }) as Promise<{ ok: boolean }>,
      now: Date.now,
      requestPolicy: () => browser.runtime.sendMessage({ type: 'guard-policy' }) as Promise<GuardPolicy>,
      onPolicyChanged: (listener) =>
        browser.runtime.onMessage.addListener((message: unknown) => {
          const push = message as GuardPolicyPush | null;
          if (push?.type === 'guard-policy-changed') listener(push.guard);
        }),
    });
  },
});
