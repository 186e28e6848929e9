import { useEffect } from 'react';

/**
 * While `dirty`, closing or reloading the page asks first, with the browser's own dialog: no page
 * drops typed input without a word. (A popup closes without asking; it keeps its drafts instead.)
 */
export function useAskBeforeLeaving(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const askFirst = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers only ask when this is set.
      event.returnValue = true;
    };
    window.addEventListener('beforeunload', askFirst);
    return () => window.removeEventListener('beforeunload', askFirst);
  }, [dirty]);
}
