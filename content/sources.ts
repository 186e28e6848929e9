/**
 * The five source articles the library is written from, as the project's own record: the file
 * name each item cites, and what the article covers, in our words. The articles themselves live
 * outside the project (`../shared/seeds/`); this list lets the library's citations be checked
 * without them.
 */

export const SOURCES = [
  {
    file: '000_2cc8d9629396fcb6.txt',
    about: 'When an ex gets in touch out of the blue: why they might, and what to weigh before answering.',
  },
  {
    file: '001_fbafdf38ca47e504.txt',
    about: 'Reaching out to an ex who ended it: the pros and cons, the timing, your motive, and after-care.',
  },
  {
    file: '002_c18eae403081a59b.txt',
    about: 'A breakup coach’s guide to wanting an ex back, why moving on is often healthier, and no contact.',
  },
  {
    file: '003_e5f071f7dd363d03.txt',
    about: 'A short three-step guest post on stopping contact, with readers’ stories of breaking it.',
  },
  {
    file: '004_908d8ff8ae102936.txt',
    about: 'Reconnecting with intention: motive, timing, honest words, and a checklist before reaching out.',
  },
] as const;

export type Source = (typeof SOURCES)[number]['file'];

export const SOURCE_FILES: readonly Source[] = SOURCES.map((s) => s.file);
