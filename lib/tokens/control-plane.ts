import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { personalAccessTokens, users, type UserRow } from "@/db/schema";
import { audit } from "../audit/audit";
import { systemActor } from "../auth/actor";
import { CP_SERVICE_EMAIL } from "../bootstrap";
import { sha256Hex } from "../crypto/random";
import { getDb } from "../db";
import { generatePat, patDisplayPrefix } from "./pat";

const TOKEN_NAME = "Control plane";

async function controlPlaneAccount(tx: Executor): Promise<UserRow | undefined> {
  const [user] = await tx.select().from(users).where(eq(sql`lower(${users.email})`, CP_SERVICE_EMAIL)).for("update");
  return user;
}

async function insertBuiltinToken(tx: Executor, owner: UserRow): Promise<string> {
  const token = generatePat();
  await tx.insert(personalAccessTokens).values({
    userId: owner.id,
    name: TOKEN_NAME,
    tokenHash: sha256Hex(token),
    prefix: patDisplayPrefix(token),
    scopes: null,
    // No expiry: the control plane rotates it; nobody else can see or delete it.
    expiresAt: null,
    isBuiltin: true,
  });
  return token;
}

/**
 * Bootstrap: gives cp-service@idp.local its one built-in token if it has none. The value is never shown — not even
 * on the console, where logs would keep it; the control plane obtains a usable one with `npm run cp:rotate-token`.
 * Idempotent. Call inside the bootstrap transaction, after the built-in accounts exist.
 */
export async function ensureControlPlaneToken(tx: Executor): Promise<void> {
  const owner = await controlPlaneAccount(tx);
  if (!owner) return;
  const [existing] = await tx
    .select({ id: personalAccessTokens.id })
    .from(personalAccessTokens)
    .where(and(eq(personalAccessTokens.userId, owner.id), eq(personalAccessTokens.isBuiltin, true)));
  if (existing) return;
  await insertBuiltinToken(tx, owner);
  await audit(tx, systemActor("bootstrap"), "token.create", { type: "user", id: owner.id, label: owner.username }, null, {
    metadata: { builtin: true, name: TOKEN_NAME },
  });
}

/**
 * The control plane's rotation (`npm run cp:rotate-token`): replaces cp-service's built-in token and returns the new
 * value, to be printed once. The old token stops working when this commits, with every JWT exchanged for it.
 */
export async function rotateControlPlaneToken(): Promise<{ token: string; prefix: string }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const owner = await controlPlaneAccount(tx);
    if (!owner) throw new Error(`${CP_SERVICE_EMAIL} does not exist; start the server (bootstrap) first.`);
    await tx.delete(personalAccessTokens).where(and(eq(personalAccessTokens.userId, owner.id), eq(personalAccessTokens.isBuiltin, true)));
    const token = await insertBuiltinToken(tx, owner);
    await audit(tx, systemActor("control-plane"), "token.rotate", { type: "user", id: owner.id, label: owner.username }, null, {
      metadata: { builtin: true, prefix: patDisplayPrefix(token) },
    });
    return { token, prefix: patDisplayPrefix(token) };
  });
}
