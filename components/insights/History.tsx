import { useId, useState } from 'react';
import { LIBRARY } from '@/content/library';
import { addDays, startOfDay } from '@/lib/period/calendar';
import { useUrgeHistory } from '@/lib/records/live';
import {
  OUTCOME_LABELS,
  type Outcome,
  TRIGGERS,
  type Trigger,
  type Urge,
  type UrgeContextKind,
} from '@/lib/records/types';
import { deleteUrge, restoreUrge, updateUrge } from '@/lib/records/urges';
import { SkippedNote } from '../SkippedNote';
import { UndoBar } from '../UndoBar';
import { type UrgeFields, UrgeForm } from '../UrgeForm';
import { useAskBeforeLeaving } from '../use-ask-before-leaving';

const when = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});
const CONTEXTS: { value: UrgeContextKind; label: string }[] = [
  { value: 'feed', label: 'A feed' },
  { value: 'profile', label: 'Their profile' },
  { value: 'messaging', label: 'Messaging' },
  { value: 'search', label: 'A search for them' },
  { value: 'away', label: 'Away from the browser' },
];
const PAGE = 50;

export interface HistoryFilters {
  from: string;
  to: string;
  outcome: '' | Outcome;
  site: string;
  trigger: '' | Trigger | 'none';
  context: '' | UrgeContextKind;
}

const NO_FILTERS: HistoryFilters = { from: '', to: '', outcome: '', site: '', trigger: '', context: '' };

/** Whether an urge passes the filters other than the date range (which the index handles). */
export function passes(urge: Urge, f: HistoryFilters): boolean {
  if (f.outcome && urge.outcome !== f.outcome) return false;
  if (f.site && (f.site === 'away' ? urge.host !== '' : urge.host.replace(/^www\./, '') !== f.site)) return false;
  if (f.trigger && (f.trigger === 'none' ? urge.trigger !== null : urge.trigger !== f.trigger)) return false;
  if (f.context && urge.context !== f.context) return false;
  return true;
}

/** Every urge, newest first, filtered; each can be edited or deleted, with undo. */
export function History({ sites, onChange }: { sites: string[]; onChange: () => void }) {
  const id = useId();
  const [filters, setFilters] = useState<HistoryFilters>(NO_FILTERS);
  const [limit, setLimit] = useState(PAGE);
  const [editing, setEditing] = useState<number | null>(null);
  const [deleted, setDeleted] = useState<Urge | null>(null);
  const set = (changes: Partial<HistoryFilters>) => {
    setFilters((f) => ({ ...f, ...changes }));
    setLimit(PAGE);
  };

  const read = useUrgeHistory(
    {
      from: filters.from ? startOfDay(filters.from) : -Infinity,
      to: filters.to ? startOfDay(addDays(filters.to, 1)) : Infinity,
    },
    (u) => passes(u, filters),
    limit + 1,
    [filters],
  );
  const rows = read?.rows;

  async function remove(urge: Urge) {
    setDeleted((await deleteUrge(urge.id)) ?? null);
    onChange();
  }

  async function undo() {
    if (!deleted) return;
    await restoreUrge(deleted);
    setDeleted(null);
    onChange();
  }

  // Nothing logged at all: one line, not a bar of filters over nothing.
  const unfiltered = JSON.stringify(filters) === JSON.stringify(NO_FILTERS);
  if (unfiltered && rows?.length === 0 && !deleted && !read?.skipped) {
    return (
      <section className="card" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>History</h2>
        <p>
          Nothing noted yet. Every urge you note, from the popup or the pause page, will be listed here for you alone.
        </p>
      </section>
    );
  }

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>History</h2>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter the history">
        <div className="field">
          <label htmlFor={`${id}-from`}>From</label>
          <input id={`${id}-from`} type="date" value={filters.from} onChange={(e) => set({ from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>To</label>
          <input id={`${id}-to`} type="date" value={filters.to} onChange={(e) => set({ to: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-outcome`}>Outcome</label>
          <select
            id={`${id}-outcome`}
            value={filters.outcome}
            onChange={(e) => set({ outcome: e.target.value as HistoryFilters['outcome'] })}
          >
            <option value="">Any</option>
            <option value="resisted">{OUTCOME_LABELS.resisted}</option>
            <option value="gave-in">{OUTCOME_LABELS['gave-in']}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-site`}>Site</label>
          <select id={`${id}-site`} value={filters.site} onChange={(e) => set({ site: e.target.value })}>
            <option value="">Any</option>
            {sites.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
            <option value="away">Away from the browser</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-trigger`}>Trigger</label>
          <select
            id={`${id}-trigger`}
            value={filters.trigger}
            onChange={(e) => set({ trigger: e.target.value as HistoryFilters['trigger'] })}
          >
            <option value="">Any</option>
            {TRIGGERS.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
            <option value="none">None given</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-context`}>Context</label>
          <select
            id={`${id}-context`}
            value={filters.context}
            onChange={(e) => set({ context: e.target.value as HistoryFilters['context'] })}
          >
            <option value="">Any</option>
            {CONTEXTS.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="quiet" onClick={() => set(NO_FILTERS)}>
          Clear filters
        </button>
      </form>

      {deleted && <UndoBar message="Urge deleted." onUndo={() => void undo()} />}
      <SkippedNote skipped={read?.skipped ?? 0} />

      {rows === undefined ? (
        <p aria-busy="true">Loading…</p>
      ) : rows.length === 0 ? (
        <p>No urges match.</p>
      ) : (
        <ul className="history" aria-label="Urges, newest first">
          {rows.slice(0, limit).map((urge) => (
            <li key={urge.id} className="history-item">
              {editing === urge.id ? (
                <EditUrge urge={urge} onClose={() => setEditing(null)} onSaved={onChange} />
              ) : (
                <UrgeRow urge={urge} onEdit={() => setEditing(urge.id)} onDelete={() => void remove(urge)} />
              )}
            </li>
          ))}
        </ul>
      )}
      {rows && rows.length > limit && (
        <button type="button" onClick={() => setLimit((l) => l + PAGE)}>
          Show more
        </button>
      )}
    </section>
  );
}

function describe(urge: Urge): string {
  const where = urge.host ? urge.host.replace(/^www\./, '') : 'away from the browser';
  return `${when.format(urge.time)}, ${where}`;
}

function UrgeRow({ urge, onEdit, onDelete }: { urge: Urge; onEdit: () => void; onDelete: () => void }) {
  const trigger = TRIGGERS.find((t) => t.id === urge.trigger)?.label;
  return (
    <div className="history-row">
      <p>
        <strong>{describe(urge)}</strong> · {OUTCOME_LABELS[urge.outcome]}
        {urge.intensity ? ` · intensity ${urge.intensity}` : ''}
        {trigger ? ` · ${trigger}` : ''}
      </p>
      {urge.note && <p className="hint">{urge.note}</p>}
      {urge.answer && (
        <p className="hint">
          {questionOf(urge.prompt) ? `To “${questionOf(urge.prompt)}”, you answered: ` : 'Answer: '}
          {urge.answer}
        </p>
      )}
      <div className="actions">
        <button type="button" className="quiet" onClick={onEdit} aria-label={`Edit the urge of ${describe(urge)}`}>
          Edit
        </button>
        <button type="button" className="quiet" onClick={onDelete} aria-label={`Delete the urge of ${describe(urge)}`}>
          Delete
        </button>
      </div>
    </div>
  );
}

/** The question an answer was typed to, by its library id; null for older urges or unknown ids. */
function questionOf(id: string | undefined): string | null {
  return (id && LIBRARY.find((item) => item.id === id)?.text) || null;
}

function EditUrge({ urge, onClose, onSaved }: { urge: Urge; onClose: () => void; onSaved: () => void }) {
  const id = useId();
  const [fields, setFields] = useState<UrgeFields>({
    intensity: urge.intensity,
    trigger: urge.trigger,
    note: urge.note,
  });
  const [outcome, setOutcome] = useState<Outcome>(urge.outcome);
  const [error, setError] = useState<string | null>(null);
  useAskBeforeLeaving(
    outcome !== urge.outcome ||
      fields.intensity !== urge.intensity ||
      fields.trigger !== urge.trigger ||
      fields.note !== urge.note,
  );

  async function save() {
    try {
      await updateUrge(urge.id, { ...fields, outcome });
      onSaved();
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'That change could not be saved.');
    }
  }

  return (
    <section className="history-edit" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Edit the urge of {describe(urge)}</h3>
      <fieldset>
        <legend>Outcome</legend>
        <label className="check">
          <input
            type="radio"
            name={`${id}-outcome`}
            checked={outcome === 'resisted'}
            onChange={() => setOutcome('resisted')}
          />
          Resisted
        </label>
        <label className="check">
          <input
            type="radio"
            name={`${id}-outcome`}
            checked={outcome === 'gave-in'}
            onChange={() => setOutcome('gave-in')}
          />
          {OUTCOME_LABELS['gave-in']}
        </label>
      </fieldset>
      <UrgeForm value={fields} onChange={(c) => setFields((f) => ({ ...f, ...c }))} error={error} />
      <div className="actions">
        <button type="button" className="primary" onClick={() => void save()}>
          Save changes
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </section>
  );
}
