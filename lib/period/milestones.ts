import type { LibraryItem } from '@/content/library';
import { MILESTONE_LINES } from '@/content/milestone-lines';

export const MILESTONES = [7, 14, 30, 45, 60, 90] as const;

/** The library's line for a milestone day, if that day is one. */
export function milestoneLine(day: number): LibraryItem | null {
  return MILESTONE_LINES.find((item) => item.milestone === day) ?? null;
}

/** The milestone reached on this day of the period, if any. */
export function milestoneOn(day: number): number | null {
  return (MILESTONES as readonly number[]).includes(day) ? day : null;
}
