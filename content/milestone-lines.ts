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
    milestone: 7,
    text: 'A whole week. The first days are the hardest part of no contact, and you are through them.',
  },
  {
    id: 'milestone-14',
    kind: 'reminder',
    theme: 'milestone',
    contexts: ALL,
    source: '002_c18eae403081a59b.txt',
    milestone: 14,
    text: 'Two weeks. The fog usually starts to lift around now; notice the moments that feel a little clearer.',
  },
  {
    id: 'milestone-30',
    kind: 'reminder',
    theme: 'milestone',
    contexts: ALL,
    source: '002_c18eae403081a59b.txt',
    milestone: 30,
    text: 'Thirty days: the minimum most guides ask for, and you have done it. Take stock of how far you have come.',
  },
  {
    id: 'milestone-45',
    kind: 'reminder',
    theme: 'milestone',
    contexts: ALL,
    source: '002_c18eae403081a59b.txt',
    milestone: 45,
    text: 'Forty-five days. Healing is a roller coaster, so hard days still come; they pass faster now.',
  },
  {
    id: 'milestone-60',
    kind: 'reminder',
    theme: 'milestone',
    contexts: ALL,
    source: '002_c18eae403081a59b.txt',
    milestone: 60,
    text: 'Two months. This is the span many people need before they can think about the relationship calmly.',
  },
  {
    id: 'milestone-90',
    kind: 'reminder',
    theme: 'milestone',
    contexts: ALL,
    source: '004_908d8ff8ae102936.txt',
    milestone: 90,
    text: 'Ninety days. Three months of choosing yourself; whatever comes next, you will meet it steadier.',
  },
];
