/**
 * The reflection library: every word the interstitial and the popup say in a hard moment.
 *
 * Each item is written in our own words from one of the five source articles in
 * `../shared/seeds/` and names that article in `source`. Facts and figures carry over (the 30-day
 * minimum, 2-3 months, 3-6 months before reconnecting); sentences do not. Where the articles
 * disagree, the item takes the side that protects the no-contact period: we never suggest
 * watching their life "from a distance".
 */

export type Source =
  | '000_2cc8d9629396fcb6.txt'
  | '001_fbafdf38ca47e504.txt'
  | '002_c18eae403081a59b.txt'
  | '003_e5f071f7dd363d03.txt'
  | '004_908d8ff8ae102936.txt';

export type ItemKind = 'question' | 'reminder' | 'alternative' | 'checklist';

export type Theme =
  | 'why-reaching'
  | 'why-they-reach-out'
  | 'cost-of-contact'
  | 'why-no-contact'
  | 'on-off-cycle'
  | 'urges-pass'
  | 'self-worth'
  | 'someone-new'
  | 'if-i-slip'
  | 'readiness'
  | 'final-checklist'
  | 'no-reply';

/** Where a prompt fits: the kind of page, or the hour. */
export type PromptContext = 'feed' | 'profile' | 'messaging' | 'search' | 'late-night';

export interface LibraryItem {
  id: string;
  kind: ItemKind;
  theme: Theme;
  contexts: readonly PromptContext[];
  source: Source;
  text: string;
}

const ALL: readonly PromptContext[] = ['feed', 'profile', 'messaging', 'search', 'late-night'];

export const LIBRARY: readonly LibraryItem[] = [
  {
    id: 'reach-what-for',
    kind: 'question',
    theme: 'why-reaching',
    contexts: ['messaging', 'profile'],
    source: '001_fbafdf38ca47e504.txt',
    text: 'What are you hoping this gives you: an ending, a way back, or just an answer? Name it before you go on.',
  },
  {
    id: 'reach-closure-within',
    kind: 'reminder',
    theme: 'why-reaching',
    contexts: ['messaging', 'profile', 'late-night'],
    source: '001_fbafdf38ca47e504.txt',
    text: 'Even a good conversation with them rarely settles things. The peace you are after is mostly built on your side, slowly.',
  },
  {
    id: 'reach-longing-love',
    kind: 'question',
    theme: 'why-reaching',
    contexts: ALL,
    source: '004_908d8ff8ae102936.txt',
    text: 'Is this love for who they are now, or an ache for how things used to feel? The two are easy to mix up tonight.',
  },
  {
    id: 'reach-familiar',
    kind: 'question',
    theme: 'why-reaching',
    contexts: ['feed', 'late-night', 'messaging'],
    source: '004_908d8ff8ae102936.txt',
    text: 'Are you missing them, or missing having someone familiar to turn to? Both are real, and only one of them is about this person.',
  },
  {
    id: 'cost-fresh-wounds',
    kind: 'reminder',
    theme: 'cost-of-contact',
    contexts: ['messaging', 'profile'],
    source: '001_fbafdf38ca47e504.txt',
    text: 'A message now can reopen a wound that has only just started to close, and a cold reply would land on the sorest spot.',
  },
  {
    id: 'cost-false-hope',
    kind: 'reminder',
    theme: 'cost-of-contact',
    contexts: ['messaging', 'profile', 'feed'],
    source: '001_fbafdf38ca47e504.txt',
    text: 'Hope is easy to misread when you are hurting. A friendly word from them can feel like a door opening when it is not.',
  },
  {
    id: 'no-contact-heal',
    kind: 'reminder',
    theme: 'why-no-contact',
    contexts: ALL,
    source: '002_c18eae403081a59b.txt',
    text: 'No contact is not a game or a punishment. It is the space you need to grieve, steady yourself and see clearly again.',
  },
  {
    id: 'no-contact-no-checking',
    kind: 'reminder',
    theme: 'why-no-contact',
    contexts: ['feed', 'profile', 'search'],
    source: '002_c18eae403081a59b.txt',
    text: 'Checking their page is contact too, just one-way. Every look restarts the clock on healing a little.',
  },
  {
    id: 'no-contact-thirty',
    kind: 'reminder',
    theme: 'why-no-contact',
    contexts: ['feed', 'messaging'],
    source: '002_c18eae403081a59b.txt',
    text: 'Thirty days is the least most guides suggest, and two to three months is common. Each day you keep counts toward it.',
  },
  {
    id: 'urge-wave',
    kind: 'reminder',
    theme: 'urges-pass',
    contexts: ALL,
    source: '002_c18eae403081a59b.txt',
    text: 'This pull is strongest right now and will ease if you let it pass. The first days are the hardest; it does get lighter.',
  },
  {
    id: 'urge-ten-minutes',
    kind: 'question',
    theme: 'urges-pass',
    contexts: ['late-night', 'feed', 'messaging'],
    source: '002_c18eae403081a59b.txt',
    text: 'Could you give this feeling ten more minutes before you decide anything? Urges crest and fall, like a wave.',
  },
  {
    id: 'cycle-one-more',
    kind: 'question',
    theme: 'on-off-cycle',
    contexts: ['messaging', 'profile'],
    source: '002_c18eae403081a59b.txt',
    text: '“Just one more chance and we will stop fighting.” Have you told yourself this before? What happened then?',
  },
  {
    id: 'cycle-rose-memory',
    kind: 'reminder',
    theme: 'on-off-cycle',
    contexts: ['feed', 'profile', 'late-night'],
    source: '002_c18eae403081a59b.txt',
    text: 'Memory is kind to the past: the hard parts fade first and the sweet parts stay bright. Remember the whole picture.',
  },
  {
    id: 'worth-build',
    kind: 'reminder',
    theme: 'self-worth',
    contexts: ['feed', 'late-night'],
    source: '002_c18eae403081a59b.txt',
    text: 'Put this energy into your own life: sleep, a body that moves, friends who show up, work or a hobby you care about.',
  },
  {
    id: 'late-night-morning',
    kind: 'reminder',
    theme: 'urges-pass',
    contexts: ['late-night'],
    source: '001_fbafdf38ca47e504.txt',
    text: 'Decisions made after midnight rarely look the same in daylight. Let the morning version of you choose.',
  },
  {
    id: 'no-reply-answer',
    kind: 'reminder',
    theme: 'no-reply',
    contexts: ['messaging', 'profile'],
    source: '004_908d8ff8ae102936.txt',
    text: 'If they have not written, that silence is already telling you something. Respecting it protects your dignity as well as theirs.',
  },
  {
    id: 'search-why',
    kind: 'question',
    theme: 'why-no-contact',
    contexts: ['search'],
    source: '002_c18eae403081a59b.txt',
    text: 'What do you expect to find, and how will you feel after you find it? Looking them up keeps them at the centre of your day.',
  },
];
