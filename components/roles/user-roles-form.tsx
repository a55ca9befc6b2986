"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";
import type { RoleRef, UserRolesDto, UserRolesInput } from "@/lib/roles/schema";
import { RolePickers, type RolePickersValue } from "./role-pickers";

type Props = {
  userId: string;
  orgId: string;
  orgName: string;
  /** Organization roles need membership: otherwise that picker is read-only. */
  isMember: boolean;
  systemRoles: RoleRef[];
  orgRoles: RoleRef[];
  initial: RolePickersValue;
  canAssignSystem: boolean;
  canAssignOrg: boolean;
  save: (input: { id: string; roles: UserRolesInput }) => Promise<ActionResult<UserRolesDto>>;
};

/** The user's Roles tab: system roles and the roles in the current organization, saved together (PUT semantics). */
export function UserRolesForm({ userId, orgId, orgName, isMember, systemRoles, orgRoles, initial, canAssignSystem, canAssignOrg, save }: Props) {
  const router = useRouter();
  const { toast } = useToast();
  const [value, setValue] = useState(initial);
  const [errors, setErrors] = useState<{ system_role_ids?: string; org_role_ids?: string }>({});
  const [busy, setBusy] = useState(false);
  const orgEditable = canAssignOrg && isMember;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    const roles: UserRolesInput = {
      ...(canAssignSystem ? { system_role_ids: value.system_role_ids } : {}),
      ...(orgEditable ? { org_roles: [{ org_id: orgId, role_ids: value.org_role_ids }] } : {}),
    };
    const result = await save({ id: userId, roles });
    setBusy(false);
    if (!result.ok) {
      const fe = result.fieldErrors ?? {};
      setErrors({ system_role_ids: fe["roles.system_role_ids"]?.join(" "), org_role_ids: Object.entries(fe).find(([k]) => k.startsWith("roles.org_roles"))?.[1].join(" ") });
      return toast({ title: "Roles not saved", description: result.message, tone: "error" });
    }
    setErrors({});
    toast({ title: "Roles saved", tone: "success" });
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-5">
      <RolePickers
        systemRoles={systemRoles}
        orgRoles={orgRoles}
        orgName={orgName}
        value={value}
        onChange={setValue}
        canAssignSystem={canAssignSystem}
        canAssignOrg={orgEditable}
        errors={errors}
      />
      {!isMember ? <p className="text-sm text-zinc-500">Not a member of {orgName}: add them to it before giving them roles there.</p> : null}
      {canAssignSystem || orgEditable ? (
        <Button type="submit" loading={busy}>
          Save roles
        </Button>
      ) : null}
    </form>
  );
}
