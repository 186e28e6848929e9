import { normalizeHost, parseWebUrl } from '../detection/hosts';
import { grantCovers, matchUrl, type Policy, passScopeFor } from '../detection/match-url';
import {
  type Handlers,
  type Request,
  type RequestType,
  type ResponseFor,
  requestSchema,
  type Sender,
} from '../messages/protocol';
import { readInterstitialTarget } from '../pause/address';
import { asksWhoItIsAbout } from '../pause/messaging-question';
import { mayPassThrough } from '../rules/rule-set';
import { type Grants, SOMEONE_ELSE_MS } from './grants';
import { guardPolicyFor } from './open-tabs';
import type { Gap } from './protection-health';

export type { Sender };

export interface HandlerDeps {
  extensionId: string;
  /** The extension's own origin, e.g. `chrome-extension://abc/`. */
  extensionOrigin: string;
  interstitialPath: string;
  grants: Grants;
  sync: () => Promise<{ gaps: Gap[] }>;
  /** The pause page's address as the rules use it, stop key included. */
  pauseUrl: () => Promise<string>;
  stopKey: () => Promise<string>;
  /** Moves a tab to the pause page for `url`. */
  openPause: (tabId: number, url: string) => Promise<unknown>;
  currentPolicy: () => Promise<Policy | null>;
  /** Whether messaging pages ask "Is this about them?" first (the user's setting). */
  asksOnMessaging: () => Promise<boolean>;
  deleteEverything: () => Promise<{ waitsUntil: number | null }>;
}

export class RefusedMessage extends Error {}

function fromExtensionPage(sender: Sender, deps: HandlerDeps): boolean {
  return sender.id === deps.extensionId && !!sender.url?.startsWith(deps.extensionOrigin);
}

/**
 * The pause page, as the top frame of a tab. The page is web-accessible (the network rules must
 * be able to send a tab to it), so a web page could load it in a frame; a framed copy is refused,
 * so no page can trick a click on "Continue" out of the user.
 */
function fromInterstitial(sender: Sender, deps: HandlerDeps): boolean {
  if (!fromExtensionPage(sender, deps) || !sender.url || sender.frameId !== 0) return false;
  return new URL(sender.url).pathname === deps.interstitialPath;
}

/**
 * The tab of the pause page asking, as the top frame of a tab, for the address it was opened
 * for: the browser reports the page's own URL, fragment and all, and a page cannot change what
 * the browser says about it.
 */
function ownTab(sender: Sender, url: string, deps: HandlerDeps): number {
  const tabId = sender.tab?.id;
  if (!fromInterstitial(sender, deps) || tabId === undefined) {
    throw new RefusedMessage('Only the pause page, in a tab, may ask for this.');
  }
  if (readInterstitialTarget(sender.url ?? '')?.url.href !== url) {
    throw new RefusedMessage('A pause page may only ask this for its own address.');
  }
  return tabId;
}

/**
 * The background's answer to each request. Only the extension's own pages may ask for anything
 * that changes state; content scripts and web pages are refused.
 */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    sync: async (_request, sender) => {
      if (!fromExtensionPage(sender, deps)) throw new RefusedMessage('Only extension pages may ask for a sync.');
      const { gaps } = await deps.sync();
      return { ok: true, gaps };
    },
    'grant-continue': async (request, sender) => {
      const tabId = ownTab(sender, request.url, deps);
      const policy = await deps.currentPolicy();
      const match = policy && matchUrl(request.url, policy);
      if (!policy || !match) return { ok: false, reason: 'not-stopped' };
      if (match.noContinue) return { ok: false, reason: 'no-continue' };
      const grant = await deps.grants.add(tabId, passScopeFor(match, policy), await deps.pauseUrl());
      return { ok: true, until: grant.until };
    },
    'grant-someone-else': async (request, sender) => {
      const tabId = ownTab(sender, request.url, deps);
      const policy = await deps.currentPolicy();
      const match = policy && matchUrl(request.url, policy);
      if (!match) return { ok: false, reason: 'not-stopped' };
      // Only where the question is asked: never their pages, a search for them, or a feed.
      if (!asksWhoItIsAbout(match, await deps.asksOnMessaging())) return { ok: false, reason: 'not-asked' };
      const scope = { domain: match.grantDomain, messagingOnly: true };
      const grant = await deps.grants.add(tabId, scope, await deps.pauseUrl(), SOMEONE_ELSE_MS);
      return { ok: true, until: grant.until };
    },
    'pass-through': async (request, sender) => {
      const tabId = ownTab(sender, request.url, deps);
      const policy = await deps.currentPolicy();
      // Only an address the matcher does not stop, written one way only: never a way around a
      // real stop.
      if (!mayPassThrough(request.url) || (policy && matchUrl(request.url, policy))) return { ok: false };
      await deps.grants.passThrough(tabId, request.url);
      return { ok: true };
    },
    'guard-policy': async (_request, sender) => {
      // The route guard runs in web pages; the browser fills in the tab and URL, which a page
      // cannot forge. It learns only what applies to its own site.
      const page = sender.url ? parseWebUrl(sender.url) : null;
      const tabId = sender.tab?.id;
      if (sender.id !== deps.extensionId || !page || tabId === undefined) {
        throw new RefusedMessage('Only the route guard in a web page may ask for its policy.');
      }
      const guard = await guardPolicyFor(await deps.currentPolicy(), normalizeHost(page.hostname), tabId, deps);
      return { ...guard, stopKey: await deps.stopKey() };
    },
    'stop-route': async (request, sender) => {
      // The route guard in a tab's top frame, for a route on its own origin (a single-page site
      // changes routes within its origin), and only when that route is really stopped now.
      const page = sender.url ? parseWebUrl(sender.url) : null;
      const tabId = sender.tab?.id;
      if (sender.id !== deps.extensionId || !page || tabId === undefined || sender.frameId !== 0) {
        throw new RefusedMessage('Only the route guard in a tab may ask to stop a route.');
      }
      if (new URL(request.url).origin !== page.origin) return { ok: false };
      const policy = await deps.currentPolicy();
      const match = policy && matchUrl(request.url, policy);
      if (!match) return { ok: false };
      const grant = await deps.grants.find(tabId, match.host);
      if (grant && grantCovers(match, grant)) return { ok: false };
      await deps.openPause(tabId, request.url);
      return { ok: true };
    },
    'delete-everything': async (_request, sender) => {
      if (!fromExtensionPage(sender, deps)) throw new RefusedMessage('Only extension pages may delete data.');
      return { ok: true, ...(await deps.deleteEverything()) };
    },
  };
}

/** Parses one incoming message and hands it to its handler; anything unknown is refused. */
export function handleMessage<T extends RequestType>(
  raw: unknown,
  sender: Sender,
  handlers: Handlers,
): Promise<ResponseFor<T>> {
  const parsed = requestSchema.safeParse(raw);
  if (!parsed.success) return Promise.reject(new RefusedMessage('Unknown message.'));
  const request = parsed.data as Extract<Request, { type: T }>;
  // TypeScript cannot tie a union's member to its own entry in the map; `Handlers` ties each
  // handler to its request and answer, so the lookup is safe.
  const handler = handlers[request.type] as (
    request: Extract<Request, { type: T }>,
    sender: Sender,
  ) => Promise<ResponseFor<T>>;
  return handler(request, sender);
}
