import "server-only";
import { and, asc, eq, ilike, inArray, notInArray, or } from "drizzle-orm";
import { orgMembers, users } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { PICKER_LIMIT, clean } from "../groups/candidates";
import { permittedOrgs } from "../rbac/authorize";
import { escapeLike } from "../users/queries";
import { toMemberDto } from "./dto";
import { loadOrg } from "./queries";
import type { MemberDto } from "./schema";

/** For an organization's "Add members" picker: users the actor can see who are not members yet (orgs.manage). */
export async function listOrgCandidates(actor: Actor, orgId: string, q: unknown): Promise<MemberDto[]> {
  const db = await getDb();
  const org = await loadOrg(db, actor, orgId, "orgs.manage");
  const visible = permittedOrgs(actor, "users.view");
  const pattern = `%${escapeLike(clean(q))}%`;
  const members = db.select({ id: orgMembers.userId }).from(orgMembers).where(eq(orgMembers.orgId, org.id));
  const seen = visible === "all" ? undefined : inArray(users.id, db.select({ id: orgMembers.userId }).from(orgMembers).where(inArray(orgMembers.orgId, visible)));
  const rows = await db
    .select()
    .from(users)
    .where(and(notInArray(users.id, members), seen, or(ilike(users.username, pattern), ilike(users.name, pattern), ilike(users.email, pattern))))
    .orderBy(asc(users.username))
    .limit(PICKER_LIMIT);
  return rows.map((u) => toMemberDto(u, u.createdAt));
}
