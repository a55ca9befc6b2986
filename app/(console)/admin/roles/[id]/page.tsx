import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeleteButton } from "@/components/orgs/delete-button";
import { PermissionPicker } from "@/components/roles/permission-picker";
import { RoleForm } from "@/components/roles/role-form";
import { Forbidden } from "@/components/shell/forbidden";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/current";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/rbac/authorize";
import { getRole } from "@/lib/roles/queries";
import { deleteRoleAction, updateRoleAction } from "../actions";

export const metadata: Metadata = { title: "Role" };

export default async function RolePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const role = await getRole(actor, id).catch((error) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    if (isAppError(error) && error.code === "forbidden") return null;
    throw error;
  });
  if (!role) return <Forbidden what="roles" />;
  const editable = !role.is_builtin && can(actor, "roles.manage");

  return (
    <div className="space-y-6">
      <PageHeader
        title={
          <span className="inline-flex items-center gap-2">
            {role.name}
            <Badge tone={role.scope === "system" ? "blue" : "neutral"}>{role.scope === "system" ? "System role" : "Organization role"}</Badge>
            {role.is_builtin ? <Badge>Built-in</Badge> : null}
          </span>
        }
        description={role.description || undefined}
        actions={
          editable ? (
            <DeleteButton id={role.id} what={`role "${role.name}"`} consequences="Everyone holding it, directly or through a group, loses its permissions at once." remove={deleteRoleAction} afterHref="/admin/roles" />
          ) : null
        }
      />
      <Card>
        {editable ? (
          <CardBody>
            <RoleForm mode="edit" role={role} submit={updateRoleAction} />
          </CardBody>
        ) : (
          <>
            <CardHeader title="Permissions" description={role.is_builtin ? "Built-in roles are read-only." : "You cannot change roles."} />
            <CardBody>
              <PermissionPicker scope={role.scope} value={role.permissions} readOnly />
            </CardBody>
          </>
        )}
      </Card>
    </div>
  );
}
