import { createContext, type ReactNode, useContext, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useAskBeforeLeaving } from '../use-ask-before-leaving';

/**
 * What is typed on the options page but not saved yet. Each section with a draft registers here,
 * so that "Start no-contact" can save every draft before the period starts (while nothing has to
 * wait out the cool-off yet), and so that leaving the page with a draft asks first.
 */
export interface UnsavedSection {
  dirty: boolean;
  /**
   * Saves the draft the way the section's own button does, and says in a sentence what was saved
   * (null for nothing worth saying). Anything that needs the click itself, like asking for site
   * access, must happen before its first `await`. Rejects when nothing could be saved.
   */
  save: () => Promise<string | null>;
}

interface Registry {
  set(key: string, section: UnsavedSection): void;
  remove(key: string): void;
  /** Saves every section with a draft; resolves to their sentences, in page order. */
  saveAll(): Promise<string[]>;
}

const UnsavedEdits = createContext<Registry | null>(null);

export function UnsavedEditsProvider({ children }: { children: ReactNode }) {
  const sections = useRef(new Map<string, UnsavedSection>());
  const [anyDirty, setAnyDirty] = useState(false);

  const registry = useMemo<Registry>(() => {
    const update = () => setAnyDirty([...sections.current.values()].some((s) => s.dirty));
    return {
      set(key, section) {
        sections.current.set(key, section);
        update();
      },
      remove(key) {
        sections.current.delete(key);
        update();
      },
      async saveAll() {
        // Every save starts here, in the click, so each can ask for what needs the gesture.
        const saves = [...sections.current.values()].filter((s) => s.dirty).map((s) => s.save());
        const said = await Promise.all(saves);
        return said.filter((m): m is string => m !== null);
      },
    };
  }, []);

  useAskBeforeLeaving(anyDirty);

  return <UnsavedEdits value={registry}>{children}</UnsavedEdits>;
}

/** Registers a section's draft under `key` (one key per section). */
export function useUnsavedEdits(key: string, { dirty, save }: UnsavedSection): void {
  const registry = useContext(UnsavedEdits);
  const latest = useRef(save);
  useLayoutEffect(() => {
    latest.current = save;
  });
  useLayoutEffect(() => {
    registry?.set(key, { dirty, save: () => latest.current() });
  }, [registry, key, dirty]);
  useLayoutEffect(() => () => registry?.remove(key), [registry, key]);
}

/** Saves every draft on the page; see `UnsavedSection.save`. */
export function useSaveAllUnsaved(): () => Promise<string[]> {
  const registry = useContext(UnsavedEdits);
  return registry ? registry.saveAll : async () => [];
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs settings writes one after another: each reads the settings, changes them and writes them
 * back, so two at once (the person and a site, saved together by Start) would lose one.
 */
export function inTurn<T>(write: () => Promise<T>): Promise<T> {
  const run = queue.then(write, write);
  queue = run.catch(() => undefined);
  return run;
}
