/**
 * Every limit on what the user chooses, defined once. The schemas (`schema.ts`) that read storage,
 * check a backup and check a waiting change use these, and so do the forms and the cool-off; a
 * limit changed here changes everywhere at once.
 */

/** The first pause on the interstitial, in seconds. */
export const MIN_PAUSE_SECONDS = 5;
export const MAX_PAUSE_SECONDS = 60;

/** A name, as typed (searches for it are paused). */
export const MAX_NAME_LENGTH = 200;
/** Other names of one person (a nickname, a former surname), one a line. */
export const MAX_OTHER_NAMES = 4;
/**
 * Someone's other names as stored: as many again of names whose removal waits (see `lib/lock`),
 * and the name itself, with the line breaks between them.
 */
export const MAX_OTHER_NAMES_LENGTH = (2 * MAX_OTHER_NAMES + 1) * (MAX_NAME_LENGTH + 1);
/**
 * People besides the one the period is about (a new partner, a best friend). Five people in all,
 * each with five names and ten profiles, fit the browsers' rule limits with 500 custom sites.
 */
export const MAX_OTHER_PEOPLE = 4;
/** People around them as stored and in a backup: as many again of people whose removal waits. */
export const MAX_LISTED_OTHER_PEOPLE = 2 * MAX_OTHER_PEOPLE;
/** The whole "Their profiles" box. */
export const MAX_PROFILES_LENGTH = 10_000;
/** Lines of "Their profiles" that are read; any past it are shown as needing a second look. */
export const MAX_PROFILE_LINES = 50;
/** One line of "Their profiles", as a waiting removal keeps it. */
export const MAX_PROFILE_LINE_LENGTH = 2000;

/** At most this many custom sites: one rule each stays well inside the browser's regex-rule limit. */
export const MAX_CUSTOM_SITES = 500;
/** A host name, as DNS allows. */
export const MAX_HOST_LENGTH = 253;
export const MAX_PATH_LENGTH = 2000;
/** A site's label: its host and path as typed. */
export const MAX_LABEL_LENGTH = 2300;

/** The person's own if-then plans, shown first on the pause page. */
export const MAX_PLANS = 3;
export const MAX_PLAN_LENGTH = 300;
/** The note from their calm self. */
export const MAX_CALM_NOTE_LENGTH = 1000;

/**
 * Ids of the reflections, alternatives and plans shown lately, kept so none repeats too soon:
 * forty visits of one prompt, three alternatives and one of the person's own words (see
 * `lib/pause/select-prompt.ts`).
 */
export const REMEMBERED_SHOWN = 200;

/** Ids of periods and waiting changes. */
export const MAX_ID_LENGTH = 100;

/** A period's length when it starts, in days. */
export const MIN_LENGTH_DAYS = 7;
export const MAX_LENGTH_DAYS = 365;
export const DEFAULT_LENGTH_DAYS = 30;
/** Extending can take a period past a year, but not past two. */
export const MAX_TOTAL_DAYS = 730;
/** How far back a period may be started: people often begin no contact before they find us. */
export const MAX_BACKDATE_DAYS = 365;

/**
 * The cool-off: while a period runs, a change that lowers protection waits this many hours before
 * it takes effect (see `lib/lock`). Chosen when the period starts, and fixed until it ends.
 */
export const DEFAULT_COOL_OFF_HOURS = 24;
export const MIN_COOL_OFF_HOURS = 1;
export const MAX_COOL_OFF_HOURS = 72;
