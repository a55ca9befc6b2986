import "server-only";
import { and, eq, gte } from "drizzle-orm";
import { sessions, webauthnCredentials } from "@/db/schema";
import { getDb } from "../db";
import { conflict, forbidden } from "../errors";
import type { SessionContext } from "../sessions/sessions";
import { assertBackendAllowed } from "./policy";
import { advanceSession, STAGE_PATHS } from "./stages";

/**
 * Forced setup at sign-in: once a passkey is registered, the session moves on. Only a passkey registered during THIS
 * sign-in counts (an older one was not proved here), and only while the backend is allowed. Returns where the
 * browser goes next.
 */
export async function completeForcedPasskeySetup(ctx: SessionContext): Promise<{ redirect: string }> {
  if (ctx.session.stage !== "mfa_enroll") throw forbidden("Second-factor setup is not pending for this sign-in.");
  const db = await getDb();
  await assertBackendAllowed(db, ctx.user, "passkey");
  return db.transaction(async (tx) => {
    const [session] = await tx.select({ createdAt: sessions.createdAt }).from(sessions).where(eq(sessions.id, ctx.session.id)).for("update");
    const [passkey] = session
      ? await tx
          .select({ id: webauthnCredentials.id })
          .from(webauthnCredentials)
          .where(and(eq(webauthnCredentials.userId, ctx.user.id), gte(webauthnCredentials.createdAt, session.createdAt)))
          .limit(1)
      : [];
    if (!passkey) throw conflict("Add a passkey first.");
    const { stage } = await advanceSession(tx, ctx.session.id, "passkey");
    return { redirect: STAGE_PATHS[stage] };
  });
}
