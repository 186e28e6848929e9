/** A ranked list drawn as bars; it is a real list, so it reads as one. */
export function TopList({
  title,
  items,
  empty,
}: {
  title: string;
  items: { label: string; count: number }[];
  empty: string;
}) {
  const max = Math.max(1, ...items.map((i) => i.count));
  return (
    <section className="top-list" aria-label={title}>
      <h3 className="chart-title">{title}</h3>
      {items.length === 0 ? (
        <p className="hint">{empty}</p>
      ) : (
        <ol>
          {items.map((item) => (
            <li key={item.label} className="top-item">
              <span className="top-label">{item.label}</span>
              <span className="top-bar" aria-hidden="true">
                <span style={{ width: `${(item.count / max) * 100}%` }} />
              </span>
              <span className="top-count">{item.count}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
