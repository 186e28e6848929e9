import { ALL, type LibraryItem } from './types';

/**
 * Milestone lines for the popup, kept apart from the rest of the library so the popup can show
 * them without loading every prompt. They are part of `LIBRARY` too, and follow its rules: our own
 * words, each naming its source article.
 */

export const MILESTONE_LINES: readonly LibraryItem[] = [
  {
    id: 'milestone-7',
    kind: 'reminder',
    theme: 'milestone',
    contexts: ALL,
    source: '002_c18eae403081a59b.txt',
    lines: [119, 119],
    milestone: 7,
    text: 'A whole week. Seven days in a row of choosing yourself, each one of them yours.',
  },
  {
    id: 'milestone-14',
    kind: 'reminder',
    theme: 'milestone',
    contexts: ALL,
    source: '002_c18eae403081a59b.txt',
    lines: [119, 119],
    milestone: 14,
    text: 'Two weeks. Once the first days are behind you, things often start to feel a little clearer; notice the moments when they do.',
  },
  {
    id: 'milestone-30',
    kind: 'reminder',
    theme: 'milestone',
    contexts: ALL,
    source: '002_c18eae403081a59b.txt',
    lines: [58, 58],
    milestone: 30,
    text: 'Thirty days: the least the coach’s guide asks for, and you have done it. Take stock of how far you have come.',
  },
  {
    id: 'milestone-45',
    kind: 'reminder',
    theme: 'milestone',
    contexts: ALL,
    source: '002_c18eae403081a59b.txt',
    lines: [246, 246],
    milestone: 45,
    text: 'Forty-five days. Healing goes up and down, so hard days still come; you have got through every one so far.',
  },
  {
    id: 'milestone-60',
    kind: 'reminder',
    theme: 'milestone',
    contexts: ALL,
    source: '002_c18eae403081a59b.txt',
    lines: [253, 253],
    milestone: 60,
    text: 'Two months of no contact. You may find you can think about the relationship more calmly now than you could at the start.',
  },
  {
    id: 'milestone-90',
    kind: 'reminder',
    theme: 'milestone',
    contexts: ALL,
    source: '004_908d8ff8ae102936.txt',
    lines: [37, 37],
    milestone: 90,
    text: 'Ninety days. Three months of choosing yourself; whatever comes next, you will meet it steadier.',
  },
];

/** Lines for the end of a period, on its completion view: one of them, the same for a period each time. */
export const COMPLETION_LINES: readonly LibraryItem[] = [
  {
    id: 'complete-yours',
    kind: 'reminder',
    theme: 'completion',
    contexts: ALL,
    source: '002_c18eae403081a59b.txt',
    lines: [233, 234],
    text: 'You promised yourself this stretch of quiet and you kept it. The time went into your own healing, and that stays yours, whatever you decide next.',
  },
  {
    id: 'complete-your-life',
    kind: 'reminder',
    theme: 'completion',
    contexts: ALL,
    source: '002_c18eae403081a59b.txt',
    lines: [126, 127],
    text: 'Each day you held to it was a day given to your own life rather than to theirs. Keep tending it: the friends, the sleep, the things you love doing.',
  },
  {
    id: 'complete-without-them',
    kind: 'reminder',
    theme: 'completion',
    contexts: ALL,
    source: '003_e5f071f7dd363d03.txt',
    lines: [17, 17],
    text: 'You have shown yourself something worth remembering: the hard hours can be lived through without them, and a good life does not wait on their return.',
  },
];
