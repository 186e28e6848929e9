import { ChartFigure } from './ChartFigure';

const dateShort = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const fmt = (day: string) => dateShort.format(new Date(`${day}T00:00:00Z`));

interface Week {
  start: string;
  end: string;
  total: number;
  resisted: number;
  share: number | null;
}

/** The share of urges resisted, week by week. */
export function WeeklyShare({ weeks }: { weeks: Week[] }) {
  const width = 640;
  const height = 170;
  const pad = { left: 38, right: 8, top: 10, bottom: 34 };
  const slot = (width - pad.left - pad.right) / Math.max(1, weeks.length);
  const y = (pct: number) => height - pad.bottom - (pct / 100) * (height - pad.top - pad.bottom);
  const latest = [...weeks].reverse().find((w) => w.share !== null);

  return (
    <ChartFigure
      width={width}
      height={height}
      title="Resisted, week by week"
      summary={
        latest
          ? `In the week from ${fmt(latest.start)} you resisted ${latest.share}% of urges (${latest.resisted} of ${latest.total}).`
          : 'No urges logged in this period yet.'
      }
      table={{
        caption: 'Share of urges resisted by week',
        head: ['Week', 'Urges', 'Resisted', 'Share'],
        rows: weeks.map((w) => [
          `${fmt(w.start)} – ${fmt(w.end)}`,
          w.total,
          w.resisted,
          w.share === null ? '–' : `${w.share}%`,
        ]),
      }}
    >
      {[0, 50, 100].map((v) => (
        <g key={v}>
          <line x1={pad.left} x2={width - pad.right} y1={y(v)} y2={y(v)} className={v ? 'gridline' : 'axis'} />
          <text x={pad.left - 4} y={y(v) + 3} className="axis-label" textAnchor="end">
            {v}%
          </text>
        </g>
      ))}
      {weeks.map((w, i) => {
        const x = pad.left + i * slot + slot * 0.15;
        return (
          <g key={w.start}>
            {w.share !== null && (
              <rect x={x} width={slot * 0.7} y={y(w.share)} height={y(0) - y(w.share)} fill="var(--chart-resisted)" />
            )}
            <text x={x + slot * 0.35} y={height - pad.bottom + 14} className="axis-label" textAnchor="middle">
              {fmt(w.start)}
            </text>
          </g>
        );
      })}
      <text x={(width + pad.left) / 2} y={height - 4} className="axis-label" textAnchor="middle">
        week starting
      </text>
    </ChartFigure>
  );
}
