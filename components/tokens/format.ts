import { PERMISSIONS, type Permission } from "@/lib/rbac/permissions";

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const dateOnly = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** Dates render the same on the server and in the browser (UTC), so hydration never disagrees. */
export const formatDateTime = (iso: string) => `${dateTime.format(new Date(iso))} UTC`;
export const formatDate = (iso: string) => dateOnly.format(new Date(iso));

export const permissionLabel = (p: string) => (p in PERMISSIONS ? PERMISSIONS[p as Permission].label : p);

/** Scopes grouped by the catalog's resource, in catalog order. */
export function groupByResource(scopes: readonly string[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const scope of scopes) {
    const resource = scope in PERMISSIONS ? PERMISSIONS[scope as Permission].resource : "Other";
    groups.set(resource, [...(groups.get(resource) ?? []), scope]);
  }
  return [...groups];
}
