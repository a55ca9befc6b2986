import type { Metadata } from "next";
import { OwnTokenManager } from "@/components/profile/own-token-manager";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/current";
import { getTokenFormOptions } from "@/lib/tokens/options";
import { listPersonalAccessTokens } from "@/lib/tokens/pat";
import { createOwnTokenAction, revokeOwnTokenAction } from "./actions";

export const metadata: Metadata = { title: "Tokens" };

export default async function ProfileTokensPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const page = (await searchParams).page;
  const [tokens, options] = await Promise.all([
    listPersonalAccessTokens(actor, actor.userId!, { page: typeof page === "string" ? page : undefined }),
    getTokenFormOptions(actor, actor.userId!),
  ]);
  return (
    <Card aria-labelledby="profile-tokens">
      <CardHeader id="profile-tokens" title="Personal access tokens" description="For scripts and tools that call the Gatehouse API as you." />
      <CardBody className="space-y-4">
        <OwnTokenManager
          tokens={tokens.data}
          options={options}
          ownerLabel="you"
          now={new Date().toISOString()}
          create={createOwnTokenAction}
          revoke={revokeOwnTokenAction}
        />
        {tokens.total > tokens.limit ? <Pagination page={tokens.page} limit={tokens.limit} total={tokens.total} basePath="/profile/tokens" /> : null}
      </CardBody>
    </Card>
  );
}
