import { z } from 'zod/mini';
import type { Gap } from '../background/protection-health';
import type { Policy } from '../detection/match-url';
import { PLATFORMS, type PlatformId } from '../detection/platforms';
import type { RuleSource } from '../rules/rule-set';

/**
 * Every message that crosses between the extension's parts, in one place, with a schema for each
 * direction. Requests are parsed when the background receives them, answers when the page or
 * content script receives them, and the background's pushes when the route guard receives them:
 * an unknown or malformed message is refused, never guessed at.
 */

const MAX_URL_LENGTH = 8192;
/**
 * Far more names than anyone types: held names (waiting out the cool-off) and a restored backup
 * can add to the form's limits, and a guard policy must never be refused over its count.
 */
const MAX_NAMES = 2000;
const webUrl = z.string().check(
  z.maxLength(MAX_URL_LENGTH),
  z.refine((s) => /^https?:\/\//i.test(s)),
);

export const requestSchema = z.discriminatedUnion('type', [
  /** Interstitial → background: the user waited and chose "Continue to site" for this URL. */
  z.object({ type: z.literal('grant-continue'), url: webUrl }),
  /**
   * Interstitial → background: on a messaging page, the user answered that this is about someone
   * else; let this tab reach messaging on this site for 30 minutes, with nothing logged.
   */
  z.object({ type: z.literal('grant-someone-else'), url: webUrl }),
  /**
   * Interstitial → background: a widened rule stopped this address, but the matcher does not;
   * let this tab load it now.
   */
  z.object({ type: z.literal('pass-through'), url: webUrl }),
  /**
   * Extension pages → background: settings were saved; answer once the rules hold them. A sync
   * that has already seen the saved settings answers for it (see sync-queue.ts), so a save makes
   * one sync, however the background hears of it.
   */
  z.object({ type: z.literal('sync') }),
  /** Route guard (content script) → background: this tab's route change is stopped; move the tab. */
  z.object({ type: z.literal('stop-route'), url: webUrl }),
  /** Route guard (content script) → background: what should be stopped on this page's site? */
  z.object({ type: z.literal('guard-policy') }),
  /** Options page → background: "Delete everything", confirmed by the user typing it. */
  z.object({ type: z.literal('delete-everything') }),
]);

export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];

const time = z.number().check(z.gte(0));
const text = z.string().check(z.maxLength(MAX_URL_LENGTH));
const platformId = z.enum(PLATFORMS.map((p) => p.id) as [PlatformId, ...PlatformId[]]);

const policySchema: z.ZodMiniType<Policy> = z.object({
  categories: z.object({ social: z.boolean(), messaging: z.boolean() }),
  person: z.array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('handle'), platform: platformId, handle: text }),
      z.object({ kind: z.literal('page'), host: text, path: text }),
    ]),
  ),
  names: z.array(text).check(z.maxLength(MAX_NAMES)),
  neverContinueToPerson: z.boolean(),
  custom: z.array(z.object({ host: text, path: text, label: text })),
});

/** What the route guard on one site needs: the policy for that site and this tab's grant. */
const guardPolicySchema = z.object({
  policy: z.nullable(policySchema),
  grant: z.nullable(
    z.object({
      domain: text,
      until: time,
      feedOnly: z.optional(z.boolean()),
      messagingOnly: z.optional(z.boolean()),
    }),
  ),
  /** This session's stop key, for the pause page address of a stop the guard makes. */
  stopKey: z.optional(text),
});
export type GuardPolicy = z.infer<typeof guardPolicySchema>;

const ruleSourceSchema: z.ZodMiniType<RuleSource> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('catalog') }),
  z.object({ kind: z.literal('name'), label: text }),
  z.object({ kind: z.literal('profile'), label: text }),
  z.object({ kind: z.literal('site'), label: text }),
]);

const gapSchema: z.ZodMiniType<Gap> = z.union([
  z.object({ kind: z.literal('rule'), source: ruleSourceSchema, partial: z.optional(z.boolean()) }),
  z.object({
    kind: z.literal('access'),
    hosts: z.array(text),
    ahead: z.optional(z.literal(true)),
    all: z.optional(z.literal(true)),
    chosen: z.optional(z.int().check(z.positive())),
  }),
]);

/** The answer to each request, checked on arrival like the request itself. */
export const responseSchemas = {
  'grant-continue': z.union([
    z.object({ ok: z.literal(true), until: time }),
    z.object({ ok: z.literal(false), reason: z.enum(['not-stopped', 'no-continue']) }),
  ]),
  'grant-someone-else': z.union([
    z.object({ ok: z.literal(true), until: time }),
    z.object({ ok: z.literal(false), reason: z.enum(['not-stopped', 'not-asked']) }),
  ]),
  'pass-through': z.object({ ok: z.boolean() }),
  'stop-route': z.object({ ok: z.boolean() }),
  /** `gaps`: what the self-check found not protected after this sync (see protection-health.ts). */
  sync: z.object({ ok: z.literal(true), gaps: z.array(gapSchema) }),
  'guard-policy': guardPolicySchema,
  /** `waitsUntil`: while a period runs, history is gone now and the rest goes then. */
  'delete-everything': z.object({ ok: z.literal(true), waitsUntil: z.nullable(time) }),
} satisfies { [T in RequestType]: z.ZodMiniType };

export type ResponseFor<T extends RequestType> = z.infer<(typeof responseSchemas)[T]>;

/** Who sent a message, as the browser reports it (a page cannot forge these). */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  /** 0 for a tab's top frame. */
  frameId?: number;
}

/**
 * The background's handlers: one per request, each bound to its own answer, so a handler that
 * answers the wrong shape does not compile.
 */
export type Handlers = {
  [T in RequestType]: (request: Extract<Request, { type: T }>, sender: Sender) => Promise<ResponseFor<T>>;
};

/** An answer that is not what the protocol says: the sender treats it like a failed send. */
export class MalformedResponse extends Error {}

/** Checks the answer to a `type` request, as it arrives. */
export function parseResponse<T extends RequestType>(type: T, raw: unknown): ResponseFor<T> {
  const parsed = responseSchemas[type].safeParse(raw);
  if (!parsed.success) throw new MalformedResponse(`The background's answer to "${type}" was not understood.`);
  return parsed.data as ResponseFor<T>;
}

/** Background → route guard: the policy changed; here is the new one. */
export const guardPolicyPushSchema = z.object({
  type: z.literal('guard-policy-changed'),
  guard: guardPolicySchema,
});
export type GuardPolicyPush = z.infer<typeof guardPolicyPushSchema>;

/** A push the route guard can act on, or null for anything else. */
export function parseGuardPolicyPush(raw: unknown): GuardPolicyPush | null {
  const parsed = guardPolicyPushSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
