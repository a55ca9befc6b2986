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

const anywhere = (actor: Actor, permission: Permission) => {
  const orgs = permittedOrgs(actor, permission);
  return orgs === "all" || orgs.length > 0;
};

/** Sections the actor may open somewhere, then their own profile. Hiding is a courtesy; every domain function still decides. */
export function consoleNav(actor: Actor): NavItem[] {
  const dashboard = anywhere(actor, "users.view") || anywhere(actor, "audit.view") ? [{ href: "/admin", label: "Dashboard", exact: true }] : [];
  const sections = SECTIONS.filter((s) => anywhere(actor, s.permission)).map(({ href, label }) => ({ href, label }));
  return [...dashboard, ...sections, { href: "/profile", label: "Profile" }];
}
