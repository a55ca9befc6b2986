import type { Metadata } from "next";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { CreateUserForm, type RoleChoices } from "@/components/users/create-user-form";
import type { Actor } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/current";
import { getCurrentOrgId, listSwitchableOrgs } from "@/lib/orgs/current";
import { can } from "@/lib/rbac/authorize";
import { listAllRoles } from "@/lib/roles/queries";
import { toRoleRefs } from "@/lib/roles/refs";
import { getSettings } from "@/lib/settings/settings";
import { createUserAction } from "../actions";

export const metadata: Metadata = { title: "Create user" };

async function roleChoices(actor: Actor, orgId: string): Promise<RoleChoices> {
  const [system, org, orgs] = await Promise.all([listAllRoles(actor, "system"), listAllRoles(actor, "org"), listSwitchableOrgs(actor)]);
  const builtin = (list: typeof system, key: string) => list.filter((r) => r.builtin_key === key).map((r) => r.id);
  return {
    system: toRoleRefs(system),
    org: toRoleRefs(org),
    orgName: orgs.find((o) => o.id === orgId)?.name ?? "this organization",
    canAssignSystem: can(actor, "roles.assign"),
    canAssignOrg: true,
    defaults: { system_role_ids: builtin(system, "system_user"), org_role_ids: builtin(org, "org_user") },
  };
}

export default async function NewUserPage() {
  const actor = await requireActor();
  const orgId = await getCurrentOrgId(actor);
  if (!can(actor, "users.create", { orgId })) return <Forbidden what="creating users in this organization" />;
  const { password } = await getSettings();
  const roles = can(actor, "roles.assign", { orgId }) ? await roleChoices(actor, orgId) : undefined;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title="Create user" description="A person who signs in, or a service account that uses tokens." />
      <CreateUserForm orgId={orgId} roles={roles} canSetAdmin={actor.isAdmin} policy={password} submit={createUserAction} />
    </div>
  );
}
