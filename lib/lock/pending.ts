import { healthItem, parseHealth, unprotectedIn } from '../background/protection-health';
import type { Period } from '../period/period';
import { assertWithinRuleBudget } from '../rules/budget';
import { SaveRefused } from '../settings/refusal';
import { type PendingChange, pendingChangesSchema, storableProblem } from '../settings/schema';
import { loadPeriod, loadSettings, parseSettings, type Settings, settingsItem } from '../settings/settings';
import { parsePending, pendingChangesItem } from './pending-item';
import { cancel, type Loosening, lockActive, planSettings, request, sameChange } from './plan';

/**
 * The waiting changes in storage (what waits, and why, is `plan.ts`'s). Every read goes through the
 * schema and keeps only entries that can be trusted; every write is checked before it is stored.
 */

export { parsePending, pendingChangesItem } from './pending-item';

export async function loadPending(): Promise<PendingChange[]> {
  return parsePending(await pendingChangesItem.getValue());
}

/** The waiting list as it may be stored: a change the next read would drop is refused, not written. */
function checked(pending: readonly PendingChange[]): PendingChange[] {
  const read = pendingChangesSchema.safeParse(pending);
  if (!read.success) {
    const issue = read.error.issues[0];
    throw new Error(`A waiting change is not valid at “${issue?.path.join('.')}”: ${issue?.message}`);
  }
  return read.data;
}

/** Stores the waiting list after a request or a cancel. */
export async function savePending(pending: readonly PendingChange[]): Promise<void> {
  await pendingChangesItem.setValue(checked(pending));
}

export interface GuardedSave {
  settings: Settings;
  /** The parts of this save that wait for the cool-off (empty when everything applied). */
  waiting: PendingChange[];
}

/**
 * Saves a settings change, holding back whatever lowers protection while a period runs. Use it for
 * every settings change a person makes; tightening still applies at once.
 */
export async function saveSettingsWithCoolOff(
  update: (current: Settings) => Settings,
  now = Date.now(),
): Promise<GuardedSave> {
  const [before, period, pending] = await Promise.all([loadSettings(), loadPeriod(), loadPending()]);
  const after = parseSettings(update(before));
  if (!lockActive(period, now)) {
    assertWithinRuleBudget(before, after);
    await settingsItem.setValue(after);
    return { settings: after, waiting: [] };
  }
  const plan = planSettings(before, after, unprotectedIn(parseHealth(await healthItem.getValue())));
  // Refused whole rather than read back with a field dropped: see `storableProblem`.
  const unstorable = storableProblem(plan.now);
  if (unstorable) throw new SaveRefused(unstorable);
  const settings = parseSettings(plan.now);
  // What waits stays paused meanwhile, so it counts too.
  assertWithinRuleBudget(before, settings);
  // Checked before anything is written, so a change that cannot wait is never half saved.
  const nextPending = checked(request(pending, plan.later, period, now));
  await settingsItem.setValue(settings);
  if (plan.later.length) await pendingChangesItem.setValue(nextPending);
  const waiting = nextPending.filter((p) => plan.later.some((c) => sameChange(p.change, c)));
  return { settings, waiting };
}

/** Asks to end the running period early: it closes when the cool-off ends. */
export async function requestEndEarly(
  period: Period,
  end: Omit<Extract<Loosening, { kind: 'end-period' }>, 'kind' | 'periodId'>,
  now = Date.now(),
): Promise<PendingChange> {
  const next = request(await loadPending(), [{ kind: 'end-period', periodId: period.id, ...end }], period, now);
  await savePending(next);
  return next[next.length - 1] as PendingChange;
}

export async function cancelPending(id: string): Promise<void> {
  await savePending(cancel(await loadPending(), id));
}
