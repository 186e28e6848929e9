import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  type Handlers,
  MalformedResponse,
  parseGuardPolicyPush,
  parseResponse,
  type RequestType,
  type ResponseFor,
} from '@/lib/messages/protocol';
import { ask, confirmApplied, onGuardPolicyPush } from '@/lib/messages/send';

const guard = {
  policy: {
    categories: { social: false, messaging: true },
    person: [{ kind: 'handle', platform: 'instagram', handle: 'jordan.rivers' }],
    names: ['Jordan Rivers'],
    neverContinueToPerson: false,
    custom: [],
  },
  grant: { domain: 'instagram.com', until: 1_000, feedOnly: true },
  stopKey: '0123456789abcdef0123456789abcdef',
};

describe('every answer is checked against its own schema', () => {
  it.each<[RequestType, unknown]>([
    ['grant-continue', { ok: true, until: 600_000 }],
    ['grant-continue', { ok: false, reason: 'no-continue' }],
    ['pass-through', { ok: false }],
    ['stop-route', { ok: true }],
    ['sync', { ok: true, gaps: [{ kind: 'access', hosts: ['instagram.com'] }] }],
    // Whether nothing at all is paused, and whether it is about a period not yet begun, arrive whole.
    ['sync', { ok: true, gaps: [{ kind: 'access', hosts: ['instagram.com'], all: true }] }],
    ['sync', { ok: true, gaps: [{ kind: 'access', hosts: ['instagram.com'], ahead: true, all: true }] }],
    ['sync', { ok: true, gaps: [{ kind: 'access', hosts: ['instagram.com', 'strava.com'], chosen: 1 }] }],
    ['sync', { ok: true, gaps: [{ kind: 'rule', source: { kind: 'profile', label: 'x' }, partial: true }] }],
    ['guard-policy', guard],
    ['guard-policy', { policy: null, grant: null }],
    ['delete-everything', { ok: true, waitsUntil: null }],
  ])('accepts a %s answer: %j', (type, answer) => {
    expect(parseResponse(type, answer)).toEqual(answer);
  });

  it.each<[RequestType, unknown]>([
    // Nobody answered (the background was restarting, or no listener took it).
    ['grant-continue', undefined],
    // `ok` alone would let the page log a Continue that was never granted.
    ['grant-continue', { ok: true }],
    ['grant-continue', { ok: 'yes', until: 1 }],
    ['grant-continue', { ok: false, reason: 'because' }],
    ['pass-through', {}],
    ['sync', { ok: true }],
    ['sync', { ok: true, gaps: [{ kind: 'rule', source: { kind: 'profile' } }] }],
    ['sync', { ok: true, gaps: [{ kind: 'access', hosts: ['strava.com'], chosen: 0.5 }] }],
    ['delete-everything', { ok: true }],
    // The answer to another request.
    ['sync', { ok: true, waitsUntil: null }],
    // A platform the matcher does not know would throw in the guard: refused here instead.
    ['guard-policy', { ...guard, policy: { ...guard.policy, person: [{ kind: 'handle', platform: 'myspace' }] } }],
    ['guard-policy', { policy: guard.policy }],
  ])('refuses a malformed %s answer: %j', (type, answer) => {
    expect(() => parseResponse(type, answer)).toThrow(MalformedResponse);
  });

  it('rejects in the sender when the background answers something else', async () => {
    fakeBrowser.runtime.onMessage.addListener((_message, _sender, sendResponse) => {
      (sendResponse as (answer: unknown) => void)({ ok: true });
      return true;
    });
    await expect(ask({ type: 'grant-continue', url: 'https://www.instagram.com/' })).rejects.toBeInstanceOf(
      MalformedResponse,
    );
  });

  it('returns a well-formed answer to the sender', async () => {
    fakeBrowser.runtime.onMessage.addListener((_message, _sender, sendResponse) => {
      (sendResponse as (answer: unknown) => void)({ ok: true, until: 5 });
      return true;
    });
    await expect(ask({ type: 'grant-continue', url: 'https://www.instagram.com/' })).resolves.toEqual({
      ok: true,
      until: 5,
    });
  });
});

describe('after a save, a page asks the background to apply it', () => {
  const answering = (answer: unknown) =>
    fakeBrowser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
      expect(message).toEqual({ type: 'sync' });
      (sendResponse as (answer: unknown) => void)(answer);
      return true;
    });

  it('hears what the background found not protected', async () => {
    answering({ ok: true, gaps: [{ kind: 'access', hosts: ['www.instagram.com'] }] });
    await expect(confirmApplied()).resolves.toEqual([{ kind: 'access', hosts: ['www.instagram.com'] }]);
  });

  it('hears nothing, rather than an error, when the background does not answer or answers nonsense', async () => {
    answering({ ok: true, gaps: 'none' });
    await expect(confirmApplied()).resolves.toBeNull();
    fakeBrowser.reset();
    await expect(confirmApplied()).resolves.toBeNull();
  });
});

describe('the route guard hears only well-formed pushes', { timeout: 30_000 }, () => {
  it('accepts the policy push and nothing else', () => {
    expect(parseGuardPolicyPush({ type: 'guard-policy-changed', guard })).toEqual({
      type: 'guard-policy-changed',
      guard,
    });
    for (const raw of [
      null,
      'guard-policy-changed',
      { type: 'guard-policy-changed' },
      { type: 'guard-policy-changed', guard: { policy: 'everything', grant: null } },
      { type: 'something-else', guard },
    ]) {
      expect(parseGuardPolicyPush(raw)).toBeNull();
    }
  });

  it('hands the content script only valid pushes', async () => {
    const heard: unknown[] = [];
    onGuardPolicyPush((push) => heard.push(push));
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'guard-policy-changed', guard: { policy: 1 } },
      {},
      () => undefined,
    );
    await fakeBrowser.runtime.onMessage.trigger({ type: 'guard-policy-changed', guard }, {}, () => undefined);
    // The schemas load with the first message; then only the valid push is heard, once.
    await vi.waitFor(() => expect(heard).toEqual([{ type: 'guard-policy-changed', guard }]), { timeout: 10_000 });
    await fakeBrowser.runtime.onMessage.trigger({ type: 'other' }, {}, () => undefined);
    await import('@/lib/messages/protocol');
    await Promise.resolve();
    expect(heard).toEqual([{ type: 'guard-policy-changed', guard }]);
  });
});

describe('the handlers map is typed per message', () => {
  it('binds each handler to its own answer, so a wrong answer does not compile', () => {
    const sync: Handlers['sync'] = async () => ({ ok: true, gaps: [] });
    // @ts-expect-error A sync answers with its gaps, not with a grant.
    const wrong: Handlers['sync'] = async () => ({ ok: true, until: 1 });
    // @ts-expect-error A refused grant names why, from the protocol's reasons.
    const refused: Handlers['grant-continue'] = async () => ({ ok: false, reason: 'because' });
    const pass: ResponseFor<'pass-through'> = { ok: true };
    const map: Omit<Handlers, 'delete-everything'> = {
      sync,
      'grant-continue': async () => ({ ok: true, until: 1 }),
      'grant-someone-else': async () => ({ ok: false, reason: 'not-asked' }),
      'pass-through': async () => pass,
      'stop-route': async () => pass,
      'guard-policy': async () => ({ policy: null, grant: null }),
    };
    const handlers: Handlers = {
      ...map,
      // @ts-expect-error "Delete everything" says when the rest goes; another message's answer won't do.
      'delete-everything': async () => pass,
    };
    expect([wrong, refused, handlers]).toHaveLength(3);
  });
});
