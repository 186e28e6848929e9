import { useEffect, useId, useState } from 'react';
import { exportAll, urgesCsv } from '@/lib/backup/export';
import { sizeProblem } from '@/lib/backup/format';
import { type ImportMode, importIntoThisDevice } from '@/lib/backup/import';
import { readBackupFile } from '@/lib/backup/read-backup';
import { lockActive } from '@/lib/lock/plan';
import { formatWait } from '@/lib/lock/wording';
import { ask } from '@/lib/messages/send';
import type { Period } from '@/lib/period/period';
import { wipeHistory } from '@/lib/records/erase';
import { listUrges } from '@/lib/records/urges';
import { SaveRefused } from '@/lib/settings/refusal';

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const today = () => new Date().toISOString().slice(0, 10);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The share of the import's progress bar given to reading and checking the file; writing takes the rest. */
const READ_SHARE = 0.3;

/** The word to type before "Delete everything" does anything. */
export const DELETE_WORD = 'delete';

/** Export, import and delete: the data is the user's, to take, bring back or erase. */
export function DataSection({ period }: { period: Period | null }) {
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    navigator.storage?.persisted?.().then(setPersisted, () => setPersisted(null));
  }, []);

  async function exportBackup() {
    try {
      const data = await exportAll();
      download(`breathing-room-${today()}.json`, JSON.stringify(data, null, 2), 'application/json');
      setStatus('Your backup was downloaded.');
    } catch {
      setStatus('The backup could not be made. Please try again.');
    }
  }

  async function exportCsv() {
    try {
      const urges = await listUrges();
      download(`breathing-room-urges-${today()}.csv`, urgesCsv(urges), 'text/csv;charset=utf-8');
      setStatus(`Your urge log was downloaded as a spreadsheet (${plural(urges.length, 'urge', 'urges')}).`);
    } catch {
      setStatus('The spreadsheet could not be made. Please try again.');
    }
  }

  return (
    <section className="card stack" aria-labelledby="data-heading">
      <h2 id="data-heading">Your data</h2>
      <p>
        Everything stays on this device, in this browser profile. Breathing Room sends nothing anywhere: no account, no
        analytics, no network requests of its own.
      </p>
      <p className="hint">
        {persisted === true && 'Your browser has agreed to keep this data even when disk space runs low.'}
        {persisted === false &&
          'Your browser may clear this data if disk space runs very low. A backup now and then keeps a copy safe.'}
      </p>
      <div className="actions">
        <button type="button" onClick={exportBackup}>
          Download a backup
        </button>
        <button type="button" onClick={exportCsv}>
          Download urges as a spreadsheet (CSV)
        </button>
      </div>
      <p className="status" role="status">
        {status}
      </p>
      <ImportBackup />
      <DeleteHistory />
      <DeleteEverything period={period} />
      <p className="hint">
        Uninstalling Breathing Room (right-click its toolbar button, then “Remove from Chrome”, or “Remove Extension” in
        Firefox) also removes everything it stored, at once.
      </p>
    </section>
  );
}

function ImportBackup() {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('merge');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Whole percent of the import done, while one runs. */
  const [progress, setProgress] = useState<number | null>(null);
  // Reading and checking the file is the first part of the bar, writing it the rest.
  const show = (share: number) => setProgress(Math.floor(share * 100));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setStatus(null);
    if (!file) {
      setError('Choose a backup file first.');
      return;
    }
    // Checked before reading, so a huge file is never loaded into memory.
    const tooBig = sizeProblem(file.size);
    if (tooBig) {
      setError(`${tooBig} Your data was not changed.`);
      return;
    }
    setBusy(true);
    setError(null);
    show(0);
    try {
      const parsed = await readBackupFile(file, { onProgress: (share) => show(share * READ_SHARE) });
      if (!parsed.ok) {
        setError(`${parsed.error} Your data was not changed.`);
        return;
      }
      const summary = await importIntoThisDevice(parsed.backup, mode, (done, total) =>
        show(READ_SHARE + (1 - READ_SHARE) * (done / total)),
      );
      // Written. Applying the restored settings is a second step; its failure is said as it is.
      const applied = await ask({ type: 'sync' }).then(
        () => true,
        () => false,
      );
      setError(null);
      const { urges, letters, contacts, pastPeriods } = summary.added;
      setStatus(
        [
          `Imported ${plural(urges, 'urge', 'urges')}, ${plural(letters, 'letter', 'letters')}, ${plural(contacts, 'contact', 'contacts')} and ${plural(pastPeriods, 'past period', 'past periods')}.`,
          summary.skipped
            ? `${plural(summary.skipped, 'record was', 'records were')} already here and kept as they are.`
            : '',
          summary.settingsRestored ? 'Settings were restored from the backup.' : 'Your settings and period were kept.',
          summary.waiting.length
            ? `${plural(summary.waiting.length, 'setting lowers', 'settings lower')} your protection, so ${summary.waiting.length === 1 ? 'it waits' : 'they wait'} out the cool-off (see “Waiting changes”).`
            : '',
          applied
            ? ''
            : 'Breathing Room has not confirmed that it applied the settings; if a warning appears at the top of this page, it says what is not paused.',
        ]
          .filter(Boolean)
          .join(' '),
      );
    } catch (e) {
      setError(
        e instanceof SaveRefused
          ? e.message
          : `The import could not be written (${e instanceof Error ? e.name : 'unknown error'}). Your data was not changed.`,
      );
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  return (
    <form className="stack" noValidate onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Bring back a backup</h3>
      <div className="field">
        <label htmlFor={`${id}-file`}>Backup file</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setError(null);
          }}
          aria-invalid={!!error}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </div>
      <fieldset>
        <legend>How to bring it in</legend>
        <label className="check">
          <input type="radio" name={`${id}-mode`} checked={mode === 'merge'} onChange={() => setMode('merge')} />
          <span>Merge: add what is missing here, keep everything already here</span>
        </label>
        <label className="check">
          <input type="radio" name={`${id}-mode`} checked={mode === 'replace'} onChange={() => setMode('replace')} />
          <span>Replace: make this device hold exactly what the backup holds</span>
        </label>
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={busy}>
          Import
        </button>
      </div>
      {progress !== null && (
        <div className="field">
          <span id={`${id}-progress`}>Importing… {progress}%</span>
          <progress aria-labelledby={`${id}-progress`} max={100} value={progress} />
        </div>
      )}
      {error && (
        <p className="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <p className="status" role="status">
        {status}
      </p>
    </form>
  );
}

function DeleteHistory() {
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  async function deleteHistory() {
    try {
      await wipeHistory();
      setStatus('Your history was deleted from this device.');
    } catch {
      setStatus('Your history could not be deleted. Please try again.');
    }
    setConfirming(false);
  }

  return (
    <div className="stack">
      {confirming ? (
        <div className="confirm">
          <p>
            This permanently deletes every urge, letter and contact you have recorded on this device. Your current
            period and settings stay. Consider downloading a backup first.
          </p>
          <div className="actions">
            <button type="button" className="danger" onClick={deleteHistory}>
              Yes, delete my history
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            Delete my history…
          </button>
        </div>
      )}
      <p className="status" role="status">
        {status}
      </p>
    </div>
  );
}

function DeleteEverything({ period }: { period: Period | null }) {
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const locked = lockActive(period, Date.now());
  const confirmed = typed.trim().toLowerCase() === DELETE_WORD;

  async function deleteEverything(event: React.FormEvent) {
    event.preventDefault();
    if (!confirmed) return;
    try {
      const { waitsUntil } = await ask({ type: 'delete-everything' });
      setStatus(
        waitsUntil === null
          ? 'Everything Breathing Room kept on this device is deleted. It is as it was on the day you installed it.'
          : `Your history is deleted. Your settings and period go in ${formatWait(waitsUntil - Date.now())}, when the cool-off ends; you can cancel that under “Waiting changes”.`,
      );
      setConfirming(false);
      setTyped('');
    } catch {
      setStatus('Not everything could be deleted. Please try again.');
    }
  }

  return (
    <div className="stack">
      {confirming ? (
        <form className="confirm stack" noValidate onSubmit={deleteEverything}>
          <p>
            This deletes everything Breathing Room keeps on this device: every urge, letter, contact and past period,
            your period, the person, your sites and settings. It can’t be undone. Consider downloading a backup first.
          </p>
          {locked && (
            <p>
              Your period is still running, so your history goes at once, but your period, the person and your sites
              stay protected until the cool-off ends.
            </p>
          )}
          <div className="field">
            <label htmlFor={`${id}-confirm`}>Type “{DELETE_WORD}” to confirm</label>
            <input
              id={`${id}-confirm`}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
            />
          </div>
          <div className="actions">
            <button type="submit" className="danger" disabled={!confirmed}>
              Delete everything
            </button>
            <button
              type="button"
              onClick={() => {
                setConfirming(false);
                setTyped('');
              }}
            >
              Keep everything
            </button>
          </div>
        </form>
      ) : (
        <div className="actions">
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            Delete everything…
          </button>
        </div>
      )}
      <p className="status" role="status">
        {status}
      </p>
    </div>
  );
}
