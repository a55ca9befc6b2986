import type { Metadata } from "next";
import { AuthSourceForm } from "@/components/auth-sources/auth-source-form";
import { Forbidden } from "@/components/shell/forbidden";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { oidcCallbackUrl } from "@/lib/auth-sources/queries";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/rbac/authorize";
import { createAuthSourceAction, testAuthSourceAction, updateAuthSourceAction } from "../actions";

export const metadata: Metadata = { title: "New authentication source" };

export default async function NewAuthSourcePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, "auth_sources.manage")) return <Forbidden what="authentication sources" />;
  const type = (await searchParams).type === "oidc" ? "oidc" : "ldap";
  return (
    <div className="space-y-6">
      <PageHeader title={type === "ldap" ? "New LDAP directory" : "New OpenID Connect provider"} description="Saved disabled unless you tick Enabled; test the connection first." />
      <Card>
        <CardBody>
          <AuthSourceForm type={type} callbackBase={oidcCallbackUrl("")} create={createAuthSourceAction} update={updateAuthSourceAction} test={testAuthSourceAction} />
        </CardBody>
      </Card>
    </div>
  );
}
