import { useEffect, useId, useRef, useState } from 'react';
import { addLetter, saveLetter } from '@/lib/records/letters';
import { LETTER_MAX_LENGTH } from '@/lib/records/types';

interface LetterEditorProps {
  /** An existing letter to edit; otherwise one is created on the first word. */
  letterId?: number;
  initialBody?: string;
  from?: { host: string; periodId: string | null };
  /** Where the label points: used by the pause page and the letters page. */
  label?: string;
  autoFocus?: boolean;
  onSaved?: (id: number) => void;
}

/**
 * An unsent letter: everything you would say to them, saved on this device as you type and never
 * sent anywhere. Each keystroke is written straight away, so closing the tab loses nothing.
 */
export function LetterEditor({
  letterId,
  initialBody = '',
  from,
  label = 'Your letter',
  autoFocus,
  onSaved,
}: LetterEditorProps) {
  const id = useId();
  const [body, setBody] = useState(initialBody);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const letterRef = useRef<Promise<number> | null>(letterId ? Promise.resolve(letterId) : null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const latest = useRef(initialBody);
  const typed = useRef(0);
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (autoFocus) area.current?.focus();
  }, [autoFocus]);

  function write(text: string) {
    setBody(text);
    setStatus('saving');
    latest.current = text;
    const keystroke = ++typed.current;
    // Saves run one after another, each writing the newest text, so an older keystroke never
    // overwrites a newer one; "Saved" shows only once the last keystroke is on disk.
    queue.current = queue.current
      .then(async () => {
        // A newer keystroke is queued behind this one and will save the same newest text.
        if (keystroke !== typed.current) return;
        letterRef.current ??= addLetter(from ?? { host: '', periodId: null });
        const letter = await letterRef.current;
        await saveLetter(letter, latest.current);
        if (keystroke === typed.current) setStatus('saved');
        onSaved?.(letter);
      })
      .catch(() => {
        letterRef.current = letterId ? Promise.resolve(letterId) : null;
        setStatus('error');
      });
  }

  return (
    <div className="letter-editor field">
      <label htmlFor={`${id}-body`}>{label}</label>
      <span className="hint" id={`${id}-hint`}>
        Say everything. It stays on this device and is never sent.
      </span>
      <textarea
        id={`${id}-body`}
        ref={area}
        rows={10}
        maxLength={LETTER_MAX_LENGTH}
        value={body}
        onChange={(e) => write(e.target.value)}
        aria-describedby={`${id}-hint ${id}-status`}
      />
      <span className={status === 'error' ? 'error' : 'hint'} id={`${id}-status`} role="status">
        {status === 'saving' && 'Saving…'}
        {status === 'saved' && 'Saved on this device.'}
        {status === 'error' && 'This letter could not be saved. Copy your words somewhere safe.'}
      </span>
    </div>
  );
}
