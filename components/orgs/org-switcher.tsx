"use client";

import { useRouter } from "next/navigation";
import { useId, useTransition } from "react";
import { Select } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";
import type { OrgOption } from "@/lib/orgs/schema";

export type OrgSwitcherProps = {
  /** Organizations the actor can switch to (lib/orgs/current.ts listSwitchableOrgs). */
  orgs: OrgOption[];
  /** lib/orgs/current.ts getCurrentOrgId(actor). */
  currentOrgId: string;
  /** switchOrgAction from app/(console)/admin/orgs/actions.ts. */
  switchOrg: (input: { org_id: string }) => Promise<ActionResult<OrgOption>>;
};

/** The console header's organization switcher: org-scoped lists (users, groups) follow the selection. */
export function OrgSwitcher({ orgs, currentOrgId, switchOrg }: OrgSwitcherProps) {
  const id = useId();
  const router = useRouter();
  const { toast } = useToast();
  const [pending, startTransition] = useTransition();
  if (orgs.length === 0) return null;

  function change(orgId: string) {
    startTransition(async () => {
      const result = await switchOrg({ org_id: orgId });
      if (!result.ok) return toast({ title: "Could not switch organization", description: result.message, tone: "error" });
      toast({ title: `Now in ${result.data.name}`, tone: "success" });
      router.refresh();
    });
  }

  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-xs font-medium text-zinc-600">
        Organization
      </label>
      <Select id={id} value={currentOrgId} onChange={(e) => change(e.target.value)} disabled={pending || orgs.length < 2} aria-busy={pending || undefined} className="w-48" data-testid="org-switcher">
        {orgs.map((org) => (
          <option key={org.id} value={org.id}>
            {org.name}
          </option>
        ))}
      </Select>
    </div>
  );
}
