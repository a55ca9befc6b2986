import type { NavItem } from "@/components/shell/sidebar-nav";
import type { Actor } from "@/lib/auth/actor";
import { permittedOrgs } from "@/lib/rbac/authorize";
import type { Permission } from "@/lib/rbac/permissions";

const SECTIONS: Array<NavItem & { permission: Permission }> = [
  { href: "/admin/users", label: "Users", permission: "users.view" },
  { href: "/admin/groups", label: "Groups", permission: "groups.view" },
  { href: "/admin/roles", label: "Roles", permission: "roles.view" },
  { href: "/admin/orgs", label: "Organizations", permission: "orgs.view" },
  { href: "/admin/audit", label: "Audit", permission: "audit.view" },
  { href: "/admin/settings", label: "Settings", permission: "settings.view" },
];

/** Sections the actor may open somewhere. Hiding is a courtesy; every domain function still decides. */
export function consoleNav(actor: Actor): NavItem[] {
  return SECTIONS.filter((s) => {
    const orgs = permittedOrgs(actor, s.permission);
    return orgs === "all" || orgs.length > 0;
  }).map(({ href, label }) => ({ href, label }));
}
