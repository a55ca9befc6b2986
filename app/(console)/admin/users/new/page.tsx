import type { Metadata } from "next";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { CreateUserForm } from "@/components/users/create-user-form";
import { requireActor } from "@/lib/auth/current";
import { getCurrentOrgId } from "@/lib/orgs/current";
import { can } from "@/lib/rbac/authorize";
import { getSettings } from "@/lib/settings/settings";
import { createUserAction } from "../actions";

export const metadata: Metadata = { title: "Create user" };

export default async function NewUserPage() {
  const actor = await requireActor();
  const orgId = await getCurrentOrgId(actor);
  if (!can(actor, "users.create", { orgId })) return <Forbidden what="creating users in this organization" />;
  const { password } = await getSettings();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title="Create user" description="A person who signs in, or a service account that uses tokens." />
      <CreateUserForm orgId={orgId} canSetAdmin={actor.isAdmin} policy={password} submit={createUserAction} />
    </div>
  );
}
