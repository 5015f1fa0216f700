// Inline-SVG line chart of two daily series (no chart library: ~60 lines of geometry).
// Server component; scales to its container through the viewBox.
export type DailyActivityPoint = { day: string; signIns: number; revocations: number };

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 16, right: 16, bottom: 28, left: 36 };
const SERIES = [
  { key: "signIns", label: "Sign-ins", color: "#4f46e5" },
  { key: "revocations", label: "Revocations", color: "#dc2626" },
] as const;

export function DailyActivityChart({ points }: { points: readonly DailyActivityPoint[] }) {
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const max = Math.max(1, ...points.flatMap((p) => [p.signIns, p.revocations]));
  const niceMax = Math.ceil(max / 4) * 4;
  const x = (i: number) => PAD.left + (points.length <= 1 ? innerW / 2 : (i / (points.length - 1)) * innerW);
  const y = (v: number) => PAD.top + innerH - (v / niceMax) * innerH;
  const ticks = [0, 1, 2, 3, 4].map((t) => (niceMax / 4) * t);
  const labelEvery = Math.max(1, Math.ceil(points.length / 7));

  return (
    <figure>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label="Sign-ins and revocations per day"
        className="h-auto w-full"
      >
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} stroke="#e2e8f0" />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize="10" fill="#64748b">
              {Math.round(t)}
            </text>
          </g>
        ))}
        {points.map((p, i) =>
          i % labelEvery === 0 || i === points.length - 1 ? (
            <text key={p.day} x={x(i)} y={HEIGHT - 8} textAnchor="middle" fontSize="10" fill="#64748b">
              {p.day.slice(5)}
            </text>
          ) : null,
        )}
        {SERIES.map((s) => (
          <g key={s.key}>
            <polyline
              fill="none"
              stroke={s.color}
              strokeWidth="2"
              strokeLinejoin="round"
              points={points.map((p, i) => `${x(i)},${y(p[s.key])}`).join(" ")}
            />
            {points.map((p, i) => (
              <circle key={p.day} cx={x(i)} cy={y(p[s.key])} r="2.5" fill={s.color}>
                <title>{`${p.day}: ${p[s.key]} ${s.label.toLowerCase()}`}</title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      <figcaption className="mt-2 flex gap-4 text-xs text-slate-600">
        {SERIES.map((s) => (
          <span key={s.key} className="flex items-center gap-1">
            <span className="inline-block h-2 w-3 rounded-sm" style={{ background: s.color }} />
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
