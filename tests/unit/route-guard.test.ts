import { afterEach, describe, expect, it, vi } from 'vitest';
import { type GuardEnv, startRouteGuard } from '@/lib/guard/route-guard';
import type { GuardPolicy } from '@/lib/messages/protocol';
import { policy } from './policies';

/**
 * The route guard against an injected window, document and Navigation API: a single-page site's
 * route changes, with no browser.
 */

const KEY = '0123456789abcdef0123456789abcdef';
const PAUSE = 'chrome-extension://dynamic-id/interstitial.html';
const PROFILE = 'https://www.instagram.com/jordan.rivers/';
const EXPLORE = 'https://www.instagram.com/explore/';

const onlyThem: GuardPolicy = {
  policy: policy({ categories: { social: false, messaging: false }, profiles: 'instagram:jordan.rivers' }),
  grant: null,
  stopKey: KEY,
};

/** Just enough of a document for the cover: elements that know whether they are on the page. */
function fakeDocument() {
  const attached: { isConnected: boolean }[] = [];
  const element = () => {
    const el = {
      isConnected: false,
      textContent: '',
      setAttribute: () => undefined,
      attachShadow: () => ({ append: () => undefined }),
      remove: () => {
        el.isConnected = false;
      },
    };
    return el;
  };
  const document = {
    createElement: element,
    documentElement: {
      appendChild: (el: { isConnected: boolean }) => {
        el.isConnected = true;
        attached.push(el);
      },
    },
    querySelectorAll: () => [],
    activeElement: null,
  };
  return { document: document as unknown as Document, covered: () => attached.some((el) => el.isConnected) };
}

function fakeWindow(href: string) {
  const events = new EventTarget();
  const location = { href, assign: vi.fn(), replace: vi.fn() };
  const window = {
    location,
    addEventListener: events.addEventListener.bind(events),
    dispatchEvent: events.dispatchEvent.bind(events),
  };
  return {
    window: window as unknown as Window,
    location,
    fire: (type: string) => events.dispatchEvent(new Event(type)),
  };
}

function navigateEvent(url: string, sameDocument = true) {
  return Object.assign(new Event('navigate', { cancelable: true }), { destination: { url, sameDocument } });
}

interface Options {
  href?: string;
  guard?: GuardPolicy;
  /** The background's answer to a stop. */
  answer?: () => Promise<{ ok: boolean }>;
  inFrame?: boolean;
  navigation?: boolean;
}

async function start({
  href = 'https://www.instagram.com/',
  guard = onlyThem,
  answer = async () => ({ ok: true }),
  inFrame = false,
  navigation = true,
}: Options = {}) {
  const win = fakeWindow(href);
  const doc = fakeDocument();
  const nav = new EventTarget();
  let push: (guard: GuardPolicy) => void = () => undefined;
  const env: GuardEnv = {
    window: win.window,
    document: doc.document,
    navigation: navigation ? nav : null,
    interstitialUrl: PAUSE,
    inFrame,
    stopInTab: vi.fn(answer),
    now: () => 1_000,
    requestPolicy: async () => guard,
    onPolicyChanged: (listener) => {
      push = listener;
    },
  };
  const started = startRouteGuard(env);
  await vi.waitFor(() => expect(started.guard).not.toBeNull(), { timeout: 10_000 });
  const navigate = (url: string, sameDocument = true) => {
    const event = navigateEvent(url, sameDocument);
    nav.dispatchEvent(event);
    return event;
  };
  return { ...win, ...doc, env, navigate, push: (g: GuardPolicy) => push(g) };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the route guard', { timeout: 30_000 }, () => {
  it('covers the page and asks the background to stop a route change to their profile', async () => {
    const { navigate, covered, env, location } = await start();
    const event = navigate(PROFILE);
    expect(event.defaultPrevented).toBe(true);
    expect(covered()).toBe(true);
    expect(env.stopInTab).toHaveBeenCalledWith(PROFILE);
    await Promise.resolve();
    expect(location.assign).not.toHaveBeenCalled();
    expect(location.replace).not.toHaveBeenCalled();
  });

  it.each([
    ['another route on the site', EXPLORE],
    ['a page whose name only starts like theirs', 'https://www.instagram.com/jordan.riverside/'],
    ['another site', 'https://www.facebook.com/jordan.rivers'],
  ])('stays quiet on %s', async (_what, url) => {
    const { navigate, covered, env, location } = await start();
    expect(navigate(url).defaultPrevented).toBe(false);
    expect(covered()).toBe(false);
    expect(env.stopInTab).not.toHaveBeenCalled();
    expect(location.assign).not.toHaveBeenCalled();
  });

  it('leaves full page loads to the network rules', async () => {
    const { navigate, covered } = await start();
    expect(navigate(PROFILE, false).defaultPrevented).toBe(false);
    expect(covered()).toBe(false);
  });

  it('moves the tab itself, with the stop key, when the background does not', async () => {
    const { navigate, location } = await start({ answer: async () => ({ ok: false }) });
    navigate(PROFILE);
    await vi.waitFor(() => expect(location.assign).toHaveBeenCalledWith(`${PAUSE}?k=${KEY}#${PROFILE}`), {
      timeout: 10_000,
    });
  });

  it('moves itself when the background cannot be reached', async () => {
    const { navigate, location } = await start({ answer: () => Promise.reject(new Error('No background.')) });
    navigate(PROFILE);
    await vi.waitFor(() => expect(location.assign).toHaveBeenCalledWith(`${PAUSE}?k=${KEY}#${PROFILE}`), {
      timeout: 10_000,
    });
  });

  it('lets a live pass through, and stops once the policy it is pushed says so', async () => {
    const social: GuardPolicy = { policy: policy({ categories: { social: true, messaging: false } }), grant: null };
    const { navigate, covered, push } = await start({
      guard: { ...social, grant: { domain: 'instagram.com', until: 2_000 } },
    });
    expect(navigate(EXPLORE).defaultPrevented).toBe(false);
    push(social);
    expect(navigate(EXPLORE).defaultPrevented).toBe(true);
    expect(covered()).toBe(true);
  });

  it('with a “Someone else” pass, lets the inbox through and stops the feed', async () => {
    const both: GuardPolicy = { policy: policy({ categories: { social: true, messaging: true } }), grant: null };
    const { navigate, covered } = await start({
      guard: { ...both, grant: { domain: 'instagram.com', until: 2_000, messagingOnly: true } },
    });
    expect(navigate('https://www.instagram.com/direct/t/12345/').defaultPrevented).toBe(false);
    expect(navigate(EXPLORE).defaultPrevented).toBe(true);
    expect(covered()).toBe(true);
  });

  it('in a frame of another page, pauses only their pages, and moves the frame itself', async () => {
    const both: GuardPolicy = {
      ...onlyThem,
      policy: policy({ categories: { social: true, messaging: true }, profiles: 'instagram:jordan.rivers' }),
    };
    const { navigate, env, location } = await start({ guard: both, inFrame: true });
    expect(navigate(EXPLORE).defaultPrevented).toBe(false);
    expect(navigate(PROFILE).defaultPrevented).toBe(true);
    expect(location.assign).toHaveBeenCalledWith(`${PAUSE}?k=${KEY}#${PROFILE}`);
    expect(env.stopInTab).not.toHaveBeenCalled();
  });

  it('stops a page that is already on their profile once it hears the policy', async () => {
    const { covered, env } = await start({ href: PROFILE });
    await vi.waitFor(() => expect(env.stopInTab).toHaveBeenCalledWith(PROFILE), { timeout: 10_000 });
    expect(covered()).toBe(true);
  });

  it('without the Navigation API, notices the new address after Back and replaces it', async () => {
    const observers: (() => void)[] = [];
    vi.stubGlobal(
      'MutationObserver',
      class {
        constructor(callback: () => void) {
          observers.push(callback);
        }
        observe() {}
      },
    );
    const { location, fire, covered, env } = await start({ navigation: false, answer: async () => ({ ok: false }) });
    location.href = EXPLORE;
    for (const notice of observers) notice();
    expect(covered()).toBe(false);
    location.href = PROFILE;
    fire('popstate');
    expect(covered()).toBe(true);
    expect(env.stopInTab).toHaveBeenCalledWith(PROFILE);
    await vi.waitFor(() => expect(location.replace).toHaveBeenCalledWith(`${PAUSE}?k=${KEY}#${PROFILE}`), {
      timeout: 10_000,
    });
  });
});
