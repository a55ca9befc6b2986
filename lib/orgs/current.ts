import "server-only";
import { asc, desc, eq, inArray, or } from "drizzle-orm";
import { cookies } from "next/headers";
import { orgMembers, organizations } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { DEFAULT_ORG_ID } from "../bootstrap";
import { getDb } from "../db";
import { env } from "../env";
import { notFound, parseInput } from "../errors";
import { permittedOrgs } from "../rbac/authorize";
import { switchOrgSchema, type OrgOption, type SwitchOrgInput } from "./schema";

/** The console's selected organization. It only narrows what lists show; every function still authorizes. */
export const CURRENT_ORG_COOKIE = "gh_org";

/**
 * Organizations the actor can switch to: all of them with orgs.view everywhere (super-admins, System Admin and
 * Auditor); otherwise those they hold any permission in, or belong to. Default first, then by name.
 */
export async function listSwitchableOrgs(actor: Actor): Promise<OrgOption[]> {
  const db = await getDb();
  const columns = { id: organizations.id, name: organizations.name, is_default: organizations.isDefault };
  const order = [desc(organizations.isDefault), asc(organizations.name)] as const;
  if (permittedOrgs(actor, "orgs.view") === "all") return db.select(columns).from(organizations).orderBy(...order);
  const withPermissions = [...actor.permissions.orgs].filter(([, perms]) => perms.size > 0).map(([id]) => id);
  const memberOf = actor.userId ? db.select({ id: orgMembers.orgId }).from(orgMembers).where(eq(orgMembers.userId, actor.userId)) : null;
  const where = memberOf ? or(inArray(organizations.id, withPermissions), inArray(organizations.id, memberOf)) : inArray(organizations.id, withPermissions);
  if (!memberOf && withPermissions.length === 0) return [];
  return db.select(columns).from(organizations).where(where).orderBy(...order);
}

/** The cookie's organization when it is one of `orgs`, else the first of them (the Default one when visible). */
export function pickCurrentOrgId(orgs: readonly OrgOption[], cookieValue: string | undefined): string {
  return orgs.find((o) => o.id === cookieValue)?.id ?? orgs[0]?.id ?? DEFAULT_ORG_ID;
}

/** The selected organization for console lists (cookie `gh_org`), falling back to the first one the actor can see. */
export async function getCurrentOrgId(actor: Actor): Promise<string> {
  const cookie = (await cookies()).get(CURRENT_ORG_COOKIE)?.value;
  return pickCurrentOrgId(await listSwitchableOrgs(actor), cookie);
}

/** Selects an organization the actor can see (404 otherwise) and remembers it in the `gh_org` cookie. */
export async function switchCurrentOrg(actor: Actor, input: SwitchOrgInput): Promise<OrgOption> {
  const { org_id } = parseInput(switchOrgSchema, input);
  const org = (await listSwitchableOrgs(actor)).find((o) => o.id === org_id);
  if (!org) throw notFound("Organization");
  (await cookies()).set(CURRENT_ORG_COOKIE, org.id, {
    httpOnly: true,
    sameSite: "lax",
    secure: env.APP_URL.startsWith("https:"),
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
  });
  return org;
}
