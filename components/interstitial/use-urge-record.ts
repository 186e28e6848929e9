import { useCallback, useEffect, useRef, useState } from 'react';
import type { UrgeChanges } from '@/lib/records/new-records';
import type { NewUrge, Outcome } from '@/lib/records/types';
import { addUrge, getUrge, updateUrge } from '@/lib/records/urges';
import type { UrgeFields } from '../UrgeForm';

const EMPTY: UrgeFields & { answer: string } = { intensity: null, trigger: null, note: '', answer: '' };

interface HistoryState {
  urgeId?: number;
}

/**
 * The urge this page is about, saved as the user goes: created on arrival (or on first touch),
 * then every change is written at once, so closing the tab never loses what was typed.
 *
 * The record's id is kept in `history.state`, so reloading the page or coming back to it with
 * Back and Forward edits the same urge instead of logging a second one.
 */
export function useUrgeRecord(draft: NewUrge | null, recordOnArrival: boolean) {
  const [fields, setFields] = useState(EMPTY);
  const [error, setError] = useState<string | null>(null);
  /** When the urge happened: its record's time, once known (kept across reloads). */
  const [time, setTime] = useState<number | null>(recordOnArrival ? null : (draft?.time ?? null));
  const [recordId, setRecordId] = useState<number | undefined>();
  const idRef = useRef<Promise<number> | null>(null);

  const ensure = useCallback((): Promise<number> => {
    if (!draft) return Promise.reject(new Error('Nothing to record.'));
    if (!idRef.current) {
      const known = (history.state as HistoryState | null)?.urgeId;
      idRef.current = (async () => {
        if (typeof known === 'number') {
          const existing = await getUrge(known);
          if (existing) {
            setFields({
              intensity: existing.intensity,
              trigger: existing.trigger,
              note: existing.note,
              answer: existing.answer ?? '',
            });
            setTime(existing.time);
            setRecordId(known);
            return known;
          }
        }
        const id = await addUrge(draft);
        setTime((t) => t ?? draft.time);
        setRecordId(id);
        history.replaceState({ ...(history.state as object | null), urgeId: id } satisfies HistoryState, '');
        return id;
      })();
      idRef.current.catch(() => {
        idRef.current = null;
        setError('Your urge could not be saved on this device. Your browser may be out of storage space.');
      });
    }
    return idRef.current;
  }, [draft]);

  useEffect(() => {
    if (recordOnArrival && draft) void ensure().catch(() => undefined);
  }, [recordOnArrival, draft, ensure]);

  const save = useCallback(
    async (changes: UrgeChanges) => {
      try {
        await updateUrge(await ensure(), changes);
        setError(null);
      } catch (e) {
        setError(e instanceof Error ? e.message : 'Your urge could not be saved.');
        throw e;
      }
    },
    [ensure],
  );

  const change = useCallback(
    (changes: Partial<UrgeFields & { answer: string }>) => {
      setFields((f) => ({ ...f, ...changes }));
      void save(changes).catch(() => undefined);
    },
    [save],
  );

  // Going on from this page is the one way an urge counts towards a longer next pause.
  const finish = useCallback((outcome: Outcome) => save({ outcome, continued: outcome === 'gave-in' }), [save]);

  return { fields, change, finish, error, time, id: recordId };
}
