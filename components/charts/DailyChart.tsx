import type { DayCount } from '@/lib/records/stats';
import { ChartFigure, niceMax } from './ChartFigure';

const dateShort = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const fmt = (day: string) => dateShort.format(new Date(`${day}T00:00:00Z`));

/** Urges per day across the period, with the 7-day average as a line. */
export function DailyChart({ points }: { points: (DayCount & { average: number })[] }) {
  const width = 640;
  const height = 200;
  const pad = { left: 34, right: 8, top: 10, bottom: 34 };
  const max = niceMax(Math.max(1, ...points.map((p) => p.count)));
  const slot = (width - pad.left - pad.right) / Math.max(1, points.length);
  const y = (v: number) => height - pad.bottom - (v / max) * (height - pad.top - pad.bottom);
  const x = (i: number) => pad.left + i * slot + slot / 2;
  const total = points.reduce((n, p) => n + p.count, 0);
  const busiest = points.reduce<(DayCount & { average: number }) | null>(
    (a, p) => (!a || p.count > a.count ? p : a),
    null,
  );
  const tickEvery = Math.max(1, Math.ceil(points.length / 8));
  const line = points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.average).toFixed(1)}`).join(' ');

  return (
    <ChartFigure
      width={width}
      height={height}
      title="Urges per day"
      summary={
        total
          ? `${total} ${total === 1 ? 'urge' : 'urges'} over ${points.length} days. The busiest day was ${busiest ? fmt(busiest.day) : ''} with ${busiest?.count ?? 0}. The 7-day average is now ${points.at(-1)?.average ?? 0} a day.`
          : 'No urges logged in this period yet.'
      }
      table={{
        caption: 'Urges per day, with the 7-day average',
        head: ['Day', 'Urges', '7-day average'],
        rows: points.map((p) => [fmt(p.day), p.count, p.average]),
      }}
    >
      {[0, max / 2, max].map((v) => (
        <g key={v}>
          <line x1={pad.left} x2={width - pad.right} y1={y(v)} y2={y(v)} className={v ? 'gridline' : 'axis'} />
          <text x={pad.left - 4} y={y(v) + 3} className="axis-label" textAnchor="end">
            {Number.isInteger(v) ? v : v.toFixed(1)}
          </text>
        </g>
      ))}
      <text x={10} y={height / 2} className="axis-label" transform={`rotate(-90 10 ${height / 2})`} textAnchor="middle">
        urges
      </text>
      {points.map((p, i) => (
        <rect
          key={p.day}
          x={x(i) - Math.max(1, slot * 0.35)}
          width={Math.max(2, slot * 0.7)}
          y={y(p.count)}
          height={y(0) - y(p.count)}
          fill="var(--chart-resisted)"
          opacity={0.75}
        />
      ))}
      <path d={line} className="average" />
      {points.map((p, i) =>
        i % tickEvery === 0 ? (
          <text key={p.day} x={x(i)} y={height - pad.bottom + 14} className="axis-label" textAnchor="middle">
            {fmt(p.day)}
          </text>
        ) : null,
      )}
      <text x={(width + pad.left) / 2} y={height - 4} className="axis-label" textAnchor="middle">
        day (line: 7-day average)
      </text>
    </ChartFigure>
  );
}
