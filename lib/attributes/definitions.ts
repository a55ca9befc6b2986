import "server-only";
import { and, asc, count, eq, ilike, or, type SQL } from "drizzle-orm";
import { attributeDefinitions, userAttributes } from "@/db/schema";
import { audit } from "../audit/audit";
import { diffChanges } from "../audit/diff";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { conflict, forbidden, notFound, parseInput, validationError, type FieldErrors } from "../errors";
import { isUuid } from "../ids";
import { authorize, can, permittedOrgs } from "../rbac/authorize";
import type { Page } from "../users/schema";
import { definitionSnapshot, toAttributeDefinitionDto, type AttributeDefinitionRow } from "./dto";
import {
  createAttributeDefinitionSchema,
  listAttributeDefinitionsQuerySchema,
  optionsProblem,
  updateAttributeDefinitionSchema,
  type AttributeDefinitionDto,
  type CreateAttributeDefinitionInput,
  type UpdateAttributeDefinitionInput,
} from "./schema";

const MANAGE = "user_attributes.manage";
const target = (row: AttributeDefinitionRow) => ({ type: "user_attribute", id: row.id, label: row.key });
const duplicateKey = (key: string) => conflict(`An attribute with the key "${key}" already exists.`);

/** Postgres unique_violation, whichever driver (postgres.js, PGlite) and whether drizzle wrapped it. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  return e?.code === "23505" || e?.cause?.code === "23505";
}

/** Definitions are read by whoever sees users (the user pages render them) or manages attributes. */
function authorizeRead(actor: Actor): void {
  const viewers = permittedOrgs(actor, "users.view");
  if (!can(actor, MANAGE) && viewers !== "all" && viewers.length === 0) throw forbidden();
}

const orderBy = [asc(attributeDefinitions.position), asc(attributeDefinitions.key)];

export async function listAttributeDefinitions(actor: Actor, query: Record<string, unknown> = {}): Promise<Page<AttributeDefinitionDto>> {
  const input = parseInput(listAttributeDefinitionsQuerySchema, query);
  authorizeRead(actor);
  const db = await getDb();
  const where: SQL[] = [];
  if (input.q) {
    const pattern = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(attributeDefinitions.key, pattern), ilike(attributeDefinitions.label, pattern))!);
  }
  const condition = where.length ? and(...where) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(attributeDefinitions)
      .where(condition)
      .orderBy(...orderBy)
      .limit(input.limit)
      .offset((input.page - 1) * input.limit),
    db.select({ total: count() }).from(attributeDefinitions).where(condition),
  ]);
  return { data: rows.map(toAttributeDefinitionDto), total, page: input.page, limit: input.limit };
}

export async function getAttributeDefinition(actor: Actor, id: string): Promise<AttributeDefinitionDto> {
  authorizeRead(actor);
  if (!isUuid(id)) throw notFound("Attribute");
  const db = await getDb();
  const [row] = await db.select().from(attributeDefinitions).where(eq(attributeDefinitions.id, id));
  if (!row) throw notFound("Attribute");
  return toAttributeDefinitionDto(row);
}

export async function createAttributeDefinition(actor: Actor, input: CreateAttributeDefinitionInput): Promise<AttributeDefinitionDto> {
  const data = parseInput(createAttributeDefinitionSchema, input);
  authorize(actor, MANAGE);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [existing] = await tx.select({ id: attributeDefinitions.id }).from(attributeDefinitions).where(eq(attributeDefinitions.key, data.key));
      if (existing) throw duplicateKey(data.key);
      const [row] = await tx
        .insert(attributeDefinitions)
        .values({
          key: data.key,
          label: data.label,
          type: data.type,
          options: data.type === "select" ? data.options! : [],
          required: data.required,
          userEditable: data.user_editable,
          position: data.position,
        })
        .returning();
      await audit(tx, actor, "user_attribute.create", target(row), diffChanges(null, definitionSnapshot(row)));
      return toAttributeDefinitionDto(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateKey(data.key);
    throw error;
  }
}

/** Partial update. The key and the type are fixed at creation: values already stored depend on them. */
export async function updateAttributeDefinition(actor: Actor, id: string, input: UpdateAttributeDefinitionInput): Promise<AttributeDefinitionDto> {
  const data = parseInput(updateAttributeDefinitionSchema, input);
  authorize(actor, MANAGE);
  if (!isUuid(id)) throw notFound("Attribute");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(attributeDefinitions).where(eq(attributeDefinitions.id, id)).for("update");
    if (!before) throw notFound("Attribute");
    const errors: FieldErrors = {};
    if (data.key !== undefined && data.key !== before.key) errors.key = ["The key cannot be changed after creation."];
    if (data.type !== undefined && data.type !== before.type) errors.type = ["The type cannot be changed after creation."];
    const problem = data.options !== undefined ? optionsProblem(before.type, data.options) : null;
    if (problem) errors.options = [problem];
    if (Object.keys(errors).length) throw validationError(errors);

    const [after] = await tx
      .update(attributeDefinitions)
      .set({
        label: data.label,
        options: before.type === "select" ? data.options : undefined,
        required: data.required,
        userEditable: data.user_editable,
        position: data.position,
        updatedAt: new Date(),
      })
      .where(eq(attributeDefinitions.id, id))
      .returning();
    const diff = diffChanges(definitionSnapshot(before), definitionSnapshot(after));
    if (Object.keys(diff).length) await audit(tx, actor, "user_attribute.update", target(after), diff);
    return toAttributeDefinitionDto(after);
  });
}

/** Deletes a definition; every user's value for it goes with it (FK cascade). */
export async function deleteAttributeDefinition(actor: Actor, id: string): Promise<void> {
  authorize(actor, MANAGE);
  if (!isUuid(id)) throw notFound("Attribute");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(attributeDefinitions).where(eq(attributeDefinitions.id, id)).for("update");
    if (!row) throw notFound("Attribute");
    const [{ values }] = await tx.select({ values: count() }).from(userAttributes).where(eq(userAttributes.attributeId, id));
    await tx.delete(attributeDefinitions).where(eq(attributeDefinitions.id, id));
    await audit(tx, actor, "user_attribute.delete", target(row), diffChanges(definitionSnapshot(row), null), {
      metadata: { values_removed: values },
    });
  });
}
