import Link from "next/link";
import { actorText, formatTimestamp, summary, targetText } from "@/components/audit/describe";
import { OutcomeBadge } from "@/components/audit/outcome-badge";
import type { AuditEventDto } from "@/lib/audit/schema";

/** The latest failed sign-ins and refused requests. */
export function RecentFailures({ events }: { events: AuditEventDto[] }) {
  if (events.length === 0) return <p className="text-sm text-zinc-500">No failures recorded. Failed sign-ins and refused requests appear here.</p>;
  return (
    <ul className="divide-y divide-zinc-100" aria-label="Recent failures">
      {events.map((e) => (
        <li key={e.id} className="flex flex-wrap items-start justify-between gap-2 py-2.5">
          <div className="min-w-0">
            <p className="font-medium text-zinc-900">
              {e.action} <OutcomeBadge outcome={e.outcome} />
            </p>
            <p className="text-xs text-zinc-500">
              {[actorText(e), e.target_type ? targetText(e) : null, summary(e), e.ip].filter(Boolean).join(" · ")}
            </p>
          </div>
          <span className="font-mono text-xs whitespace-nowrap text-zinc-500">{formatTimestamp(e.occurred_at)}</span>
        </li>
      ))}
      <li className="pt-3">
        <Link href="/admin/audit?outcome=failure" className="text-sm font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600">
          All failures in the audit log
        </Link>
      </li>
    </ul>
  );
}
