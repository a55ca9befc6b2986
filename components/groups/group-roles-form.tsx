"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { RoleChecklist } from "@/components/roles/role-pickers";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";
import type { RoleRef } from "@/lib/roles/schema";

type Props = {
  groupId: string;
  orgName: string;
  systemRoles: RoleRef[];
  orgRoles: RoleRef[];
  bound: string[];
  canAssignSystem: boolean;
  canAssignOrg: boolean;
  save: (input: { id: string; role_ids: string[] }) => Promise<ActionResult<RoleRef[]>>;
};

/** Roles bound to a group: members inherit them (org roles in the group's organization, system roles everywhere). */
export function GroupRolesForm({ groupId, orgName, systemRoles, orgRoles, bound, canAssignSystem, canAssignOrg, save }: Props) {
  const router = useRouter();
  const { toast } = useToast();
  const [system, setSystem] = useState(bound.filter((id) => systemRoles.some((r) => r.id === id)));
  const [org, setOrg] = useState(bound.filter((id) => orgRoles.some((r) => r.id === id)));
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    const result = await save({ id: groupId, role_ids: [...system, ...org] });
    setBusy(false);
    if (!result.ok) return toast({ title: "Roles not saved", description: result.message, tone: "error" });
    toast({ title: "Group roles saved", description: `${result.data.length} role${result.data.length === 1 ? "" : "s"} bound.`, tone: "success" });
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-5">
      <RoleChecklist idPrefix="group-system" legend="System roles" hint="Members get these in every organization." roles={systemRoles} value={system} onChange={setSystem} disabled={!canAssignSystem} />
      <RoleChecklist idPrefix="group-org" legend={`Organization roles in ${orgName}`} hint={`Members get these inside ${orgName}.`} roles={orgRoles} value={org} onChange={setOrg} disabled={!canAssignOrg} />
      {canAssignSystem || canAssignOrg ? (
        <Button type="submit" loading={busy}>
          Save roles
        </Button>
      ) : null}
    </form>
  );
}
