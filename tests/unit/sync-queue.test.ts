import { describe, expect, it } from 'vitest';
import { createSyncQueue } from '@/lib/background/sync-queue';

/** Lets every pending callback run, so steps that could overlap would. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * A sync whose steps (settle, rules, badge, tabs) each take a few turns of the event loop and are
 * logged as they start and end, over a store a test can change at any moment.
 */
function world() {
  const store = { settings: 'a' };
  const log: string[] = [];
  const applied: string[] = [];
  async function step(name: string) {
    log.push(`${name}:start`);
    await settle();
    await settle();
    log.push(`${name}:end`);
  }
  const queue = createSyncQueue({
    prepare: () => step('settle'),
    inputs: async () => store.settings,
    run: async () => {
      const seen = store.settings;
      await step('rules');
      await step('badge');
      await step('tabs');
      applied.push(seen);
      return seen;
    },
  });
  const runs = () => log.filter((l) => l === 'settle:start').length;
  return { store, log, applied, queue, runs };
}

/** True when every step ends before the next one starts. */
function oneAtATime(log: readonly string[]): boolean {
  return log.every((entry, i) =>
    i % 2 === 0 ? entry.endsWith(':start') : entry === log[i - 1]?.replace(':start', ':end'),
  );
}

describe('the sync queue', () => {
  it('runs the steps of two changes made at once one at a time, and the last state wins', async () => {
    const { store, log, applied, queue, runs } = world();
    store.settings = 'b';
    const first = queue.request();
    const firstFresh = queue.request({ fresh: true });
    // The first sync has read the settings and is writing the rules when they change again.
    while (!log.includes('rules:start')) await settle();
    store.settings = 'c';
    const second = queue.request();
    const third = queue.request();
    const answers = await Promise.all([first, firstFresh, second, third]);
    expect(oneAtATime(log)).toBe(true);
    expect(applied.at(-1)).toBe('c');
    expect(answers).toEqual(['b', 'b', 'c', 'c']);
    // One sync for the first change, one follow-up for everything that came while it ran.
    expect(runs()).toBe(2);
  });

  it('makes one sync of a save heard twice: the page asks after storage.onChanged', async () => {
    const { store, queue, runs } = world();
    await queue.request();
    store.settings = 'saved';
    const fromOnChanged = queue.request();
    await settle();
    const fromPage = queue.request();
    expect(await fromPage).toBe('saved');
    expect(await fromOnChanged).toBe('saved');
    expect(runs()).toBe(2);
  });

  it('makes one sync of a save heard twice: storage.onChanged comes after the sync the page asked for', async () => {
    const { store, queue, runs } = world();
    await queue.request();
    store.settings = 'saved';
    expect(await queue.request()).toBe('saved');
    // The write's own event arrives late: that sync has already seen it.
    expect(await queue.request()).toBe('saved');
    expect(runs()).toBe(2);
  });

  it('runs again when asked for a fresh look, and lets other work wait its turn', async () => {
    const { log, queue, runs } = world();
    await queue.request();
    await queue.request({ fresh: true });
    expect(runs()).toBe(2);
    const during = queue.request({ fresh: true });
    await settle();
    const between = queue.inTurn(async () => {
      log.push('expire:start');
      await settle();
      log.push('expire:end');
    });
    await Promise.all([during, between]);
    expect(oneAtATime(log)).toBe(true);
    expect(log.slice(-2)).toEqual(['expire:start', 'expire:end']);
  });

  it('answers a request with a failed sync’s error, and tries again on the next', async () => {
    let fail = true;
    const queue = createSyncQueue({
      prepare: async () => undefined,
      inputs: async () => 'same',
      run: async () => {
        if (fail) throw new Error('The browser refused.');
        return 'done';
      },
    });
    await expect(queue.request()).rejects.toThrow('The browser refused.');
    fail = false;
    await expect(queue.request()).resolves.toBe('done');
  });
});
