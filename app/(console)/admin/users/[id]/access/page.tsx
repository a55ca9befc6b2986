import type { Metadata } from "next";
import { EffectivePermissions } from "@/components/roles/effective-permissions";
import { Forbidden } from "@/components/shell/forbidden";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { isAppError } from "@/lib/errors";
import { getEffectivePermissions } from "@/lib/rbac/effective";
import { loadUserForPage } from "../load";

export const metadata: Metadata = { title: "User access" };

/** Users → user → Access tab: effective permissions and the path that grants each one. */
export default async function UserAccessPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const user = await loadUserForPage(actor, id);
  const access = await getEffectivePermissions(actor, user.id).catch((error) => {
    if (isAppError(error) && error.code === "forbidden") return null;
    throw error;
  });
  if (!access) return <Forbidden what="this user's access" />;
  return (
    <Card>
      <CardHeader
        title="Effective permissions"
        description={access.is_admin ? "A super-admin holds every permission." : "What this user may do, and every role, organization and group that grants it."}
      />
      <CardBody>
        <EffectivePermissions access={access} />
      </CardBody>
    </Card>
  );
}
