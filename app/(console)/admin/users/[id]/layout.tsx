import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { UserActions } from "@/components/users/user-actions";
import { UserStatusBadge } from "@/components/users/user-status-badge";
import { UserTabs } from "@/components/users/user-tabs";
import { requireActor } from "@/lib/auth/current";
import { getUserCapabilities } from "@/lib/users/queries";
import { deleteUserAction, updateUserAction } from "../actions";
import { loadUserForPage } from "./load";

export default async function UserLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const user = await loadUserForPage(actor, id);
  const capabilities = await getUserCapabilities(actor, id);
  return (
    <div className="space-y-6">
      <PageHeader
        title={user.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <span>
              {user.username} · {user.email}
            </span>
            <UserStatusBadge user={user} />
            {user.is_admin ? <Badge tone="blue">Super-admin</Badge> : null}
            {user.is_service_account ? <Badge>Service account</Badge> : null}
            {user.is_builtin ? <Badge>Built-in</Badge> : null}
          </span>
        }
        actions={<UserActions user={user} canUpdate={capabilities.update} canDelete={capabilities.delete} setActive={updateUserAction} remove={deleteUserAction} />}
      />
      <UserTabs userId={user.id} />
      {children}
    </div>
  );
}
