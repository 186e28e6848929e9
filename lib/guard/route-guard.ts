import { grantCovers, matchUrl } from '../detection/match-url';
import type { GuardPolicy } from '../messages/protocol';
import { interstitialHref, pauseBase } from '../pause/address';
import { createCover } from './cover';
import { type FieldLike, isSearchField, typedSearchStop } from './search-field';

/**
 * The route guard: runs at `document_start` on guarded sites and catches the route changes a
 * single-page site makes without loading a page (`history.pushState`, back and forward), which
 * the network rules never see.
 *
 * With the Navigation API it hears the `navigate` event before the URL changes: it cancels the
 * change, covers the page in the same task, and opens the pause page, so the new route is never
 * painted. Without it, it notices the new URL from a mutation observer (whose callbacks run before
 * the next paint) and from `popstate`, covers, and replaces the entry with the pause page.
 *
 * It only asks the background what is stopped; it never reads or writes the urge log.
 */

interface NavigateEventLike extends Event {
  readonly destination: { readonly url: string; readonly sameDocument: boolean };
  readonly cancelable: boolean;
}

export interface GuardEnv {
  window: Window;
  document: Document;
  /** The Navigation API, where the browser has it. */
  navigation?: EventTarget | null;
  interstitialUrl: string;
  /**
   * Running in a frame of another page: only their pages and searches for their name are stopped
   * there (an embedded post of some feed is not theirs to pause), as the network rules do.
   */
  inFrame?: boolean;
  /**
   * Asks the background to move this tab to the pause page. The page then never sees the pause
   * page's address (a navigation the page starts is visible to its scripts through the
   * Navigation API), so it cannot learn the stop key or that Breathing Room is installed.
   */
  stopInTab?(url: string): Promise<{ ok: boolean }>;
  now(): number;
  requestPolicy(): Promise<GuardPolicy>;
  onPolicyChanged(listener: (guard: GuardPolicy) => void): void;
}

export function startRouteGuard(env: GuardEnv) {
  const { window: win, document: doc } = env;
  const cover = createCover(doc);
  let guard: GuardPolicy | null = null;
  let lastHref = win.location.href;
  let leaving = false;

  function isStopped(url: string): boolean {
    if (!guard?.policy) return false;
    const match = matchUrl(url, guard.policy);
    if (!match) return false;
    if (env.inFrame && match.kind !== 'person' && match.kind !== 'search') return false;
    const grant = guard.grant;
    return !(grant && grant.until > env.now() && grantCovers(match, grant));
  }

  /** Covers the page now and goes to the pause page for `url`. */
  function stop(url: string, how: 'push' | 'replace') {
    cover.show();
    if (leaving) return;
    leaving = true;
    const goHere = () => {
      const target = interstitialHref(pauseBase(env.interstitialUrl, guard?.stopKey), url);
      if (how === 'push') win.location.assign(target);
      else win.location.replace(target);
    };
    // A frame moves itself (the background can only move the whole tab); so does a tab whose
    // background does not answer, rather than staying covered with nowhere to go.
    if (env.inFrame || !env.stopInTab) {
      goHere();
      return;
    }
    env.stopInTab(url).then(
      (answer) => !answer.ok && goHere(),
      () => goHere(),
    );
  }

  function checkCurrent() {
    const href = win.location.href;
    if (href === lastHref) return;
    lastHref = href;
    if (isStopped(href)) stop(href, 'replace');
  }

  const navigation = env.navigation;
  if (navigation) {
    navigation.addEventListener('navigate', (event) => {
      const e = event as NavigateEventLike;
      // Full page loads are stopped by the network rules before they reach the site.
      if (!e.destination.sameDocument || !isStopped(e.destination.url)) return;
      if (e.cancelable) {
        // Cancelled, the page stays where it was; the pause page comes next in history, so Back
        // returns to the page the user left, not to the stopped route.
        e.preventDefault();
        stop(e.destination.url, 'push');
      } else {
        stop(e.destination.url, 'replace');
      }
    });
  } else {
    new MutationObserver(checkCurrent).observe(doc, { childList: true, subtree: true });
    win.addEventListener('popstate', checkCurrent);
    win.addEventListener('hashchange', checkCurrent);
  }

  // Their name typed into the site's own search field: covered in the same task as the keystroke,
  // before the site's own handlers see it (this listener runs first, on the way down, and the
  // event goes no further), so the site neither paints results nor asks its server for them.
  win.addEventListener(
    'input',
    (event) => {
      if (env.inFrame || !guard?.policy?.names.length) return;
      // The field itself, even inside a component's shadow root.
      const field = (event.composedPath?.()[0] ?? event.target) as FieldLike | null;
      if (!isSearchField(field)) return;
      const url = typedSearchStop(String(field?.value ?? ''), guard.policy.names, win.location.href);
      if (!url || !isStopped(url)) return;
      event.stopImmediatePropagation();
      stop(url, 'push');
    },
    true,
  );

  // Coming back with Back/Forward restores this page from the back-forward cache, cover and all:
  // look again at where it now is.
  win.addEventListener('pageshow', (event) => {
    if (!(event as PageTransitionEvent).persisted) return;
    leaving = false;
    lastHref = win.location.href;
    if (isStopped(lastHref)) stop(lastHref, 'replace');
    else cover.hide();
  });

  env.onPolicyChanged((next) => {
    // The background stops tabs already on a newly stopped page itself; the guard only needs the
    // policy for the routes still to come.
    guard = next;
  });

  env.requestPolicy().then(
    (first) => {
      guard ??= first;
      lastHref = win.location.href;
      if (isStopped(lastHref)) stop(lastHref, 'replace');
    },
    () => {
      // The extension was updated or reloaded under this page; the network rules still stand.
    },
  );

  return {
    isStopped,
    get guard() {
      return guard;
    },
  };
}
