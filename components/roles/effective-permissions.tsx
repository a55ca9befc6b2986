import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { EffectivePermissionsDto, PermissionGrant } from "@/lib/roles/schema";

const TONE: Record<PermissionGrant["kind"], "blue" | "green" | "amber" | "neutral"> = { super_admin: "amber", system_role: "blue", org_role: "green", group: "neutral" };

/** Every permission a user holds, grouped by resource, with each path that grants it. */
export function EffectivePermissions({ access }: { access: EffectivePermissionsDto }) {
  if (access.permissions.length === 0) return <EmptyState title="No permissions" description="This user can sign in and manage their own profile, nothing more." />;
  const resources = [...new Set(access.permissions.map((p) => p.resource))];
  return (
    <div className="space-y-6">
      {resources.map((resource) => (
        <section key={resource} aria-labelledby={`res-${resource}`} className="space-y-2">
          <h3 id={`res-${resource}`} className="text-sm font-semibold text-zinc-900">
            {resource}
          </h3>
          <Table aria-labelledby={`res-${resource}`}>
            <THead>
              <TR>
                <TH className="w-1/3">Permission</TH>
                <TH>Granted by</TH>
              </TR>
            </THead>
            <TBody>
              {access.permissions
                .filter((p) => p.resource === resource)
                .map((p) => (
                  <TR key={p.permission}>
                    <TD>
                      <span className="font-medium text-zinc-900">{p.label}</span>
                      <span className="block font-mono text-xs text-zinc-500">{p.permission}</span>
                    </TD>
                    <TD>
                      <ul className="flex flex-wrap gap-1.5">
                        {p.grants.map((g, i) => (
                          <li key={i}>
                            <Badge tone={TONE[g.kind]}>{g.path}</Badge>
                          </li>
                        ))}
                      </ul>
                    </TD>
                  </TR>
                ))}
            </TBody>
          </Table>
        </section>
      ))}
    </div>
  );
}
