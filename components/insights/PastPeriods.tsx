import { dayKeyOf } from '@/lib/period/calendar';
import { daysKept } from '@/lib/period/way-out';
import { usePastPeriods } from '@/lib/records/live';
import { formatDay } from '../format';
import { SkippedNote } from '../SkippedNote';

/** Finished periods, newest first, with how long they ran and the urges noted in them. */
export function PastPeriods() {
  const read = usePastPeriods();
  const periods = read?.rows;

  return (
    <section className="card" aria-labelledby="past-heading">
      <h2 id="past-heading">Past periods</h2>
      <SkippedNote skipped={read?.skipped ?? 0} />
      {!periods?.length ? (
        <p className="hint">Periods you close will be kept here.</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">Past periods</caption>
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Length</th>
              <th scope="col">Closed</th>
              <th scope="col">Urges</th>
              <th scope="col">Resisted</th>
            </tr>
          </thead>
          <tbody>
            {periods.map((p) => (
              <tr key={p.id}>
                <th scope="row">{formatDay(p.startDate)}</th>
                <td>
                  {p.lengthDays} days
                  {daysKept(p, dayKeyOf(p.closedAt)) < p.lengthDays
                    ? `, closed on day ${daysKept(p, dayKeyOf(p.closedAt))}`
                    : ''}
                </td>
                <td>{p.closedHow === 'moved-on' ? 'Moved on' : 'Reconnected with care'}</td>
                <td>{p.urges}</td>
                <td>{p.resisted}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
