"use client";

import { useId } from "react";
import { Checkbox } from "@/components/ui/form-field";
import { PERMISSIONS, SYSTEM_ONLY_PERMISSIONS, type Permission } from "@/lib/rbac/permissions";

const BY_RESOURCE = Object.entries(PERMISSIONS).reduce<Record<string, Permission[]>>((acc, [key, { resource }]) => {
  (acc[resource] ??= []).push(key as Permission);
  return acc;
}, {});

type Props = {
  value: string[];
  onChange?: (next: string[]) => void;
  /** Organization roles cannot hold system-only permissions: those are shown disabled. */
  scope: "system" | "org";
  readOnly?: boolean;
  error?: string;
};

/** Permissions grouped by resource (PERMISSIONS[].resource), one fieldset per resource. */
export function PermissionPicker({ value, onChange, scope, readOnly = false, error }: Props) {
  const id = useId();
  const set = new Set(value);
  const toggle = (p: Permission, on: boolean) => onChange?.(on ? [...set, p] : [...set].filter((x) => x !== p));
  return (
    <div className="space-y-4" aria-describedby={error ? `${id}-error` : undefined}>
      <div className="grid gap-4 sm:grid-cols-2">
        {Object.entries(BY_RESOURCE).map(([resource, permissions]) => (
          <fieldset key={resource} className="rounded-md border border-zinc-200 p-3">
            <legend className="px-1 text-sm font-semibold text-zinc-900">{resource}</legend>
            <div className="space-y-2">
              {permissions.map((p) => {
                const systemOnly = SYSTEM_ONLY_PERMISSIONS.includes(p);
                const blocked = scope === "org" && systemOnly;
                return (
                  <Checkbox
                    key={p}
                    id={`${id}-${p}`}
                    label={PERMISSIONS[p].label}
                    description={`${p}${systemOnly ? " · system roles only" : ""}`}
                    checked={set.has(p)}
                    disabled={readOnly || (blocked && !set.has(p))}
                    onChange={(e) => toggle(p, e.target.checked)}
                  />
                );
              })}
            </div>
          </fieldset>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs font-medium text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
