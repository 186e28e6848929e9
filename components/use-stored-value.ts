import { useEffect, useState } from 'react';
import type { WxtStorageItem } from 'wxt/utils/storage';

/**
 * The current value of a storage item, kept live: it updates when any part of the extension
 * writes the item. `undefined` until the first read finishes.
 */
export function useStoredValue<T, S>(
  item: WxtStorageItem<S, Record<string, unknown>>,
  parse: (raw: unknown) => T,
): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    item.getValue().then((raw) => live && setValue(parse(raw)));
    const unwatch = item.watch((raw) => setValue(parse(raw)));
    return () => {
      live = false;
      unwatch();
    };
  }, [item, parse]);
  return value;
}
