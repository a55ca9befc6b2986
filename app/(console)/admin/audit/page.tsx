import type { Metadata } from "next";
import { AuditFilters, type AuditFilterValues } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { Forbidden } from "@/components/shell/forbidden";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FormAlert } from "@/components/ui/form-alert";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { listAuditEvents } from "@/lib/audit/queries";
import type { Actor } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/current";
import { isAppError } from "@/lib/errors";
import { listSwitchableOrgs } from "@/lib/orgs/current";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const FILTERS = ["actor", "action", "target_type", "target", "outcome", "from", "to", "org_id"] as const;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/** A hand-edited URL with a bad filter shows everything, saying so, rather than failing; no access → null. */
async function loadEvents(actor: Actor, query: Record<string, string | undefined>) {
  try {
    return { result: await listAuditEvents(actor, query), invalid: null };
  } catch (error) {
    if (isAppError(error) && error.code === "forbidden") return { result: null, invalid: null };
    if (!isAppError(error) || error.code !== "validation") throw error;
    const fields = Object.keys(error.details?.fieldErrors ?? {}).join(", ");
    return { result: await listAuditEvents(actor, {}), invalid: `Some filters are invalid (${fields}); showing everything instead.` };
  }
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const raw = await searchParams;
  const filters: AuditFilterValues = Object.fromEntries(FILTERS.map((key) => [key, first(raw[key])]).filter(([, v]) => v));
  const { result, invalid } = await loadEvents(actor, { ...filters, page: first(raw.page) });
  if (!result) return <Forbidden what="the audit log" />;
  const orgs = await listSwitchableOrgs(actor);
  const query = new URLSearchParams(Object.entries(filters) as Array<[string, string]>).toString();
  const filtered = Object.keys(filters).length > 0;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Audit log"
        description="Every sign-in and every change, newest first. The log is read-only and tamper-evident."
        actions={
          // A plain link: the browser downloads the streamed file (no client-side navigation).
          <a href={`/api/v1/audit-events/export${query ? `?${query}` : ""}`} download className={buttonClasses({ variant: "secondary" })}>
            Export CSV
          </a>
        }
      />
      <AuditFilters values={filters} orgs={orgs} />
      <FormAlert>{invalid}</FormAlert>
      {result.data.length === 0 ? (
        <EmptyState
          title={filtered ? "No events match" : "No events yet"}
          description={filtered ? "Try a wider time range or fewer filters." : "Sign-ins and changes appear here as they happen."}
        />
      ) : (
        <>
          <AuditTable events={result.data} orgNames={Object.fromEntries(orgs.map((o) => [o.id, o.name]))} />
          <Pagination page={result.page} limit={result.limit} total={result.total} basePath="/admin/audit" searchParams={filters} />
        </>
      )}
    </div>
  );
}
