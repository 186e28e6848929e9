import { useEffect, useState } from 'react';
import { exportAll, wipeHistory } from '@/lib/data-export';
import { getDb } from '@/lib/db';

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Export and delete: the data is the user's, and leaving with it is always one click away. */
export function DataSection() {
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    navigator.storage?.persisted?.().then(setPersisted, () => setPersisted(null));
  }, []);

  async function exportData() {
    try {
      const data = await exportAll(getDb());
      download(`breathing-room-${new Date().toISOString().slice(0, 10)}.json`, JSON.stringify(data, null, 2));
      setStatus('Your data was exported.');
    } catch {
      setStatus('Export failed. Please try again.');
    }
  }

  async function deleteHistory() {
    await wipeHistory(getDb());
    setConfirming(false);
    setStatus('Your history was deleted from this device.');
  }

  return (
    <section className="card" aria-labelledby="data-heading">
      <h2 id="data-heading">Your data</h2>
      <p>
        Everything stays on this device, in this browser profile. Breathing Room sends nothing anywhere: no account, no
        analytics, no network requests of its own.
      </p>
      <p className="hint">
        {persisted === true && 'Your browser has agreed to keep this data even when disk space runs low.'}
        {persisted === false &&
          'Your browser may clear this data if disk space runs very low. Exporting now and then keeps a copy safe.'}
      </p>
      <div className="actions">
        <button type="button" onClick={exportData}>
          Export my data
        </button>
        {!confirming && (
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            Delete my history…
          </button>
        )}
      </div>
      {confirming && (
        <div className="confirm">
          <p id="confirm-delete-text">
            This permanently deletes every urge, letter and contact you have recorded on this device. Your current
            period and settings stay. Consider exporting first.
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
      )}
      <p className="status" role="status">
        {status}
      </p>
      <p className="hint">Uninstalling Breathing Room also removes everything it stored.</p>
    </section>
  );
}
