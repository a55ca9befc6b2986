import "server-only";
import { and, eq, gte, isNotNull } from "drizzle-orm";
import { mfaTotp, sessions } from "@/db/schema";
import { getDb } from "../db";
import { conflict, forbidden } from "../errors";
import type { SessionContext } from "../sessions/sessions";
import { assertBackendAllowed } from "./policy";
import { advanceSession, STAGE_PATHS } from "./stages";

/**
 * Forced setup at sign-in: once the authenticator app is confirmed, the session moves on. Only an app confirmed
 * during THIS sign-in counts (an older one, e.g. from before the admin switched the backend off and on again, was
 * not proved here), and only while the backend is allowed. Returns where the browser goes next.
 */
export async function completeForcedTotpSetup(ctx: SessionContext): Promise<{ next: string }> {
  if (ctx.session.stage !== "mfa_enroll") throw forbidden("Second-factor setup is not pending for this sign-in.");
  const db = await getDb();
  await assertBackendAllowed(db, ctx.user, "totp");
  return db.transaction(async (tx) => {
    const [session] = await tx.select({ createdAt: sessions.createdAt }).from(sessions).where(eq(sessions.id, ctx.session.id));
    const [totp] = session
      ? await tx
          .select({ userId: mfaTotp.userId })
          .from(mfaTotp)
          .where(and(eq(mfaTotp.userId, ctx.user.id), isNotNull(mfaTotp.confirmedAt), gte(mfaTotp.confirmedAt, session.createdAt)))
      : [];
    if (!totp) throw conflict("Set up the authenticator app first: scan the code and confirm it with a code from the app.");
    const { stage } = await advanceSession(tx, ctx.session.id, "totp");
    return { next: STAGE_PATHS[stage] };
  });
}
