import type { Metadata } from "next";
import { UserRolesForm } from "@/components/roles/user-roles-form";
import { Forbidden } from "@/components/shell/forbidden";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { isAppError } from "@/lib/errors";
import { getCurrentOrgId, listSwitchableOrgs } from "@/lib/orgs/current";
import { can } from "@/lib/rbac/authorize";
import { getUserRoles } from "@/lib/roles/assignment";
import { listAllRoles } from "@/lib/roles/queries";
import { toRoleRefs } from "@/lib/roles/refs";
import { loadUserForPage } from "../load";
import { setUserRolesAction } from "./actions";

export const metadata: Metadata = { title: "User roles" };

/** Users → user → Roles tab: system roles, and org roles in the current organization (others listed read-only). */
export default async function UserRolesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const user = await loadUserForPage(actor, id);
  const [held, all] = await Promise.all([getUserRoles(actor, user.id), listAllRoles(actor)]).catch((error) => {
    if (isAppError(error) && error.code === "forbidden") return [null, null] as const;
    throw error;
  });
  if (!held || !all) return <Forbidden what="this user's roles" />;
  const orgId = await getCurrentOrgId(actor);
  const orgName = (await listSwitchableOrgs(actor)).find((o) => o.id === orgId)?.name ?? "this organization";
  const roles = toRoleRefs(all);
  const inOrg = held.org_roles.find((o) => o.org_id === orgId);
  const others = held.org_roles.filter((o) => o.org_id !== orgId);
  const isMember = held.member_org_ids.includes(orgId);

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title="Roles" description="Permissions of every role combine. You can only give or take roles whose permissions you hold yourself." />
        <CardBody>
          <UserRolesForm
            userId={user.id}
            orgId={orgId}
            orgName={orgName}
            isMember={isMember}
            systemRoles={roles.filter((r) => r.scope === "system")}
            orgRoles={roles.filter((r) => r.scope === "org")}
            initial={{ system_role_ids: held.system_roles.map((r) => r.id), org_role_ids: inOrg?.roles.map((r) => r.id) ?? [] }}
            canAssignSystem={can(actor, "roles.assign") && !user.is_builtin && (!user.is_admin || actor.isAdmin)}
            canAssignOrg={can(actor, "roles.assign", { orgId }) && !user.is_builtin && (!user.is_admin || actor.isAdmin)}
            save={setUserRolesAction}
          />
        </CardBody>
      </Card>
      {others.length ? (
        <Card>
          <CardHeader title="Roles in other organizations" description="Switch organization in the header to change these." />
          <CardBody>
            <ul className="space-y-2">
              {others.map((o) => (
                <li key={o.org_id} className="flex flex-wrap items-center gap-2">
                  <span className="font-medium text-zinc-800">{o.org_name}:</span>
                  {o.roles.map((r) => (
                    <Badge key={r.id}>{r.name}</Badge>
                  ))}
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
