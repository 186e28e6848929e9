/**
 * The reflection library: every word the interstitial and the popup say in a hard moment.
 *
 * Each item is written in our own words from one of the five source articles in
 * `../shared/seeds/` and names that article in `source`. Facts and figures carry over (the 30-day
 * minimum, 2-3 months, 3-6 months before reconnecting); sentences do not. Where the articles
 * disagree, the item takes the side that protects the no-contact period: we never suggest
 * watching their life "from a distance".
 */

import { MILESTONE_LINES } from './milestones';

export type Source =
  | '000_2cc8d9629396fcb6.txt'
  | '001_fbafdf38ca47e504.txt'
  | '002_c18eae403081a59b.txt'
  | '003_e5f071f7dd363d03.txt'
  | '004_908d8ff8ae102936.txt';

export type ItemKind = 'question' | 'reminder' | 'alternative' | 'checklist';

/** What an item is about. Every theme has items; selection leans on some of them by period day. */
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
  | 'no-reply'
  | 'milestone'
  | 'reconnect-with-care';

/** Where a prompt fits: the kind of page, or the hour. */
export type PromptContext = 'feed' | 'profile' | 'messaging' | 'search' | 'late-night';

export interface LibraryItem {
  id: string;
  kind: ItemKind;
  theme: Theme;
  contexts: readonly PromptContext[];
  source: Source;
  text: string;
  /** For milestone lines: the day of the period they mark. */
  milestone?: number;
  /** Shown only once this many days of no contact have been kept. */
  minDaysKept?: number;
}

export const ALL: readonly PromptContext[] = ['feed', 'profile', 'messaging', 'search', 'late-night'];

export const LIBRARY: readonly LibraryItem[] = [
  // Why am I reaching for them? Closure, reconciliation or clarity; longing versus love;
  // loneliness and the pull of the familiar.
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
    id: 'reach-secret-hope',
    kind: 'question',
    theme: 'why-reaching',
    contexts: ['messaging', 'profile', 'search'],
    source: '001_fbafdf38ca47e504.txt',
    text: 'If you say you only want answers, check gently: is there a quiet hope underneath that they will ask you back?',
  },
  {
    id: 'reach-clarity-cover',
    kind: 'question',
    theme: 'why-reaching',
    contexts: ['profile', 'search', 'feed'],
    source: '001_fbafdf38ca47e504.txt',
    text: 'Wanting to know how they are doing can be a way of opening a door you agreed to close. Which is it right now?',
  },
  {
    id: 'reach-lonely-tonight',
    kind: 'question',
    theme: 'why-reaching',
    contexts: ['late-night', 'messaging'],
    source: '004_908d8ff8ae102936.txt',
    text: 'Would any kind voice ease this, or does it have to be theirs? If anyone would do, reach for someone who is still in your corner.',
  },

  // Why an ex gets in touch: missing you, or ego, guilt and loneliness.
  {
    id: 'they-why',
    kind: 'reminder',
    theme: 'why-they-reach-out',
    contexts: ['messaging'],
    source: '000_2cc8d9629396fcb6.txt',
    text: 'A message from them can mean they miss you. It can also mean they want reassurance, want to ease their guilt, or are lonely for a while. Only they know which.',
  },
  {
    id: 'they-ego',
    kind: 'reminder',
    theme: 'why-they-reach-out',
    contexts: ['messaging', 'profile'],
    source: '000_2cc8d9629396fcb6.txt',
    text: 'Sometimes an ex writes just to check they still matter to you. Once they have that boost, the conversation often fades again.',
  },
  {
    id: 'they-friends',
    kind: 'reminder',
    theme: 'why-they-reach-out',
    contexts: ['messaging'],
    source: '000_2cc8d9629396fcb6.txt',
    text: '“Let’s be friends” soon after a breakup often eases their guilt more than it meets your needs. You are allowed to say not yet.',
  },
  {
    id: 'they-stopgap',
    kind: 'question',
    theme: 'why-they-reach-out',
    contexts: ['messaging', 'late-night'],
    source: '000_2cc8d9629396fcb6.txt',
    text: 'If they wrote, are they offering something steady, or keeping you close until the loneliness passes for them?',
  },
  {
    id: 'they-pause-first',
    kind: 'reminder',
    theme: 'why-they-reach-out',
    contexts: ['messaging'],
    source: '002_c18eae403081a59b.txt',
    text: 'You don’t owe an instant reply. If their message stirs up confusion or hurt, it is fine to wait, or to say you need space for now.',
  },

  // What contact costs.
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
    id: 'cost-slower',
    kind: 'reminder',
    theme: 'cost-of-contact',
    contexts: ALL,
    source: '001_fbafdf38ca47e504.txt',
    text: 'Every contact, even a small one, tends to set healing back a few steps. The days you have kept are worth protecting.',
  },
  {
    id: 'cost-stuck',
    kind: 'question',
    theme: 'cost-of-contact',
    contexts: ['feed', 'profile', 'search'],
    source: '001_fbafdf38ca47e504.txt',
    text: 'While your attention stays on the past, what new person, plan or chance might you be walking past without seeing?',
  },
  {
    id: 'cost-rejection',
    kind: 'question',
    theme: 'cost-of-contact',
    contexts: ['messaging'],
    source: '001_fbafdf38ca47e504.txt',
    text: 'If they answered coldly, or not at all, how would tonight feel afterwards? Is that a risk you can afford right now?',
  },
  {
    id: 'cost-friendship-trap',
    kind: 'reminder',
    theme: 'cost-of-contact',
    contexts: ['messaging', 'feed'],
    source: '002_c18eae403081a59b.txt',
    text: 'Staying “just friends” straight away keeps the door half open: healing waits, and they never get to feel your absence.',
  },

  // Why no contact works.
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
    id: 'no-contact-stop-chasing',
    kind: 'reminder',
    theme: 'why-no-contact',
    contexts: ['messaging', 'profile'],
    source: '003_e5f071f7dd363d03.txt',
    text: 'Pushing tends to make people pull away. Stepping back is not giving up; it gives both of you room to breathe.',
  },
  {
    id: 'no-contact-info-diet',
    kind: 'reminder',
    theme: 'why-no-contact',
    contexts: ['feed', 'search', 'profile'],
    source: '002_c18eae403081a59b.txt',
    text: 'No contact includes news about them: their posts, their stories, updates passed on by friends. Less information means less to ache over.',
  },
  {
    id: 'no-contact-search-why',
    kind: 'question',
    theme: 'why-no-contact',
    contexts: ['search'],
    source: '002_c18eae403081a59b.txt',
    text: 'What do you expect to find, and how will you feel after you find it? Looking them up keeps them at the centre of your day.',
  },
  {
    id: 'no-contact-for-you',
    kind: 'reminder',
    theme: 'why-no-contact',
    contexts: ['feed', 'late-night'],
    source: '002_c18eae403081a59b.txt',
    text: 'This time is about you, not them. The point is to heal and to grow into someone who is fine whatever happens next.',
  },

  // The on/off cycle and "one more chance" thinking; memory softens the hard parts.
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
    id: 'cycle-highs-lows',
    kind: 'reminder',
    theme: 'on-off-cycle',
    contexts: ['messaging', 'late-night'],
    source: '002_c18eae403081a59b.txt',
    text: 'After a stormy relationship, the mind can treat the breakup as one more low before the next high. It may simply be the end.',
  },
  {
    id: 'cycle-why-ended',
    kind: 'question',
    theme: 'on-off-cycle',
    contexts: ['profile', 'feed', 'search'],
    source: '003_e5f071f7dd363d03.txt',
    text: 'Write down the real reason it ended. Has that reason changed, on both sides, or only faded in your memory?',
  },
  {
    id: 'cycle-bargaining',
    kind: 'reminder',
    theme: 'on-off-cycle',
    contexts: ['late-night', 'messaging'],
    source: '003_e5f071f7dd363d03.txt',
    text: 'Being sure they are the only one you want can be grief bargaining with you. Certainty at 2 a.m. deserves a second look by day.',
  },

  // Urges pass; the first days are the hardest.
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
    id: 'late-night-morning',
    kind: 'reminder',
    theme: 'urges-pass',
    contexts: ['late-night'],
    source: '001_fbafdf38ca47e504.txt',
    text: 'Decisions made after midnight rarely look the same in daylight. Let the morning version of you choose.',
  },
  {
    id: 'urge-withdrawal',
    kind: 'reminder',
    theme: 'urges-pass',
    contexts: ['feed', 'profile', 'late-night'],
    source: '002_c18eae403081a59b.txt',
    text: 'Heartbreak has been studied alongside withdrawal, and it can feel that physical. The craving is real, and it fades when it isn’t fed.',
  },
  {
    id: 'urge-early-days',
    kind: 'reminder',
    theme: 'urges-pass',
    contexts: ['messaging', 'profile'],
    source: '002_c18eae403081a59b.txt',
    text: 'Most people slip in the very first days because silence feels unbearable. Get through these few, and clarity starts to arrive.',
  },
  {
    id: 'urge-notice',
    kind: 'question',
    theme: 'urges-pass',
    contexts: ALL,
    source: '001_fbafdf38ca47e504.txt',
    text: 'Where do you feel this urge in your body right now? Naming it often loosens its grip a little.',
  },

  // Self-worth and growth: health, friends, work, hobbies.
  {
    id: 'worth-build',
    kind: 'reminder',
    theme: 'self-worth',
    contexts: ['feed', 'late-night'],
    source: '002_c18eae403081a59b.txt',
    text: 'Put this energy into your own life: sleep, a body that moves, friends who show up, work or a hobby you care about.',
  },
  {
    id: 'worth-deserve',
    kind: 'reminder',
    theme: 'self-worth',
    contexts: ['profile', 'late-night'],
    source: '002_c18eae403081a59b.txt',
    text: 'The fear that nobody will love you like they did is a symptom of the hurt, not a fact about your future.',
  },
  {
    id: 'worth-one-thing',
    kind: 'question',
    theme: 'self-worth',
    contexts: ['feed', 'search'],
    source: '003_e5f071f7dd363d03.txt',
    text: 'What is one small change you have wanted to make in your own life? Could today hold the first step?',
  },
  {
    id: 'worth-beyond-them',
    kind: 'question',
    theme: 'self-worth',
    contexts: ['feed', 'profile'],
    source: '002_c18eae403081a59b.txt',
    text: 'If your days used to orbit around them, what do you want your life to be about now, apart from any relationship?',
  },
  {
    id: 'worth-friends',
    kind: 'reminder',
    theme: 'self-worth',
    contexts: ['late-night', 'messaging'],
    source: '002_c18eae403081a59b.txt',
    text: 'Friends make this far easier. If yours are near, lean on them; if they are far, a call still counts.',
  },
  {
    id: 'worth-growth-either-way',
    kind: 'reminder',
    theme: 'self-worth',
    contexts: ALL,
    source: '004_908d8ff8ae102936.txt',
    text: 'Whatever happens with them, the growth you do now stays yours. Nobody can take that back from you.',
  },

  // When they are with someone new.
  {
    id: 'new-rebound',
    kind: 'reminder',
    theme: 'someone-new',
    contexts: ['profile', 'feed', 'search'],
    source: '002_c18eae403081a59b.txt',
    text: 'If they are already seeing someone, it may be a rebound, a way to avoid feeling the loss. It is not a verdict on your worth.',
  },
  {
    id: 'new-let-be',
    kind: 'reminder',
    theme: 'someone-new',
    contexts: ['profile', 'messaging'],
    source: '002_c18eae403081a59b.txt',
    text: 'Who they date now is their choice to make. Your part is to keep your focus on your own healing, not on their story.',
  },
  {
    id: 'new-panic',
    kind: 'question',
    theme: 'someone-new',
    contexts: ['messaging', 'late-night'],
    source: '002_c18eae403081a59b.txt',
    text: 'Finding out about someone new brings panic. Would a message sent from panic say what you actually mean?',
  },
  {
    id: 'new-not-your-business',
    kind: 'reminder',
    theme: 'someone-new',
    contexts: ['search', 'profile'],
    source: '001_fbafdf38ca47e504.txt',
    text: 'Reaching out while either of you is with someone new can hurt people who had no part in this. Give it a wide berth.',
  },

  // If I slip: be kind, and get back on track.
  {
    id: 'slip-kind',
    kind: 'reminder',
    theme: 'if-i-slip',
    contexts: ALL,
    source: '001_fbafdf38ca47e504.txt',
    text: 'If you slipped today, you have not lost everything. Notice how it felt, be gentle with yourself, and start again from now.',
  },
  {
    id: 'slip-what-learned',
    kind: 'question',
    theme: 'if-i-slip',
    contexts: ['messaging', 'profile'],
    source: '001_fbafdf38ca47e504.txt',
    text: 'Last time you made contact, what did you feel in the hour after? Let that memory take part in this decision.',
  },
  {
    id: 'slip-self-care',
    kind: 'reminder',
    theme: 'if-i-slip',
    contexts: ['late-night', 'feed'],
    source: '001_fbafdf38ca47e504.txt',
    text: 'After any contact, look after yourself first: something restful, something that brings you joy, and people who steady you.',
  },
  {
    id: 'slip-counter',
    kind: 'reminder',
    theme: 'if-i-slip',
    contexts: ['messaging'],
    source: '003_e5f071f7dd363d03.txt',
    text: 'One reader broke no contact again and again and came across as needy until he was pushed away. A slip is a lesson, not a plan.',
  },
  {
    id: 'slip-restart',
    kind: 'reminder',
    theme: 'if-i-slip',
    contexts: ['feed', 'profile'],
    source: '002_c18eae403081a59b.txt',
    text: 'If contact leaves you confused or hurt, stepping back into no contact is always allowed. You can restart as many times as it takes.',
  },

  // Readiness: no need of them to be happy; a reunion is a new relationship.
  {
    id: 'ready-happy-without',
    kind: 'question',
    theme: 'readiness',
    contexts: ALL,
    source: '003_e5f071f7dd363d03.txt',
    text: 'Can you honestly say you would be okay, even happy, if they never came back? That is the sign of being ready, whatever you choose.',
  },
  {
    id: 'ready-new-relationship',
    kind: 'reminder',
    theme: 'readiness',
    contexts: ['messaging', 'profile'],
    source: '000_2cc8d9629396fcb6.txt',
    text: 'There is no going back to the old relationship, only forward into a new one with someone you will have to meet again.',
  },
  {
    id: 'ready-smiles',
    kind: 'question',
    theme: 'readiness',
    contexts: ['feed', 'late-night'],
    source: '001_fbafdf38ca47e504.txt',
    text: 'When you remember them now, is it more smiles than tears? Until it is, you are still healing, and that is fine.',
  },
  {
    id: 'ready-time',
    kind: 'reminder',
    theme: 'readiness',
    contexts: ['messaging', 'profile', 'search'],
    source: '004_908d8ff8ae102936.txt',
    text: 'People who reconnect well usually wait three to six months or more, longer after betrayal. There is no prize for going early.',
  },
  {
    id: 'ready-slow',
    kind: 'reminder',
    theme: 'readiness',
    contexts: ['messaging'],
    source: '000_2cc8d9629396fcb6.txt',
    text: 'If you do reconnect one day, take it slowly: learn who the other person is now, and don’t rush into bed or back into old arguments.',
  },
  {
    id: 'ready-both-changed',
    kind: 'question',
    theme: 'readiness',
    contexts: ['profile', 'feed'],
    source: '004_908d8ff8ae102936.txt',
    text: 'Second chances last when both people have changed. What has actually changed, in you and in them, since the end?',
  },

  // The final checklist before reaching out.
  {
    id: 'check-why-ended',
    kind: 'checklist',
    theme: 'final-checklist',
    contexts: ['messaging', 'profile'],
    source: '004_908d8ff8ae102936.txt',
    text: 'I can say clearly why the relationship ended.',
  },
  {
    id: 'check-changed',
    kind: 'checklist',
    theme: 'final-checklist',
    contexts: ['messaging', 'profile'],
    source: '004_908d8ff8ae102936.txt',
    text: 'I have made real, visible changes in how I act or think, not just promises.',
  },
  {
    id: 'check-rejection',
    kind: 'checklist',
    theme: 'final-checklist',
    contexts: ['messaging', 'profile'],
    source: '004_908d8ff8ae102936.txt',
    text: 'I am ready to hear no, and to be all right afterwards.',
  },
  {
    id: 'check-clarity',
    kind: 'checklist',
    theme: 'final-checklist',
    contexts: ['messaging'],
    source: '004_908d8ff8ae102936.txt',
    text: 'What I want to say is about being clear, not about talking them into anything.',
  },
  {
    id: 'check-stable',
    kind: 'checklist',
    theme: 'final-checklist',
    contexts: ['messaging'],
    source: '004_908d8ff8ae102936.txt',
    text: 'Both our lives are steady enough right now: no big crisis, and neither of us is with someone new.',
  },
  {
    id: 'check-any-outcome',
    kind: 'checklist',
    theme: 'final-checklist',
    contexts: ['messaging', 'profile'],
    source: '004_908d8ff8ae102936.txt',
    text: 'Friendship, or no contact at all, would also be an outcome I can live with.',
  },
  {
    id: 'check-happy-alone',
    kind: 'checklist',
    theme: 'final-checklist',
    contexts: ['messaging', 'profile'],
    source: '002_c18eae403081a59b.txt',
    text: 'I don’t need them in order to be happy; I would be reaching out by choice, not from need.',
  },

  // A reply that never comes is an answer.
  {
    id: 'no-reply-answer',
    kind: 'reminder',
    theme: 'no-reply',
    contexts: ['messaging', 'profile'],
    source: '004_908d8ff8ae102936.txt',
    text: 'If they have not written, that silence is already telling you something. Respecting it protects your dignity as well as theirs.',
  },
  {
    id: 'no-reply-again',
    kind: 'question',
    theme: 'no-reply',
    contexts: ['messaging'],
    source: '004_908d8ff8ae102936.txt',
    text: 'If your last message went unanswered, what would another one add, other than a second silence to sit with?',
  },
  {
    id: 'no-reply-boundary',
    kind: 'reminder',
    theme: 'no-reply',
    contexts: ['messaging', 'late-night'],
    source: '004_908d8ff8ae102936.txt',
    text: 'No reply is a boundary, even when it is unspoken. Honouring it is something you can be proud of later.',
  },

  // Things to do instead, offered as the way out of the moment.
  {
    id: 'alt-call-friend',
    kind: 'alternative',
    theme: 'self-worth',
    contexts: ALL,
    source: '002_c18eae403081a59b.txt',
    text: 'Call or text a friend who is on your side. You don’t have to talk about them; just hear a voice that cares.',
  },
  {
    id: 'alt-walk',
    kind: 'alternative',
    theme: 'urges-pass',
    contexts: ['feed', 'profile', 'messaging', 'search'],
    source: '002_c18eae403081a59b.txt',
    text: 'Go for a ten-minute walk, phone in your pocket. Let the urge ride along and notice it shrink.',
  },
  {
    id: 'alt-write',
    kind: 'alternative',
    theme: 'why-reaching',
    contexts: ALL,
    source: '004_908d8ff8ae102936.txt',
    text: 'Write what you want to say, and don’t send it. Put it all down; read it again tomorrow.',
  },
  {
    id: 'alt-move',
    kind: 'alternative',
    theme: 'self-worth',
    contexts: ['feed', 'profile', 'messaging', 'search'],
    source: '002_c18eae403081a59b.txt',
    text: 'Move for a few minutes: stretch, dance to one song, do twenty squats. Give the restlessness somewhere to go.',
  },
  {
    id: 'alt-breathe',
    kind: 'alternative',
    theme: 'urges-pass',
    contexts: ALL,
    source: '001_fbafdf38ca47e504.txt',
    text: 'Breathe in for four and out for six, ten times. Slow breaths tell your body the emergency is over.',
  },
  {
    id: 'alt-rest',
    kind: 'alternative',
    theme: 'urges-pass',
    contexts: ['late-night'],
    source: '001_fbafdf38ca47e504.txt',
    text: 'Put the screen away and get into bed with something gentle to read or listen to. Tonight’s only job is rest.',
  },
  {
    id: 'alt-small-task',
    kind: 'alternative',
    theme: 'self-worth',
    contexts: ['feed', 'search', 'profile'],
    source: '003_e5f071f7dd363d03.txt',
    text: 'Do one small thing you enjoy or have been putting off: make a proper meal, tidy one shelf, play an instrument.',
  },
  {
    id: 'alt-plan',
    kind: 'alternative',
    theme: 'self-worth',
    contexts: ['feed', 'late-night', 'messaging'],
    source: '002_c18eae403081a59b.txt',
    text: 'Plan something for this week that is just for you: a class, a gym session, coffee with an old friend.',
  },
  {
    id: 'alt-cold-water',
    kind: 'alternative',
    theme: 'urges-pass',
    contexts: ['late-night', 'messaging', 'profile'],
    source: '001_fbafdf38ca47e504.txt',
    text: 'Splash cold water on your face or hold something cold for a minute. It interrupts the spiral surprisingly well.',
  },

  ...MILESTONE_LINES,

  // Reconnecting with care, for when the period is over and the answer is still "I want to try".
  {
    id: 'reconnect-low-pressure',
    kind: 'reminder',
    theme: 'reconnect-with-care',
    contexts: ['messaging'],
    source: '004_908d8ff8ae102936.txt',
    text: 'Keep a first message short, warm and easy to ignore: something that leaves them free to reply when and how they want, or not at all.',
  },
  {
    id: 'reconnect-ownership',
    kind: 'reminder',
    theme: 'reconnect-with-care',
    contexts: ['messaging'],
    source: '004_908d8ff8ae102936.txt',
    text: 'If you talk, own your part without dividing up the blame, and show what has changed through what you do rather than promises.',
  },
  {
    id: 'reconnect-slow',
    kind: 'reminder',
    theme: 'reconnect-with-care',
    contexts: ['messaging'],
    source: '002_c18eae403081a59b.txt',
    text: 'If they answer, suggest something small, like a coffee, and take it slowly. Talk through what went wrong before calling it a relationship again.',
  },
  {
    id: 'reconnect-listen',
    kind: 'reminder',
    theme: 'reconnect-with-care',
    contexts: ['messaging'],
    source: '004_908d8ff8ae102936.txt',
    text: 'Listen more than you speak, don’t press for an answer, and never arrive unannounced. Their timeline matters as much as yours.',
  },
  {
    id: 'reconnect-any-answer',
    kind: 'question',
    theme: 'reconnect-with-care',
    contexts: ['messaging'],
    source: '004_908d8ff8ae102936.txt',
    text: 'If the door stays closed, can you walk away with the growth you have gained and without chasing?',
  },
  {
    id: 'reconnect-say-your-piece',
    kind: 'reminder',
    theme: 'reconnect-with-care',
    contexts: ['messaging'],
    source: '002_c18eae403081a59b.txt',
    minDaysKept: 60,
    text: 'After two months or more, one honest “say your piece” message is an option: how you feel, once, with no pressure, ready to accept whatever they answer and let go.',
  },
];
