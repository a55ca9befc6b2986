import { Button, ButtonLink } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input, Select } from "@/components/ui/input";
import { AUDIT_OUTCOMES, KNOWN_ACTIONS } from "@/lib/audit/schema";

export type AuditFilterValues = Partial<Record<"actor" | "action" | "target_type" | "target" | "outcome" | "from" | "to" | "org_id", string>>;

const TARGET_TYPES = ["user", "group", "role", "organization", "settings", "user_attribute", "audit_log"];

/** The audit log's filters as a plain GET form: the URL keeps the state, and the export link reuses it. */
export function AuditFilters({ values, orgs }: { values: AuditFilterValues; orgs: Array<{ id: string; name: string }> }) {
  const filtered = Object.values(values).some(Boolean);
  const field = (name: keyof AuditFilterValues, hint = false) => ({
    id: `audit-${name}`,
    name,
    defaultValue: values[name] ?? "",
    "aria-describedby": hint ? `audit-${name}-hint` : undefined,
  });
  return (
    <form role="search" aria-label="Filter the audit log" method="get" className="rounded-md border border-zinc-200 bg-white p-4 shadow-sm">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <FormField label="Actor" htmlFor="audit-actor" hint="Username or user id">
          <Input {...field("actor", true)} />
        </FormField>
        <FormField label="Action" htmlFor="audit-action" hint='Exact, or a prefix like "user."'>
          <Input {...field("action", true)} list="audit-known-actions" />
          <datalist id="audit-known-actions">
            {KNOWN_ACTIONS.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
        </FormField>
        <FormField label="Target type" htmlFor="audit-target_type">
          <Select {...field("target_type")}>
            <option value="">Any</option>
            {TARGET_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label="Target" htmlFor="audit-target" hint="Name or id">
          <Input {...field("target", true)} />
        </FormField>
        <FormField label="Outcome" htmlFor="audit-outcome">
          <Select {...field("outcome")}>
            <option value="">Any</option>
            {AUDIT_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label="From" htmlFor="audit-from" hint="UTC day">
          <Input {...field("from", true)} type="date" />
        </FormField>
        <FormField label="To" htmlFor="audit-to" hint="UTC day, included">
          <Input {...field("to", true)} type="date" />
        </FormField>
        {orgs.length > 1 ? (
          <FormField label="Organization" htmlFor="audit-org_id">
            <Select {...field("org_id")}>
              <option value="">Any</option>
              {orgs.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </Select>
          </FormField>
        ) : null}
      </div>
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        {filtered ? (
          <ButtonLink href="/admin/audit" variant="ghost">
            Clear
          </ButtonLink>
        ) : null}
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
      </div>
    </form>
  );
}
