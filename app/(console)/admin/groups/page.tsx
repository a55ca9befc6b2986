import type { Metadata } from "next";
import { GroupForm } from "@/components/groups/group-form";
import { GroupsTable } from "@/components/groups/groups-table";
import { SearchForm } from "@/components/groups/search-form";
import { Forbidden } from "@/components/shell/forbidden";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/current";
import { isAppError } from "@/lib/errors";
import { listGroups } from "@/lib/groups/queries";
import { getCurrentOrgId, listSwitchableOrgs } from "@/lib/orgs/current";
import { can } from "@/lib/rbac/authorize";
import { createGroupAction } from "./actions";

export const metadata: Metadata = { title: "Groups" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Groups of the current organization (the header's switcher). */
export default async function GroupsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const raw = await searchParams;
  const orgId = await getCurrentOrgId(actor);
  const orgName = (await listSwitchableOrgs(actor)).find((o) => o.id === orgId)?.name ?? "this organization";
  const query = { page: first(raw.page), q: first(raw.q) || undefined, sort: first(raw.sort) || undefined, org_id: orgId };
  const result = await listGroups(actor, query).catch(async (error) => {
    if (isAppError(error) && error.code === "validation") return listGroups(actor, { org_id: orgId, q: query.q?.slice(0, 200) });
    if (isAppError(error) && error.code === "forbidden") return null;
    throw error;
  });
  if (!result) return <Forbidden what="groups" />;
  const canManage = can(actor, "groups.manage", { orgId });

  return (
    <div className="space-y-6">
      <PageHeader title="Groups" description={`Groups of ${orgName}. Members inherit the roles bound to a group.`} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="space-y-4">
          <SearchForm q={query.q} label="Search groups" placeholder="Group name or description" />
          {result.data.length === 0 ? (
            <EmptyState
              title={query.q ? "No groups match your search" : "No groups yet"}
              description={query.q ? "Try another name." : canManage ? "Create the first group of this organization." : undefined}
            />
          ) : (
            <>
              <GroupsTable groups={result.data} />
              <Pagination page={result.page} limit={result.limit} total={result.total} basePath="/admin/groups" searchParams={{ q: query.q, sort: query.sort }} />
            </>
          )}
        </div>
        {canManage ? (
          <Card>
            <CardHeader title="New group" />
            <CardBody>
              <GroupForm mode="create" orgId={orgId} orgName={orgName} submit={createGroupAction} />
            </CardBody>
          </Card>
        ) : null}
      </div>
    </div>
  );
}
