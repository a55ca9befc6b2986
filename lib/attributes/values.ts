import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { attributeDefinitions, userAttributes, users } from "@/db/schema";
import { audit } from "../audit/audit";
import { diffChanges } from "../audit/diff";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { forbidden, notFound, parseInput, validationError, type FieldErrors } from "../errors";
import { isUuid } from "../ids";
import { authorize } from "../rbac/authorize";
import { toUserAttributeDto, type AttributeDefinitionRow } from "./dto";
import { attributeValueSchema, setUserAttributesSchema, type AttributeValue, type UserAttributeDto } from "./schema";

export type AttributesVia = "admin" | "self";

async function findUser(db: Executor, userId: string) {
  if (!isUuid(userId)) throw notFound("User");
  const [user] = await db.select({ id: users.id, username: users.username }).from(users).where(eq(users.id, userId));
  if (!user) throw notFound("User");
  return user;
}

async function loadAttributes(db: Executor, userId: string) {
  const definitions = await db
    .select()
    .from(attributeDefinitions)
    .orderBy(asc(attributeDefinitions.position), asc(attributeDefinitions.key));
  const rows = await db
    .select({ attributeId: userAttributes.attributeId, value: userAttributes.value })
    .from(userAttributes)
    .where(eq(userAttributes.userId, userId));
  const values = new Map<string, AttributeValue>(rows.map((r) => [r.attributeId, r.value ?? null]));
  return { definitions, values };
}

const toList = ({ definitions, values }: Awaited<ReturnType<typeof loadAttributes>>, only = (_d: AttributeDefinitionRow) => true) =>
  definitions.filter(only).map((d) => toUserAttributeDto(d, values.get(d.id)));

/** Every defined attribute with this user's value (null when unset). Admin side: needs user_attributes.manage. */
export async function getUserAttributes(actor: Actor, userId: string): Promise<UserAttributeDto[]> {
  authorize(actor, "user_attributes.manage");
  const db = await getDb();
  await findUser(db, userId);
  return toList(await loadAttributes(db, userId));
}

/** The signed-in user's own editable attributes (for the profile). */
export async function getOwnAttributes(actor: Actor): Promise<UserAttributeDto[]> {
  if (actor.kind !== "user" || !actor.userId) throw forbidden();
  const db = await getDb();
  await findUser(db, actor.userId);
  return toList(await loadAttributes(db, actor.userId), (d) => d.userEditable);
}

function authorizeVia(actor: Actor, userId: string, via: AttributesVia): void {
  if (via === "admin") authorize(actor, "user_attributes.manage");
  else if (actor.kind !== "user" || actor.userId !== userId) throw forbidden();
}

/**
 * Sets some of a user's attribute values (keys not named are left alone). `via: "admin"` needs
 * user_attributes.manage and may set any attribute; `via: "self"` is the user's own profile and may only touch
 * user-editable ones. Null or "" clears a value. Answers the attributes as the caller may see them.
 */
export async function setUserAttributes(
  actor: Actor,
  userId: string,
  values: Record<string, unknown>,
  via: AttributesVia,
): Promise<UserAttributeDto[]> {
  const input = parseInput(setUserAttributesSchema, { values }).values;
  authorizeVia(actor, userId, via);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const user = await findUser(tx, userId);
    const loaded = await loadAttributes(tx, userId);
    const byKey = new Map(loaded.definitions.map((d) => [d.key, d]));

    const errors: FieldErrors = {};
    const changes: Array<{ definition: AttributeDefinitionRow; before: AttributeValue; after: AttributeValue }> = [];
    for (const [key, raw] of Object.entries(input)) {
      const definition = byKey.get(key);
      const field = `values.${key}`;
      if (!definition) errors[field] = ["Unknown attribute."];
      else if (via === "self" && !definition.userEditable) errors[field] = ["This attribute can only be changed by an administrator."];
      else {
        const before = loaded.values.get(definition.id) ?? null;
        const parsed = attributeValueSchema(definition).safeParse(raw);
        // An unchanged value is accepted as is, e.g. a select value whose option was removed since.
        if (before !== null && raw === before) continue;
        if (!parsed.success) errors[field] = parsed.error.issues.map((i) => i.message);
        else if (parsed.data !== before) changes.push({ definition, before, after: parsed.data });
      }
    }
    if (Object.keys(errors).length) throw validationError(errors);
    if (changes.length === 0) return toList(loaded, (d) => via === "admin" || d.userEditable);

    const now = new Date();
    const cleared = changes.filter((c) => c.after === null).map((c) => c.definition.id);
    const written = changes.filter((c) => c.after !== null);
    if (cleared.length) await tx.delete(userAttributes).where(and(eq(userAttributes.userId, userId), inArray(userAttributes.attributeId, cleared)));
    if (written.length) {
      await tx
        .insert(userAttributes)
        .values(written.map((c) => ({ userId, attributeId: c.definition.id, value: c.after, updatedAt: now })))
        .onConflictDoUpdate({
          target: [userAttributes.userId, userAttributes.attributeId],
          set: { value: sql`excluded.value`, updatedAt: now },
        });
    }
    const snapshot = (pick: "before" | "after") => Object.fromEntries(changes.map((c) => [c.definition.key, c[pick]]));
    await audit(tx, actor, "user.attributes_update", { type: "user", id: user.id, label: user.username }, diffChanges(snapshot("before"), snapshot("after"), { redactSecrets: false }), {
      metadata: { via },
    });
    for (const c of changes) loaded.values.set(c.definition.id, c.after);
    return toList(loaded, (d) => via === "admin" || d.userEditable);
  });
}
