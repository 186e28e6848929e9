import { browser } from 'wxt/browser';
import type { Request, ResponseFor } from './protocol';

/** Sends a typed request to the background and returns its typed answer. */
export async function ask<R extends Request>(request: R): Promise<ResponseFor<R['type']>> {
  return (await browser.runtime.sendMessage(request)) as ResponseFor<R['type']>;
}
