import type { Metadata } from "next";
import { Forbidden } from "@/components/shell/forbidden";
import { EditUserForm } from "@/components/users/edit-user-form";
import { requireActor } from "@/lib/auth/current";
import { getSettings } from "@/lib/settings/settings";
import { getUserCapabilities } from "@/lib/users/queries";
import { updateUserAction } from "../../actions";
import { loadUserForPage } from "../load";

export const metadata: Metadata = { title: "Edit user" };

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const user = await loadUserForPage(actor, id);
  const capabilities = await getUserCapabilities(actor, id);
  if (!capabilities.update) return <Forbidden what="editing this user" />;
  const { password } = await getSettings();
  return (
    <div className="max-w-3xl">
      <EditUserForm user={user} canSetAdmin={capabilities.set_admin} policy={password} submit={updateUserAction} />
    </div>
  );
}
