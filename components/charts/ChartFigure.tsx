import { type ReactNode, useId } from 'react';

interface ChartFigureProps {
  title: string;
  /** One or two sentences that say what the chart shows, for everyone. */
  summary: string;
  /** The drawing's coordinate space (it scales to the page's width). */
  width: number;
  height: number;
  /** The drawing itself: SVG elements. */
  children: ReactNode;
  /** Anything to show under the drawing, such as a legend. */
  after?: ReactNode;
  /** The same numbers as a table, behind "Show the numbers". */
  table: { caption: string; head: string[]; rows: (string | number)[][] };
  /** The heading level that fits the page's outline. */
  level?: 2 | 3;
}

/**
 * A chart with its words: a title, a plain-language summary that screen readers get as the
 * image's description, and the numbers as a real table anyone can open.
 */
export function ChartFigure({ title, summary, width, height, children, after, table, level = 3 }: ChartFigureProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const id = useId();
  const ids = { title: `${id}-title`, summary: `${id}-summary` };
  return (
    <figure className="chart">
      <figcaption>
        <Heading id={ids.title} className="chart-title">
          {title}
        </Heading>
        <p id={ids.summary} className="hint">
          {summary}
        </p>
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="chart-svg"
        role="img"
        aria-labelledby={ids.title}
        aria-describedby={ids.summary}
      >
        <title>{title}</title>
        {children}
      </svg>
      {after}
      <details className="chart-table">
        <summary>Show the numbers</summary>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be reachable from the keyboard */}
        <section className="table-scroll" tabIndex={0} aria-label={`${table.caption}, as a table`}>
          <table>
            <caption className="visually-hidden">{table.caption}</caption>
            <thead>
              <tr>
                {table.head.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={String(row[0])}>
                  {row.map((cell, i) =>
                    i === 0 ? (
                      // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                      <th key={i} scope="row">
                        {cell}
                      </th>
                    ) : (
                      // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                      <td key={i}>{cell}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </details>
    </figure>
  );
}

/** A round, readable top for a count axis: 1, 2, 5, 10, 20, 50… at or above `max`. */
export function niceMax(max: number): number {
  if (max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}
