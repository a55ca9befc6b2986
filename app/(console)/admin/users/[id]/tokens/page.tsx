import type { Metadata } from "next";
import { Forbidden } from "@/components/shell/forbidden";
import { TokenManager } from "@/components/tokens/token-manager";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/current";
import { CP_SERVICE_EMAIL } from "@/lib/bootstrap";
import { isAppError } from "@/lib/errors";
import { getTokenFormOptions } from "@/lib/tokens/options";
import { listPersonalAccessTokens } from "@/lib/tokens/pat";
import { loadUserForPage } from "../load";
import { createUserTokenAction, revokeUserTokenAction } from "./actions";

export const metadata: Metadata = { title: "Tokens" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UserTokensPage({ params, searchParams }: Props) {
  const { id } = await params;
  const page = (await searchParams).page;
  const actor = await requireActor();
  const user = await loadUserForPage(actor, id);
  const loaded = await Promise.all([listPersonalAccessTokens(actor, id, { page: typeof page === "string" ? page : undefined }), getTokenFormOptions(actor, id)]).catch(
    (error) => {
      if (isAppError(error) && (error.code === "forbidden" || error.code === "validation")) return null;
      throw error;
    },
  );
  if (!loaded) return <Forbidden what={`${user.username}'s tokens`} />;
  const [tokens, options] = loaded;
  const notice = options.is_control_plane ? (
    <p className="rounded-md bg-zinc-50 px-3 py-2 text-sm text-zinc-700 ring-1 ring-zinc-200">
      The control plane&apos;s own token for {CP_SERVICE_EMAIL} is never listed here: it cannot be viewed or deleted in the console or the API, only rotated
      from the control plane with <code className="font-mono">npm run cp:rotate-token</code>.
    </p>
  ) : null;

  return (
    <div className="space-y-4">
      <TokenManager
        tokens={tokens.data}
        options={options}
        ownerLabel={user.username}
        now={new Date().toISOString()}
        create={options.is_control_plane ? undefined : createUserTokenAction.bind(null, user.id)}
        revoke={revokeUserTokenAction.bind(null, user.id)}
        notice={notice}
      />
      {tokens.total > tokens.limit ? <Pagination page={tokens.page} limit={tokens.limit} total={tokens.total} basePath={`/admin/users/${user.id}/tokens`} /> : null}
    </div>
  );
}
