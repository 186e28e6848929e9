import { ChartFigure } from './ChartFigure';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;
/** The opacities of the legend, from one urge to the most: as `cellOpacity` draws them. */
const LEGEND_STEPS = [0.25, 0.5, 0.75, 1];

/** When urges come: hour of day across, weekday down, darker for more. */
export function Heatmap({ cells }: { cells: number[][] }) {
  const cell = 20;
  const left = 34;
  const top = 16;
  const width = left + 24 * cell + 4;
  const height = top + 7 * cell + 24;
  const legendX = left + 24 * cell - 4 * (cell * 0.7) - 62;
  const max = Math.max(0, ...cells.flat());
  let peak = { day: 0, hour: 0, count: 0 };
  cells.forEach((row, d) => {
    row.forEach((count, h) => {
      if (count > peak.count) peak = { day: d, hour: h, count };
    });
  });

  return (
    <ChartFigure
      width={width}
      height={height}
      title="When urges come"
      summary={
        max
          ? `Urges by hour of day and weekday. The most were on ${DAY_NAMES[peak.day]}s around ${hourLabel(peak.hour)} (${peak.count}).`
          : 'No urges logged in this period yet.'
      }
      table={{
        caption: 'Urges by weekday and hour',
        head: ['Weekday', ...Array.from({ length: 24 }, (_, h) => hourLabel(h))],
        rows: cells.map((row, d) => [DAY_NAMES[d] ?? '', ...row]),
      }}
    >
      {[0, 3, 6, 9, 12, 15, 18, 21].map((h) => (
        <text key={h} x={left + h * cell + cell / 2} y={top - 5} className="axis-label" textAnchor="middle">
          {String(h).padStart(2, '0')}
        </text>
      ))}
      {cells.map((row, d) => (
        <g key={DAYS[d]}>
          <text x={left - 4} y={top + d * cell + cell * 0.68} className="axis-label" textAnchor="end">
            {DAYS[d]}
          </text>
          {row.map((count, h) => (
            <rect
              // biome-ignore lint/suspicious/noArrayIndexKey: hours are positional
              key={h}
              x={left + h * cell + 1}
              y={top + d * cell + 1}
              width={cell - 2}
              height={cell - 2}
              rx={3}
              fill={count ? 'var(--chart-resisted)' : 'var(--surface-2)'}
              opacity={count ? 0.25 + 0.75 * (count / max) : 1}
            />
          ))}
        </g>
      ))}
      <text x={left} y={height - 4} className="axis-label">
        hour of day →
      </text>
      {/* The legend is drawn with the cells' own fills, so it reads right in light and dark alike. */}
      <g>
        <text x={legendX - 4} y={height - 4} className="axis-label" textAnchor="end">
          fewer
        </text>
        {LEGEND_STEPS.map((opacity, i) => (
          <rect
            key={opacity}
            x={legendX + i * (cell * 0.7)}
            y={height - 14}
            width={cell * 0.6}
            height={12}
            rx={2}
            fill="var(--chart-resisted)"
            opacity={opacity}
          />
        ))}
        <text x={legendX + LEGEND_STEPS.length * (cell * 0.7) + 2} y={height - 4} className="axis-label">
          more urges
        </text>
      </g>
    </ChartFigure>
  );
}
