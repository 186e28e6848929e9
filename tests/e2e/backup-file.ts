/**
 * Backup files for the end-to-end tests and the bench, written as a person's file would be: the
 * same JSON shape `docs/backup-format.md` describes, built here by hand rather than by the code
 * under test.
 */

const DAY_MS = 86_400_000;

const utcDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** A backup holding `urges` urges over the last 60 days and whatever `over` puts in place. */
export function backupFile(opts: { urges?: number; now?: number; over?: Record<string, unknown> } = {}): string {
  const { urges = 2, now = Date.now(), over = {} } = opts;
  const hosts = ['www.instagram.com', 'x.com', 'www.facebook.com', 'web.whatsapp.com', ''];
  const triggers = ['lonely', 'bored', 'memory', 'cant-sleep', null];
  const rows = Array.from({ length: urges }, (_, i) => {
    const time = now - 60 * DAY_MS + Math.floor((i / Math.max(urges, 1)) * 59 * DAY_MS);
    const d = new Date(time);
    return {
      id: i + 1,
      time,
      day: utcDay(time),
      hour: d.getUTCHours(),
      weekday: d.getUTCDay(),
      host: hosts[i % hosts.length],
      category: i % 5 === 4 ? 'away' : 'social',
      context: i % 5 === 4 ? 'away' : 'feed',
      intensity: (i % 5) + 1,
      trigger: triggers[i % triggers.length],
      note: i % 4 ? '' : `Wanted to look again, number ${i}. Took a walk around the block instead, then made tea.`,
      outcome: i % 3 ? 'resisted' : 'gave-in',
      answer: '',
      periodId: 'old',
    };
  });
  return JSON.stringify({
    format: 'breathing-room-export',
    version: 2,
    exportedAt: new Date(now).toISOString(),
    settings: {
      categories: { social: true, messaging: true },
      pauseSeconds: 10,
      person: { name: '', profiles: '' },
      neverContinueToPerson: false,
      customSites: [],
      keepPersonAfterPeriod: false,
    },
    period: null,
    urges: rows,
    letters: [],
    contacts: [],
    pastPeriods: [
      {
        id: 'old',
        startDate: utcDay(now - 61 * DAY_MS),
        lengthDays: 60,
        createdAt: now - 61 * DAY_MS,
        closedAt: now - DAY_MS,
        closedHow: 'moved-on',
        readiness: null,
      },
    ],
    ...over,
  });
}
