import { storage } from 'wxt/utils/storage';
import { type PendingChange, readPending } from '../settings/schema';
import { STORAGE_VERSIONS } from '../settings/storage-versions';

/**
 * The waiting changes as stored, on their own: the popup counts them on open without loading what
 * decides and applies them (`pending.ts`, `plan.ts`).
 */
export const pendingChangesItem = storage.defineItem<PendingChange[]>('local:pendingChanges', {
  fallback: [],
  version: STORAGE_VERSIONS.pendingChanges,
});

/** The stored list, keeping only entries that can be trusted. */
export const parsePending = readPending;
