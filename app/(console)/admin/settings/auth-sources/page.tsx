import type { Metadata } from "next";
import { AuthSourcesTable } from "@/components/auth-sources/auth-sources-table";
import { ReadOnlyNote } from "@/components/settings/read-only-note";
import { Forbidden } from "@/components/shell/forbidden";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { listAuthSources } from "@/lib/auth-sources/queries";
import { requireActor } from "@/lib/auth/current";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/rbac/authorize";

export const metadata: Metadata = { title: "Authentication sources" };

export default async function AuthSourcesPage() {
  const actor = await requireActor();
  const sources = await listAuthSources(actor).catch((error) => {
    if (isAppError(error) && error.code === "forbidden") return null;
    throw error;
  });
  if (!sources) return <Forbidden what="authentication sources" />;
  const canManage = can(actor, "auth_sources.manage");
  return (
    <div className="space-y-6">
      <PageHeader
        title="Authentication sources"
        description="Where people sign in from: local accounts, LDAP directories and OpenID Connect providers."
        actions={
          canManage ? (
            <>
              <ButtonLink href="/admin/settings/auth-sources/new?type=ldap">+ LDAP directory</ButtonLink>
              <ButtonLink href="/admin/settings/auth-sources/new?type=oidc" variant="secondary">
                + OIDC provider
              </ButtonLink>
            </>
          ) : null
        }
      />
      {canManage ? null : <ReadOnlyNote />}
      <AuthSourcesTable sources={sources} />
    </div>
  );
}
