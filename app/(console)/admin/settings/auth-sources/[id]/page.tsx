import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuthSourceForm } from "@/components/auth-sources/auth-source-form";
import { DeleteAuthSourceButton } from "@/components/auth-sources/delete-auth-source-button";
import { Forbidden } from "@/components/shell/forbidden";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getAuthSource, oidcCallbackUrl } from "@/lib/auth-sources/queries";
import { requireActor } from "@/lib/auth/current";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/rbac/authorize";
import { createAuthSourceAction, deleteAuthSourceAction, testAuthSourceAction, updateAuthSourceAction } from "../actions";

export const metadata: Metadata = { title: "Authentication source" };

export default async function AuthSourcePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const source = await getAuthSource(actor, id).catch((error) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    if (isAppError(error) && error.code === "forbidden") return null;
    throw error;
  });
  if (!source) return <Forbidden what="authentication sources" />;
  const canManage = can(actor, "auth_sources.manage");
  return (
    <div className="space-y-6">
      <PageHeader
        title={source.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <span>
              {source.type === "ldap" ? "LDAP directory" : "OpenID Connect provider"} · {source.slug} · {source.user_count} user{source.user_count === 1 ? "" : "s"}
            </span>
            <Badge tone={source.enabled ? "green" : "neutral"}>{source.enabled ? "Enabled" : "Disabled"}</Badge>
          </span>
        }
        actions={canManage ? <DeleteAuthSourceButton source={source} action={deleteAuthSourceAction} /> : null}
      />
      <Card>
        <CardBody>
          {canManage ? (
            <AuthSourceForm type={source.type} source={source} callbackBase={oidcCallbackUrl("")} create={createAuthSourceAction} update={updateAuthSourceAction} test={testAuthSourceAction} />
          ) : (
            <pre className="overflow-x-auto text-xs">{JSON.stringify(source.config, null, 2)}</pre>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
