import type { Metadata } from "next";
import { Forbidden } from "@/components/shell/forbidden";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { UserFilters, type UserFilterValues } from "@/components/users/user-filters";
import { UsersList } from "@/components/users/users-list";
import { requireActor } from "@/lib/auth/current";
import { isAppError } from "@/lib/errors";
import { getCurrentOrgId } from "@/lib/orgs/current";
import { permittedOrgs } from "@/lib/rbac/authorize";
import { listUsers } from "@/lib/users/queries";
import { bulkUsersAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
const anywhere = (orgs: "all" | string[]) => orgs === "all" || orgs.length > 0;

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const raw = await searchParams;
  const filters: UserFilterValues = { q: first(raw.q), status: first(raw.status), type: first(raw.type), is_admin: first(raw.is_admin), auth_source: first(raw.auth_source) };
  const orgId = await getCurrentOrgId(actor);
  const query = {
    org_id: orgId,
    page: first(raw.page),
    sort: first(raw.sort),
    q: filters.q,
    status: filters.status,
    is_admin: filters.is_admin,
    auth_source: filters.auth_source,
    is_service_account: filters.type === "service" ? "true" : filters.type === "person" ? "false" : undefined,
  };
  const result = await listUsers(actor, query).catch(async (error) => {
    // A hand-edited URL with a bad parameter falls back to the unfiltered first page rather than failing.
    if (isAppError(error) && error.code === "validation") return listUsers(actor, { org_id: orgId });
    if (isAppError(error) && error.code === "forbidden") return null;
    throw error;
  });
  if (!result) return <Forbidden what="users" />;
  const filtered = Object.values(filters).some(Boolean);
  const canCreate = anywhere(permittedOrgs(actor, "users.create"));
  const canBulk = anywhere(permittedOrgs(actor, "users.update"));

  return (
    <div className="space-y-6">
      <PageHeader
        title="Users"
        description="People and service accounts that can use Gatehouse."
        actions={canCreate ? <ButtonLink href="/admin/users/new">+ Create user</ButtonLink> : null}
      />
      <UserFilters values={filters} />
      {result.data.length === 0 ? (
        <EmptyState
          title={filtered ? "No users match" : "No users yet"}
          description={filtered ? "Try another search or clear the filters." : "Users you create, or that sign in from a source, appear here."}
        />
      ) : (
        <>
          <UsersList users={result.data} canBulk={canBulk} bulk={bulkUsersAction} />
          <Pagination page={result.page} limit={result.limit} total={result.total} basePath="/admin/users" searchParams={{ ...filters, sort: query.sort }} />
        </>
      )}
    </div>
  );
}
