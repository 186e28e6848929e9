/** At most this many custom sites: one rule each stays well inside the browser's regex-rule limit. */
export const MAX_CUSTOM_SITES = 500;
