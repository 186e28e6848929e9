import { parseWebUrl } from '../hosts';
import { readInterstitialTarget } from '../interstitial-target';
import { matchUrl, type Policy } from '../match-url';
import { type Request, type Responses, requestSchema } from '../messages';
import type { Grants } from './grants';
import { guardPolicyFor } from './open-tabs';

/** Who sent a message, as the browser reports it. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  /** 0 for a tab's top frame. */
  frameId?: number;
}

export interface HandlerDeps {
  extensionId: string;
  /** The extension's own origin, e.g. `chrome-extension://abc/`. */
  extensionOrigin: string;
  interstitialPath: string;
  grants: Grants;
  sync: () => Promise<unknown>;
  currentPolicy: () => Promise<Policy | null>;
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
 * Handles one message. Only the extension's own pages may ask for anything that changes state;
 * content scripts and web pages are refused.
 */
export async function handleMessage(
  raw: unknown,
  sender: Sender,
  deps: HandlerDeps,
): Promise<Responses[Request['type']]> {
  const parsed = requestSchema.safeParse(raw);
  if (!parsed.success) throw new RefusedMessage('Unknown message.');
  const request = parsed.data;

  switch (request.type) {
    case 'sync': {
      if (!fromExtensionPage(sender, deps)) throw new RefusedMessage('Only extension pages may ask for a sync.');
      await deps.sync();
      return { ok: true };
    }
    case 'grant-continue': {
      const tabId = sender.tab?.id;
      if (!fromInterstitial(sender, deps) || tabId === undefined) {
        throw new RefusedMessage('Only the pause page, in a tab, may grant a continue.');
      }
      // Only for the address this pause page was opened for (the browser reports the page's
      // own URL, fragment and all, and a page cannot change what the browser says about it).
      if (readInterstitialTarget(sender.url ?? '')?.url.href !== request.url) {
        throw new RefusedMessage('A pause page may only grant a continue to its own address.');
      }
      const policy = await deps.currentPolicy();
      const match = policy && matchUrl(request.url, policy);
      if (!match) return { ok: false, reason: 'not-stopped' };
      if (match.noContinue) return { ok: false, reason: 'no-continue' };
      const grant = await deps.grants.add(tabId, match.grantDomain);
      return { ok: true, until: grant.until };
    }
    case 'guard-policy': {
      // The route guard runs in web pages; the browser fills in the tab and URL, which a page
      // cannot forge. It learns only what applies to its own site.
      const page = sender.url ? parseWebUrl(sender.url) : null;
      const tabId = sender.tab?.id;
      if (sender.id !== deps.extensionId || !page || tabId === undefined) {
        throw new RefusedMessage('Only the route guard in a web page may ask for its policy.');
      }
      return guardPolicyFor(await deps.currentPolicy(), page.hostname.toLowerCase(), tabId, deps);
    }
    case 'delete-everything': {
      if (!fromExtensionPage(sender, deps)) throw new RefusedMessage('Only extension pages may delete data.');
      return { ok: true, ...(await deps.deleteEverything()) };
    }
  }
}
