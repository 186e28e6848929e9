import { type ReactNode, useId, useLayoutEffect, useRef, useState } from 'react';

/** The smallest an axis label may be on screen, in CSS pixels. */
export const MIN_LABEL_PX = 11;
/** An axis label's size in the drawing's own units when the drawing is shown at its own size or larger. */
const BASE_LABEL = 9;

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
  /**
   * The largest label, in the drawing's units, its layout leaves room for. Narrower than that lets
   * labels keep `MIN_LABEL_PX` on screen, the chart is shown as its table instead.
   */
  maxLabel?: number;
}

/**
 * A chart with its words: a title, a plain-language summary that screen readers get as the
 * image's description, and the numbers as a real table anyone can open. Its axis labels keep at
 * least `MIN_LABEL_PX` on screen at any width: they grow as the drawing shrinks, and where they
 * would no longer fit, the numbers are shown as the table instead of the drawing.
 */
export function ChartFigure({
  title,
  summary,
  width,
  height,
  children,
  after,
  table,
  level = 3,
  maxLabel = 12,
}: ChartFigureProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const id = useId();
  const ids = { title: `${id}-title`, summary: `${id}-summary` };
  const figure = useRef<HTMLElement>(null);
  /** Screen pixels per unit of the drawing, once measured. */
  const [scale, setScale] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = figure.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => setScale(element.clientWidth / width);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [width]);
  const label = scale ? Math.max(BASE_LABEL, MIN_LABEL_PX / scale) : BASE_LABEL;
  const asTable = label > maxLabel;
  const numbers = (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be reachable from the keyboard
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
  );
  return (
    <figure className="chart" ref={figure}>
      <figcaption>
        <Heading id={ids.title} className="chart-title">
          {title}
        </Heading>
        <p id={ids.summary} className="hint">
          {summary}
        </p>
      </figcaption>
      {asTable ? (
        // Styled as the table behind "Show the numbers" is.
        <div className="chart-table">{numbers}</div>
      ) : (
        <>
          <svg
            viewBox={`0 0 ${width} ${height}`}
            className="chart-svg"
            style={{ ['--axis-label' as string]: `${label.toFixed(2)}px` }}
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
            {numbers}
          </details>
        </>
      )}
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
