import type { Metadata } from "next";
import { RoleForm } from "@/components/roles/role-form";
import { Forbidden } from "@/components/shell/forbidden";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/rbac/authorize";
import { createRoleAction } from "../actions";

export const metadata: Metadata = { title: "New role" };

export default async function NewRolePage() {
  const actor = await requireActor();
  if (!can(actor, "roles.manage")) return <Forbidden what="role management" />;
  return (
    <div className="space-y-6">
      <PageHeader title="New role" description="You can only put permissions you hold yourself into a role." />
      <Card>
        <CardBody>
          <RoleForm mode="create" submit={createRoleAction} />
        </CardBody>
      </Card>
    </div>
  );
}
