import type { Metadata } from "next";
import { UserAttributesForm } from "@/components/attributes/user-attributes-form";
import { Forbidden } from "@/components/shell/forbidden";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { EditUserForm } from "@/components/users/edit-user-form";
import { getUserAttributes } from "@/lib/attributes/values";
import { requireActor } from "@/lib/auth/current";
import { getSettings } from "@/lib/settings/settings";
import { getUserCapabilities } from "@/lib/users/queries";
import { saveUserAttributesAction } from "../../../settings/attributes/actions";
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
  const attributes = capabilities.manage_attributes ? await getUserAttributes(actor, id) : [];
  return (
    <div className="max-w-3xl space-y-6">
      <EditUserForm user={user} canSetAdmin={capabilities.set_admin} policy={password} submit={updateUserAction} />
      {capabilities.manage_attributes ? (
        <Card>
          <CardHeader title="Attributes" description="Every attribute is editable here; “user-editable” only governs the user's own profile." />
          <CardBody>
            {attributes.length ? (
              <UserAttributesForm userId={user.id} attributes={attributes} save={saveUserAttributesAction} />
            ) : (
              <EmptyState title="No attributes defined" description="Define them under Settings → User attributes." />
            )}
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
