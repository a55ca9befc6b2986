import type { Metadata } from "next";
import { UserGroupsPanel } from "@/components/groups/user-groups-panel";
import { Forbidden } from "@/components/shell/forbidden";
import { requireActor } from "@/lib/auth/current";
import { isAppError } from "@/lib/errors";
import { listUserGroups } from "@/lib/groups/queries";
import { permittedOrgs } from "@/lib/rbac/authorize";
import { loadUserForPage } from "../load";
import { addUserToGroupsAction, removeUserFromGroupsAction, searchUserGroupCandidatesAction } from "./actions";

export const metadata: Metadata = { title: "User groups" };

/** Users → user → Groups tab. */
export default async function UserGroupsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const user = await loadUserForPage(actor, id);
  const groups = await listUserGroups(actor, user.id, { limit: 100 }).catch((error) => {
    if (isAppError(error) && error.code === "forbidden") return null;
    throw error;
  });
  if (!groups) return <Forbidden what="this user's groups" />;
  const managed = permittedOrgs(actor, "groups.manage");
  return (
    <UserGroupsPanel
      userId={user.id}
      username={user.username}
      groups={groups.data}
      canManage={managed === "all" || managed.length > 0}
      add={addUserToGroupsAction}
      remove={removeUserFromGroupsAction}
      search={searchUserGroupCandidatesAction}
    />
  );
}
