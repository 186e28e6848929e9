import { useContacts } from '@/lib/records/live';
import { SkippedNote } from '../SkippedNote';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const HOW = { helped: 'it helped', mixed: 'mixed', hurt: 'it hurt', unsure: 'not sure yet' } as const;

/** Every contact recorded, newest first. Nothing here is ever counted against anyone. */
export function Contacts() {
  const read = useContacts(200);
  const contacts = read?.rows;
  return (
    <section className="card" aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">Contacts</h2>
      <SkippedNote skipped={read?.skipped ?? 0} />
      {!contacts?.length ? (
        <p className="hint">No contacts recorded.</p>
      ) : (
        <ul className="history" aria-label="Contacts, newest first">
          {contacts.map((c) => (
            <li key={c.id} className="history-item">
              <strong>{when.format(c.time)}</strong> ·{' '}
              {c.kind === 'contact'
                ? `In touch, started by ${c.startedBy === 'me' ? 'you' : 'them'}`
                : 'They reached out; you did not reply'}
              {c.howItWent ? ` · ${HOW[c.howItWent]}` : ''}
              {c.note && <p className="hint">{c.note}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
