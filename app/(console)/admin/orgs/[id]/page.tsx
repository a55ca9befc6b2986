import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MembersPanel } from "@/components/groups/members-panel";
import { DeleteButton } from "@/components/orgs/delete-button";
import { OrgForm } from "@/components/orgs/org-form";
import { Forbidden } from "@/components/shell/forbidden";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/current";
import { isAppError } from "@/lib/errors";
import { getOrg, listOrgMembers } from "@/lib/orgs/queries";
import { can } from "@/lib/rbac/authorize";
import { addOrgMembersAction, deleteOrgAction, removeOrgMembersAction, searchOrgCandidatesAction, updateOrgAction } from "../actions";

export const metadata: Metadata = { title: "Organization" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrgPage({ params, searchParams }: Props) {
  const { id } = await params;
  const page = [(await searchParams).page].flat()[0];
  const actor = await requireActor();
  const org = await getOrg(actor, id).catch((error) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    if (isAppError(error) && error.code === "forbidden") return null;
    throw error;
  });
  if (!org) return <Forbidden what="organizations" />;
  const canManage = can(actor, "orgs.manage", { orgId: org.id });
  const members = await listOrgMembers(actor, org.id, { page, limit: 50 }).catch((error) => {
    if (isAppError(error) && (error.code === "forbidden" || error.code === "validation")) return null;
    throw error;
  });

  return (
    <div className="space-y-6">
      <PageHeader
        title={
          <span className="inline-flex items-center gap-2">
            {org.name}
            {org.is_default ? <Badge>Default</Badge> : null}
          </span>
        }
        description={org.description || undefined}
        actions={
          canManage && !org.is_default ? (
            <DeleteButton
              id={org.id}
              what={`organization "${org.name}"`}
              consequences={`Its ${org.group_count} groups and every membership and organization role in it are deleted. Users stay. This cannot be undone.`}
              remove={deleteOrgAction}
              afterHref="/admin/orgs"
            />
          ) : null
        }
      />
      {canManage ? (
        <Card>
          <CardHeader title="Details" description={org.is_default ? "The Default organization can be renamed but not deleted." : undefined} />
          <CardBody>
            <OrgForm mode="edit" org={org} submit={updateOrgAction} />
          </CardBody>
        </Card>
      ) : null}
      <section aria-labelledby="members-heading" className="space-y-3">
        <h2 id="members-heading" className="text-lg font-semibold text-zinc-900">
          Members <span className="text-sm font-normal text-zinc-500">({org.member_count})</span>
        </h2>
        {members ? (
          <>
            <MembersPanel id={org.id} name={org.name} members={members.data} canManage={canManage} add={addOrgMembersAction} remove={removeOrgMembersAction} search={searchOrgCandidatesAction} />
            <Pagination page={members.page} limit={members.limit} total={members.total} basePath={`/admin/orgs/${org.id}`} />
          </>
        ) : (
          <p className="text-sm text-zinc-500">You cannot view the users of this organization.</p>
        )}
      </section>
    </div>
  );
}
