import type { Metadata } from "next";
import { RolesTable } from "@/components/roles/roles-table";
import { Forbidden } from "@/components/shell/forbidden";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/current";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/rbac/authorize";
import { listAllRoles } from "@/lib/roles/queries";

export const metadata: Metadata = { title: "Roles" };

export default async function RolesPage() {
  const actor = await requireActor();
  const roles = await listAllRoles(actor).catch((error) => {
    if (isAppError(error) && error.code === "forbidden") return null;
    throw error;
  });
  if (!roles) return <Forbidden what="roles" />;
  return (
    <div className="space-y-8">
      <PageHeader
        title="Roles"
        description="System roles apply in every organization; organization roles apply in the organization where they are assigned. Built-in roles cannot be changed."
        actions={can(actor, "roles.manage") ? <ButtonLink href="/admin/roles/new">New role</ButtonLink> : null}
      />
      <section aria-labelledby="system-roles" className="space-y-3">
        <h2 id="system-roles" className="text-lg font-semibold text-zinc-900">
          System roles
        </h2>
        <RolesTable roles={roles.filter((r) => r.scope === "system")} label="System roles" />
      </section>
      <section aria-labelledby="org-roles" className="space-y-3">
        <h2 id="org-roles" className="text-lg font-semibold text-zinc-900">
          Organization roles
        </h2>
        <RolesTable roles={roles.filter((r) => r.scope === "org")} label="Organization roles" />
      </section>
    </div>
  );
}
