import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { organizations, type OrganizationRow } from "@/db/schema";
import { audit } from "../audit/audit";
import { diffChanges } from "../audit/diff";
import type { Actor } from "../auth/actor";
import { getDb, isUniqueViolation } from "../db";
import { conflict, parseInput } from "../errors";
import { authorize } from "../rbac/authorize";
import { loadOrg, orgWithCounts } from "./queries";
import { createOrgSchema, updateOrgSchema, type CreateOrgInput, type OrgDto, type UpdateOrgInput } from "./schema";

const nameTaken = (name: string) => conflict(`An organization named "${name}" already exists.`);

async function assertNameFree(tx: Executor, name: string, exceptId?: string) {
  const [taken] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(sql`lower(${organizations.name})`, name.toLowerCase()), exceptId ? ne(organizations.id, exceptId) : undefined));
  if (taken) throw nameTaken(name);
}

async function uniquely<T>(name: string | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name ?? "");
    throw error;
  }
}

const snapshot = (org: OrganizationRow) => ({ name: org.name, description: org.description });

/** A new organization (orgs.manage, a system-wide permission). Names are unique, ignoring case. */
export async function createOrg(actor: Actor, input: CreateOrgInput): Promise<OrgDto> {
  const data = parseInput(createOrgSchema, input);
  authorize(actor, "orgs.manage");
  const db = await getDb();
  return uniquely(data.name, () =>
    db.transaction(async (tx) => {
      await assertNameFree(tx, data.name);
      const [org] = await tx.insert(organizations).values({ name: data.name, description: data.description }).returning();
      await audit(tx, actor, "org.create", { type: "organization", id: org.id, label: org.name, orgId: org.id }, diffChanges(null, snapshot(org)));
      return orgWithCounts(tx, org.id);
    }),
  );
}

/** Rename or describe an organization (the Default one too). */
export async function updateOrg(actor: Actor, orgId: string, input: UpdateOrgInput): Promise<OrgDto> {
  const data = parseInput(updateOrgSchema, input);
  const db = await getDb();
  return uniquely(data.name, () =>
    db.transaction(async (tx) => {
      const org = await loadOrg(tx, actor, orgId, "orgs.manage", true);
      if (data.name !== undefined && data.name.toLowerCase() !== org.name.toLowerCase()) await assertNameFree(tx, data.name, org.id);
      const [updated] = await tx
        .update(organizations)
        .set({ ...(data.name !== undefined && { name: data.name }), ...(data.description !== undefined && { description: data.description }), updatedAt: new Date() })
        .where(eq(organizations.id, org.id))
        .returning();
      await audit(tx, actor, "org.update", { type: "organization", id: org.id, label: updated.name, orgId: org.id }, diffChanges(snapshot(org), snapshot(updated)));
      return orgWithCounts(tx, org.id);
    }),
  );
}

/** Deletes an organization with its groups, memberships and role assignments. The Default organization stays (409). */
export async function deleteOrg(actor: Actor, orgId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const org = await loadOrg(tx, actor, orgId, "orgs.manage", true);
    if (org.isDefault) throw conflict("The Default organization cannot be deleted.");
    const counts = await orgWithCounts(tx, org.id);
    await tx.delete(organizations).where(eq(organizations.id, org.id));
    await audit(tx, actor, "org.delete", { type: "organization", id: org.id, label: org.name, orgId: org.id }, diffChanges(snapshot(org), null), {
      metadata: { member_count: counts.member_count, group_count: counts.group_count },
    });
  });
}
