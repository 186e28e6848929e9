interface ProgressRingProps {
  day: number;
  of: number;
  /** Diameter in px. */
  size?: number;
}

/** "Day N of M" drawn as a ring that fills as the period goes on. */
export function ProgressRing({ day, of, size = 132 }: ProgressRingProps) {
  const stroke = 10;
  const r = (size - stroke) / 2;
  const circumference = 2 * Math.PI * r;
  const share = Math.min(1, Math.max(0, day / of));
  return (
    <div className="progress-ring" style={{ width: size, height: size }}>
      <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true">
        <circle cx={size / 2} cy={size / 2} r={r} fill="none" stroke="var(--surface-2)" strokeWidth={stroke} />
        <circle
          cx={size / 2}
          cy={size / 2}
          r={r}
          fill="none"
          stroke="var(--accent)"
          strokeWidth={stroke}
          strokeLinecap="round"
          strokeDasharray={circumference}
          strokeDashoffset={circumference * (1 - share)}
          transform={`rotate(-90 ${size / 2} ${size / 2})`}
        />
      </svg>
      <p className="progress-ring-label">
        <span className="progress-ring-day">Day {day}</span> <span className="progress-ring-of">of {of}</span>
      </p>
    </div>
  );
}
