import type { Metadata } from "next";
import { Forbidden } from "@/components/shell/forbidden";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { UserSearch } from "@/components/users/user-search";
import { UsersTable } from "@/components/users/users-table";
import { requireActor } from "@/lib/auth/current";
import { isAppError } from "@/lib/errors";
import { listUsers } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Users" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const raw = await searchParams;
  const query = { page: first(raw.page), q: first(raw.q) || undefined, sort: first(raw.sort) || undefined };
  const result = await listUsers(actor, query).catch(async (error) => {
    // A hand-edited URL with a bad page or sort falls back to the first page rather than failing.
    if (isAppError(error) && error.code === "validation") return listUsers(actor, { q: query.q?.slice(0, 200) });
    if (isAppError(error) && error.code === "forbidden") return null;
    throw error;
  });
  if (!result) return <Forbidden what="users" />;

  return (
    <div className="space-y-6">
      <PageHeader title="Users" description="People and service accounts that can use Gatehouse." />
      <UserSearch q={query.q} />
      {result.data.length === 0 ? (
        <EmptyState
          title={query.q ? "No users match your search" : "No users yet"}
          description={query.q ? "Try another name, username or email." : "Users you create or that sign in from a source appear here."}
        />
      ) : (
        <>
          <UsersTable users={result.data} />
          <Pagination page={result.page} limit={result.limit} total={result.total} basePath="/admin/users" searchParams={{ q: query.q, sort: query.sort }} />
        </>
      )}
    </div>
  );
}
