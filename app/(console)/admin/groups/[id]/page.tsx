import type { Metadata } from "next";
import { MembersPanel } from "@/components/groups/members-panel";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/current";
import { listGroupMembers } from "@/lib/groups/queries";
import { can } from "@/lib/rbac/authorize";
import { addGroupMembersAction, removeGroupMembersAction, searchGroupCandidatesAction } from "../actions";
import { loadGroupForPage } from "./load";

export const metadata: Metadata = { title: "Group members" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function GroupMembersPage({ params, searchParams }: Props) {
  const { id } = await params;
  const page = [(await searchParams).page].flat()[0];
  const actor = await requireActor();
  const group = await loadGroupForPage(actor, id);
  const members = await listGroupMembers(actor, group.id, { page, limit: 50 }).catch(() => listGroupMembers(actor, group.id, { limit: 50 }));
  return (
    <div className="space-y-3">
      <MembersPanel
        id={group.id}
        name={group.name}
        members={members.data}
        canManage={can(actor, "groups.manage", { orgId: group.org_id })}
        add={addGroupMembersAction}
        remove={removeGroupMembersAction}
        search={searchGroupCandidatesAction}
      />
      <Pagination page={members.page} limit={members.limit} total={members.total} basePath={`/admin/groups/${group.id}`} />
    </div>
  );
}
