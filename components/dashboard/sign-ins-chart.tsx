import type { DailySignIns } from "@/lib/dashboard/schema";

const W = 600;
const H = 160;
const PAD = { top: 8, bottom: 20, left: 28, right: 4 };

const shortDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** Stacked daily bars (successes, failures) in plain SVG, described for screen readers, with the numbers as a table. */
export function SignInsChart({ days }: { days: DailySignIns[] }) {
  const id = "sign-ins-chart";
  const max = Math.max(1, ...days.map((d) => d.success + d.failure));
  const totals = days.reduce((t, d) => ({ success: t.success + d.success, failure: t.failure + d.failure }), { success: 0, failure: 0 });
  const slot = (W - PAD.left - PAD.right) / days.length;
  const barWidth = Math.max(2, slot * 0.7);
  const y = (value: number) => ((H - PAD.top - PAD.bottom) * value) / max;
  const busiest = days.reduce((a, b) => (b.success + b.failure > a.success + a.failure ? b : a), days[0]);
  const description = `${totals.success} successful and ${totals.failure} failed sign-ins over ${days.length} days` + (busiest && max > 0 ? `; busiest day ${shortDay(busiest.day)} with ${busiest.success + busiest.failure}.` : ".");

  return (
    <figure className="space-y-3">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="h-44 w-full">
        <title id={`${id}-title`}>Sign-ins per day</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} className="stroke-zinc-300" />
        <text x={PAD.left - 4} y={PAD.top + 8} textAnchor="end" className="fill-zinc-500 text-[10px]">
          {max}
        </text>
        <text x={PAD.left - 4} y={H - PAD.bottom} textAnchor="end" className="fill-zinc-500 text-[10px]">
          0
        </text>
        {days.map((d, i) => {
          const x = PAD.left + i * slot + (slot - barWidth) / 2;
          const ok = y(d.success);
          const bad = y(d.failure);
          const base = H - PAD.bottom;
          return (
            <g key={d.day}>
              <rect x={x} y={base - ok} width={barWidth} height={ok} className="fill-indigo-500" />
              <rect x={x} y={base - ok - bad} width={barWidth} height={bad} className="fill-red-400" />
              {i === 0 || i === days.length - 1 || i === Math.floor(days.length / 2) ? (
                <text x={x + barWidth / 2} y={H - 6} textAnchor="middle" className="fill-zinc-500 text-[10px]">
                  {shortDay(d.day)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="flex flex-wrap items-center gap-4 text-xs text-zinc-600">
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="h-2.5 w-2.5 rounded-sm bg-indigo-500" /> Successful ({totals.success})
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="h-2.5 w-2.5 rounded-sm bg-red-400" /> Failed ({totals.failure})
        </span>
      </figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600">Show the numbers</summary>
        <table className="mt-2 w-full max-w-sm text-left text-xs">
          <caption className="sr-only">Sign-ins per day</caption>
          <thead>
            <tr className="text-zinc-500">
              <th scope="col" className="py-1">Day (UTC)</th>
              <th scope="col" className="py-1 text-right">Successful</th>
              <th scope="col" className="py-1 text-right">Failed</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day} className="border-t border-zinc-100">
                <th scope="row" className="py-1 font-normal">{d.day}</th>
                <td className="py-1 text-right tabular-nums">{d.success}</td>
                <td className="py-1 text-right tabular-nums">{d.failure}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
