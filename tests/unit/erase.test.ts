import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BreathingRoomDb } from '@/lib/records/db';
import { eraseEverything } from '@/lib/records/erase';
import { newUrge } from '@/lib/records/new-records';
import { catchUp } from '@/lib/records/summaries';
import { addUrge } from '@/lib/records/urges';
import { DEFAULT_SETTINGS, periodItem, recentPromptsItem, settingsItem } from '@/lib/settings/settings';

let db: BreathingRoomDb;
afterEach(async () => {
  await db.delete();
});

function fakeDnr() {
  const rules = { dynamic: [{ id: 1 }, { id: 2 }, { id: 3 }], session: [{ id: 1_000_000 }] };
  return {
    rules,
    getDynamicRules: async () => rules.dynamic,
    updateDynamicRules: async ({ removeRuleIds }: { removeRuleIds: number[] }) => {
      rules.dynamic = rules.dynamic.filter((r) => !removeRuleIds.includes(r.id));
    },
    getSessionRules: async () => rules.session,
    updateSessionRules: async ({ removeRuleIds }: { removeRuleIds: number[] }) => {
      rules.session = rules.session.filter((r) => !removeRuleIds.includes(r.id));
    },
  };
}

describe('delete everything', () => {
  it('empties every table, every setting, every rule and every alarm', async () => {
    db = new BreathingRoomDb('test-erase');
    await db.open();
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      person: { id: 'them', otherNames: '', name: 'Jordan', profiles: 'x:jordan' },
    });
    await periodItem.setValue({ id: 'p', startDate: '2026-11-01', lengthDays: 30, createdAt: 0, coolOffHours: 24 });
    await recentPromptsItem.setValue(['a', 'b']);
    await fakeBrowser.storage.session.set({ grants: [{ tabId: 1 }] });
    await addUrge(newUrge({ time: 1, host: 'x.com', category: 'social', context: 'feed', periodId: 'p' }), db);
    await db.letters.add({ createdAt: 1, updatedAt: 1, body: 'words', host: '', periodId: 'p' } as never);
    await db.periods.put({
      id: 'p0',
      startDate: '2026-01-01',
      lengthDays: 30,
      createdAt: 0,
      closedAt: 1,
      closedHow: 'moved-on',
      readiness: null,
    });
    await catchUp(db.backendDB());
    await fakeBrowser.alarms.create('cool-off', { when: Date.now() + 60_000 });
    const dnr = fakeDnr();

    await eraseEverything({ db, storage: fakeBrowser.storage, dnr, alarms: fakeBrowser.alarms });

    for (const table of db.tables) expect(await table.count()).toBe(0);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(dnr.rules).toEqual({ dynamic: [], session: [] });
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'contacts',
      'letters',
      'meta',
      'periods',
      'summaries',
      'urges',
    ]);
  });
});
