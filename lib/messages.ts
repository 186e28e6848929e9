import { z } from 'zod/mini';

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
  /** Extension pages → background: settings were saved; rebuild rules now and say when done. */
  z.object({ type: z.literal('sync') }),
]);

export type Request = z.infer<typeof requestSchema>;

export interface Responses {
  'grant-continue': { ok: true; until: number } | { ok: false; reason: string };
  sync: { ok: true };
}

export type ResponseFor<T extends Request['type']> = Responses[T];
