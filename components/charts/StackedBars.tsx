import type { DayKey } from '@/lib/period/calendar';
import { OUTCOME_LABELS } from '@/lib/records/types';
import { ChartFigure, niceMax } from './ChartFigure';

export interface DayBar {
  day: DayKey;
  resisted: number;
  gaveIn: number;
}

const weekdayShort = new Intl.DateTimeFormat(undefined, { weekday: 'narrow', timeZone: 'UTC' });
const dateShort = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const toDate = (day: DayKey) => new Date(`${day}T00:00:00Z`);

/** Urges per day, resisted and went on stacked, with labelled axes and a legend. */
export function StackedBars({ bars, title, level }: { bars: DayBar[]; title: string; level?: 2 | 3 }) {
  const width = 320;
  const height = 150;
  const pad = { left: 28, right: 6, top: 8, bottom: 30 };
  const max = niceMax(Math.max(1, ...bars.map((b) => b.resisted + b.gaveIn)));
  const slot = (width - pad.left - pad.right) / Math.max(1, bars.length);
  const barW = Math.max(3, slot * 0.7);
  const y = (v: number) => height - pad.bottom - (v / max) * (height - pad.top - pad.bottom);
  const total = bars.reduce((n, b) => n + b.resisted + b.gaveIn, 0);
  const resisted = bars.reduce((n, b) => n + b.resisted, 0);

  return (
    <ChartFigure
      title={title}
      level={level}
      width={width}
      height={height}
      after={<Legend />}
      summary={
        total
          ? `${total} ${total === 1 ? 'urge' : 'urges'} over ${bars.length} days; ${resisted} resisted, ${total - resisted} went on.`
          : `No urges logged in the last ${bars.length} days.`
      }
      table={{
        caption: title,
        head: ['Day', OUTCOME_LABELS.resisted, OUTCOME_LABELS['gave-in']],
        rows: bars.map((b) => [dateShort.format(toDate(b.day)), b.resisted, b.gaveIn]),
      }}
    >
      <text x={pad.left - 4} y={y(max) + 4} className="axis-label" textAnchor="end">
        {max}
      </text>
      <text x={pad.left - 4} y={y(0)} className="axis-label" textAnchor="end">
        0
      </text>
      <line x1={pad.left} x2={width - pad.right} y1={y(0)} y2={y(0)} className="axis" />
      <line x1={pad.left} x2={width - pad.right} y1={y(max)} y2={y(max)} className="gridline" />
      {bars.map((b, i) => {
        const x = pad.left + i * slot + (slot - barW) / 2;
        return (
          <g key={b.day}>
            <rect x={x} y={y(b.resisted)} width={barW} height={y(0) - y(b.resisted)} fill="var(--chart-resisted)" />
            <rect
              x={x}
              y={y(b.resisted + b.gaveIn)}
              width={barW}
              height={y(b.resisted) - y(b.resisted + b.gaveIn)}
              fill="var(--chart-gave-in)"
            />
            <text x={x + barW / 2} y={height - pad.bottom + 12} className="axis-label" textAnchor="middle">
              {weekdayShort.format(toDate(b.day))}
            </text>
          </g>
        );
      })}
      <text x={pad.left} y={height - 4} className="axis-label">
        {bars[0] ? dateShort.format(toDate(bars[0].day)) : ''}
      </text>
      <text x={width - pad.right} y={height - 4} className="axis-label" textAnchor="end">
        {bars.at(-1) ? dateShort.format(toDate(bars.at(-1)?.day ?? '')) : ''}
      </text>
    </ChartFigure>
  );
}

export function Legend() {
  return (
    <p className="legend hint">
      <span className="swatch" style={{ background: 'var(--chart-resisted)' }} aria-hidden="true" /> Resisted{' '}
      <span className="swatch" style={{ background: 'var(--chart-gave-in)' }} aria-hidden="true" />{' '}
      {OUTCOME_LABELS['gave-in']}
    </p>
  );
}
