import type { Metadata } from "next";
import { GroupRolesForm } from "@/components/groups/group-roles-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { isAppError } from "@/lib/errors";
import { listGroupRoles } from "@/lib/groups/roles";
import { can } from "@/lib/rbac/authorize";
import { listAllRoles } from "@/lib/roles/queries";
import { toRoleRefs } from "@/lib/roles/refs";
import { setGroupRolesAction } from "../../actions";
import { loadGroupForPage } from "../load";

export const metadata: Metadata = { title: "Group roles" };

export default async function GroupRolesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const group = await loadGroupForPage(actor, id);
  const bound = await listGroupRoles(actor, group.id);
  const all = await listAllRoles(actor).catch((error) => {
    if (isAppError(error) && error.code === "forbidden") return null;
    throw error;
  });
  const manage = can(actor, "groups.manage", { orgId: group.org_id });
  const roles = all ? toRoleRefs(all) : bound;
  return (
    <Card>
      <CardHeader title="Roles bound to this group" description="Members inherit these roles. You can only bind roles whose permissions you hold yourself." />
      <CardBody>
        <GroupRolesForm
          groupId={group.id}
          orgName={group.org_name}
          systemRoles={roles.filter((r) => r.scope === "system")}
          orgRoles={roles.filter((r) => r.scope === "org")}
          bound={bound.map((r) => r.id)}
          canAssignSystem={manage && can(actor, "roles.assign")}
          canAssignOrg={manage && can(actor, "roles.assign", { orgId: group.org_id })}
          save={setGroupRolesAction}
        />
      </CardBody>
    </Card>
  );
}
