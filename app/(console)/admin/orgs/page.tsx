import type { Metadata } from "next";
import { OrgForm } from "@/components/orgs/org-form";
import { OrgsTable } from "@/components/orgs/orgs-table";
import { Forbidden } from "@/components/shell/forbidden";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/groups/search-form";
import { requireActor } from "@/lib/auth/current";
import { isAppError } from "@/lib/errors";
import { listOrgs } from "@/lib/orgs/queries";
import { can } from "@/lib/rbac/authorize";
import { createOrgAction } from "./actions";

export const metadata: Metadata = { title: "Organizations" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function OrgsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const raw = await searchParams;
  const query = { page: first(raw.page), q: first(raw.q) || undefined };
  const result = await listOrgs(actor, query).catch(async (error) => {
    if (isAppError(error) && error.code === "validation") return listOrgs(actor, { q: query.q?.slice(0, 200) });
    if (isAppError(error) && error.code === "forbidden") return null;
    throw error;
  });
  if (!result) return <Forbidden what="organizations" />;
  const canManage = can(actor, "orgs.manage");

  return (
    <div className="space-y-6">
      <PageHeader title="Organizations" description="Users, groups and organization roles live in organizations. The Default organization always exists." />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="space-y-4">
          <SearchForm q={query.q} label="Search organizations" placeholder="Organization name" />
          {result.data.length === 0 ? (
            <EmptyState title={query.q ? "No organizations match your search" : "No organizations"} />
          ) : (
            <>
              <OrgsTable orgs={result.data} />
              <Pagination page={result.page} limit={result.limit} total={result.total} basePath="/admin/orgs" searchParams={{ q: query.q }} />
            </>
          )}
        </div>
        {canManage ? (
          <Card>
            <CardHeader title="New organization" />
            <CardBody>
              <OrgForm mode="create" submit={createOrgAction} />
            </CardBody>
          </Card>
        ) : null}
      </div>
    </div>
  );
}
