import "server-only";
import { eq } from "drizzle-orm";
import { users, type UserRow } from "@/db/schema";
import { audit } from "../audit/audit";
import { getDb } from "../db";
import { firstStage } from "../mfa/stages";
import { createSession, type SessionStage } from "../sessions/sessions";
import type { RequestMeta } from "./actor";
import { anonymousActor } from "./principal";

export type SignInResult = { sessionId: string; stage: SessionStage } | null;
export type SignInVia = { source: string; method: "password" | "oidc" | "passkey" };

/** Who may never sign in interactively, whatever proved their identity (decided after the proof, for equal timing). */
export function accountRefusal(user: UserRow, now = new Date()): "service_account" | "inactive" | "expired" | null {
  if (user.isServiceAccount) return "service_account";
  if (!user.isActive) return "inactive";
  if (user.dateExpired && user.dateExpired <= now) return "expired";
  return null;
}

export async function auditSignInFailure(
  user: Pick<UserRow, "id" | "username"> | undefined,
  identifier: string,
  meta: RequestMeta,
  reason: string,
  via: SignInVia,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const db = await getDb();
  await audit(db, anonymousActor(user?.username ?? identifier, meta, user?.id ?? null), "auth.sign_in", user ? { type: "user", id: user.id, label: user.username } : null, null, {
    outcome: "failure",
    metadata: { reason, source: via.source, method: via.method, ...extra },
  });
}

/**
 * Every successful sign-in ends here, whatever the source: one `sessions` row (the NextAuth JWT will carry only its
 * id), the failure count and any lock cleared, last_login_at set, and the audit event — in one transaction.
 */
export async function completeSignIn(user: UserRow, via: SignInVia, meta: RequestMeta): Promise<{ sessionId: string; stage: SessionStage }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    // The second factor (when due), a required password change, forced MFA setup — lib/mfa/stages.ts decides.
    const stage = await firstStage(tx, user, [via.method]);
    const session = await createSession(tx, { userId: user.id, stage, authSource: via.source, methods: [via.method], meta });
    await tx.update(users).set({ lastLoginAt: new Date(), failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await audit(tx, anonymousActor(user.username, meta, user.id), "auth.sign_in", { type: "user", id: user.id, label: user.username }, null, {
      metadata: { source: via.source, method: via.method, session_id: session.id, stage },
    });
    return { sessionId: session.id, stage };
  });
}
