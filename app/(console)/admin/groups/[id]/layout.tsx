import type { ReactNode } from "react";
import { GroupForm } from "@/components/groups/group-form";
import { DeleteButton } from "@/components/orgs/delete-button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TabNav } from "@/components/ui/tab-nav";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/rbac/authorize";
import { deleteGroupAction, updateGroupAction } from "../actions";
import { loadGroupForPage } from "./load";

export default async function GroupLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const group = await loadGroupForPage(actor, id);
  const canManage = can(actor, "groups.manage", { orgId: group.org_id });
  return (
    <div className="space-y-6">
      <PageHeader
        title={group.name}
        description={`${group.org_name} · ${group.member_count} member${group.member_count === 1 ? "" : "s"}${group.description ? ` · ${group.description}` : ""}`}
        actions={
          canManage ? (
            <DeleteButton
              id={group.id}
              what={`group "${group.name}"`}
              consequences="Its members lose the roles it gives them. The users themselves stay. This cannot be undone."
              remove={deleteGroupAction}
              afterHref="/admin/groups"
            />
          ) : null
        }
      />
      {canManage ? (
        <details className="rounded-md border border-zinc-200 bg-white shadow-sm">
          <summary className="cursor-pointer px-5 py-3 text-sm font-medium text-zinc-800 focus-visible:outline-2 focus-visible:outline-indigo-600">Rename or describe</summary>
          <Card className="rounded-t-none border-0 border-t shadow-none">
            <CardHeader title="Details" />
            <CardBody>
              <GroupForm mode="edit" group={group} submit={updateGroupAction} />
            </CardBody>
          </Card>
        </details>
      ) : null}
      <TabNav
        label="Group sections"
        items={[
          { href: `/admin/groups/${group.id}`, label: "Members" },
          { href: `/admin/groups/${group.id}/roles`, label: "Roles" },
        ]}
      />
      {children}
    </div>
  );
}
