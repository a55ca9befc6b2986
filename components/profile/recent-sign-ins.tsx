import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { SignInEventDto } from "@/lib/profile/schema";
import { describeUserAgent } from "@/lib/profile/user-agent";
import { formatDateTime } from "./format";

const REASONS: Record<string, string> = {
  bad_password: "Wrong password",
  inactive: "Account inactive",
  expired: "Account expired",
  locked: "Account locked",
  service_account: "Service account",
};

/** The person's latest sign-ins; failed attempts on their account stand out. */
export function RecentSignIns({ events }: { events: SignInEventDto[] }) {
  if (events.length === 0) return <EmptyState title="No sign-ins recorded yet" />;
  return (
    <Table aria-label="Recent sign-ins">
      <THead>
        <tr>
          <TH>When</TH>
          <TH>Result</TH>
          <TH>Device</TH>
          <TH>IP address</TH>
          <TH>Method</TH>
        </tr>
      </THead>
      <TBody>
        {events.map((e) => (
          <TR key={e.id}>
            <TD>{formatDateTime(e.occurred_at)}</TD>
            <TD>
              {e.outcome === "success" ? <Badge tone="green">Signed in</Badge> : <Badge tone="red">Failed{e.reason ? `: ${REASONS[e.reason] ?? e.reason}` : ""}</Badge>}
            </TD>
            <TD>
              <span title={e.user_agent ?? undefined}>{describeUserAgent(e.user_agent)}</span>
            </TD>
            <TD className="font-mono text-xs">{e.ip ?? "—"}</TD>
            <TD>{[e.method, e.source && e.source !== "internal" ? `via ${e.source}` : null].filter(Boolean).join(" ") || "—"}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
