/**
 * The current version of each stored item. WXT keeps an item's version beside it (`key$`); any
 * code that writes an item without WXT (tests, the benchmark) must write this version too, or the
 * value would be migrated again as if it were the first release's.
 */
export const STORAGE_VERSIONS = {
  settings: 5,
  period: 2,
  pendingChanges: 1,
  recentPrompts: 1,
} as const;
