import "server-only";
import { eq, or, sql } from "drizzle-orm";
import { users, type UserRow } from "@/db/schema";
import { audit } from "../audit/audit";
import { getDb } from "../db";
import { createSession, type SessionStage } from "../sessions/sessions";
import type { RequestMeta } from "./actor";
import { verifyPassword } from "./passwords";
import { signInSchema } from "./schema";
import { anonymousActor } from "./principal";

export type SignInResult = { sessionId: string; stage: SessionStage } | null;

/** Refusal reasons are audited but never shown: every failure looks the same to the person signing in. */
function refusal(user: UserRow | undefined, passwordOk: boolean, now: Date): string | null {
  if (!user) return "unknown_user";
  if (!passwordOk) return "bad_password";
  if (user.isServiceAccount) return "service_account";
  if (!user.isActive) return "inactive";
  if (user.dateExpired && user.dateExpired <= now) return "expired";
  return null;
}

export async function findUserByLogin(identifier: string): Promise<UserRow | undefined> {
  const db = await getDb();
  const needle = identifier.trim().toLowerCase();
  const [user] = await db
    .select()
    .from(users)
    .where(or(eq(sql`lower(${users.username})`, needle), eq(sql`lower(${users.email})`, needle)))
    .orderBy(sql`(lower(${users.username}) = ${needle}) desc`)
    .limit(1);
  return user;
}

/**
 * Local password sign-in. Unknown users are verified against a dummy hash so that they cost the same time as a
 * wrong password; refusals (inactive, expired, service account) are decided after the hash check for the same reason.
 */
export async function signInWithPassword(input: unknown, meta: RequestMeta): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { identifier, password } = parsed.data;

  const user = await findUserByLogin(identifier);
  const localHash = user && user.authSource === "internal" ? user.passwordHash : null;
  const passwordOk = await verifyPassword(localHash, password);
  const now = new Date();
  const reason = refusal(user, passwordOk, now);
  const db = await getDb();

  if (reason || !user) {
    await audit(db, anonymousActor(user?.username ?? identifier, meta, user?.id ?? null), "auth.sign_in", user ? { type: "user", id: user.id, label: user.username } : null, null, {
      outcome: "failure",
      metadata: { reason, source: "internal", method: "password" },
    });
    return null;
  }

  return db.transaction(async (tx) => {
    const stage: SessionStage = user.mustChangePassword ? "password_change" : "active";
    const session = await createSession(tx, { userId: user.id, stage, authSource: "internal", methods: ["password"], meta });
    await tx.update(users).set({ lastLoginAt: now, failedLoginCount: 0 }).where(eq(users.id, user.id));
    await audit(tx, anonymousActor(user.username, meta, user.id), "auth.sign_in", { type: "user", id: user.id, label: user.username }, null, {
      metadata: { source: "internal", method: "password", session_id: session.id, stage },
    });
    return { sessionId: session.id, stage };
  });
}
