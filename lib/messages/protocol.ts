import { z } from 'zod/mini';
import type { Gap } from '../background/protection-health';
import type { Policy } from '../detection/match-url';

/**
 * Every message that crosses between the extension's parts, in one place. Incoming messages are
 * parsed with these schemas before anything acts on them; an unknown or malformed message is
 * refused, never guessed at.
 */

const MAX_URL_LENGTH = 8192;
const webUrl = z.string().check(
  z.maxLength(MAX_URL_LENGTH),
  z.refine((s) => /^https?:\/\//i.test(s)),
);

export const requestSchema = z.discriminatedUnion('type', [
  /** Interstitial → background: the user waited and chose "Continue to site" for this URL. */
  z.object({ type: z.literal('grant-continue'), url: webUrl }),
  /**
   * Interstitial → background: a widened rule stopped this address, but the matcher does not;
   * let this tab load it now.
   */
  z.object({ type: z.literal('pass-through'), url: webUrl }),
  /** Extension pages → background: settings were saved; rebuild rules now and say when done. */
  z.object({ type: z.literal('sync') }),
  /** Route guard (content script) → background: this tab's route change is stopped; move the tab. */
  z.object({ type: z.literal('stop-route'), url: webUrl }),
  /** Route guard (content script) → background: what should be stopped on this page's site? */
  z.object({ type: z.literal('guard-policy') }),
  /** Options page → background: "Delete everything", confirmed by the user typing it. */
  z.object({ type: z.literal('delete-everything') }),
]);

/** What the route guard on one site needs: the policy for that site and this tab's grant. */
export interface GuardPolicy {
  policy: Policy | null;
  grant: { domain: string; until: number; feedOnly?: boolean } | null;
  /** This session's stop key, for the pause page address of a stop the guard makes. */
  stopKey?: string;
}

/** Background → route guard: the policy changed; here is the new one. */
export interface GuardPolicyPush {
  type: 'guard-policy-changed';
  guard: GuardPolicy;
}

export type Request = z.infer<typeof requestSchema>;

export interface Responses {
  'grant-continue': { ok: true; until: number } | { ok: false; reason: string };
  'pass-through': { ok: boolean };
  'stop-route': { ok: boolean };
  /** `gaps`: what the self-check found not protected after this sync (see protection-health.ts). */
  sync: { ok: true; gaps: Gap[] };
  'guard-policy': GuardPolicy;
  /** `waitsUntil`: while a period runs, history is gone now and the rest goes then. */
  'delete-everything': { ok: true; waitsUntil: number | null };
}

export type ResponseFor<T extends Request['type']> = Responses[T];
