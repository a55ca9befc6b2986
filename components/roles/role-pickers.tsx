"use client";

import { useId } from "react";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/form-field";
import type { RoleRef } from "@/lib/roles/schema";

type ChecklistProps = {
  legend: string;
  hint?: string;
  roles: RoleRef[];
  value: string[];
  onChange: (next: string[]) => void;
  disabled?: boolean;
  error?: string;
  idPrefix?: string;
};

/** One multi-select of roles as a fieldset of checkboxes (keyboard and screen-reader friendly). */
export function RoleChecklist({ legend, hint, roles, value, onChange, disabled = false, error, idPrefix }: ChecklistProps) {
  const generated = useId();
  const id = idPrefix ?? generated;
  const set = new Set(value);
  const toggle = (roleId: string, on: boolean) => onChange(on ? [...set, roleId] : [...set].filter((x) => x !== roleId));
  return (
    <fieldset className="space-y-2" aria-describedby={[hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined}>
      <legend className="text-sm font-medium text-zinc-800">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-zinc-500">
          {hint}
        </p>
      ) : null}
      {roles.length === 0 ? <p className="text-sm text-zinc-500">No roles.</p> : null}
      <div className="grid gap-2 sm:grid-cols-2">
        {roles.map((role) => (
          <Checkbox
            key={role.id}
            id={`${id}-${role.id}`}
            label={
              <span className="inline-flex items-center gap-1.5">
                {role.name}
                {role.is_builtin ? <Badge>Built-in</Badge> : null}
                <Badge tone={role.scope === "system" ? "blue" : "neutral"}>{role.scope === "system" ? "System" : "Org"}</Badge>
              </span>
            }
            checked={set.has(role.id)}
            disabled={disabled}
            onChange={(e) => toggle(role.id, e.target.checked)}
          />
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs font-medium text-red-600">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export type RolePickersValue = { system_role_ids: string[]; org_role_ids: string[] };

export type RolePickersProps = {
  /** Every system role (lib/roles/queries.ts listAllRoles(actor, "system")). */
  systemRoles: RoleRef[];
  /** Every organization role (listAllRoles(actor, "org")). */
  orgRoles: RoleRef[];
  /** The organization the org roles apply in (the current organization). */
  orgName: string;
  value: RolePickersValue;
  onChange: (value: RolePickersValue) => void;
  /** can(actor, "roles.assign"): otherwise the system list is read-only. */
  canAssignSystem?: boolean;
  /** can(actor, "roles.assign", { orgId }): otherwise the org list is read-only. */
  canAssignOrg?: boolean;
  errors?: { system_role_ids?: string; org_role_ids?: string };
  idPrefix?: string;
};

/**
 * System roles + organization roles (for one organization) of a user, for the user form and the user's Roles tab.
 * Send `{ system_role_ids, org_roles: [{ org_id, role_ids: org_role_ids }] }` to setUserRoles / PUT /users/{id}/roles.
 */
export function RolePickers({ systemRoles, orgRoles, orgName, value, onChange, canAssignSystem = true, canAssignOrg = true, errors, idPrefix = "roles" }: RolePickersProps) {
  return (
    <div className="space-y-5">
      <RoleChecklist
        idPrefix={`${idPrefix}-system`}
        legend="System roles"
        hint={canAssignSystem ? "Apply in every organization; permissions combine." : "You cannot assign system roles."}
        roles={systemRoles}
        value={value.system_role_ids}
        onChange={(system_role_ids) => onChange({ ...value, system_role_ids })}
        disabled={!canAssignSystem}
        error={errors?.system_role_ids}
      />
      <RoleChecklist
        idPrefix={`${idPrefix}-org`}
        legend={`Organization roles in ${orgName}`}
        hint={canAssignOrg ? `Apply inside ${orgName} only.` : `You cannot assign roles in ${orgName}.`}
        roles={orgRoles}
        value={value.org_role_ids}
        onChange={(org_role_ids) => onChange({ ...value, org_role_ids })}
        disabled={!canAssignOrg}
        error={errors?.org_role_ids}
      />
    </div>
  );
}
