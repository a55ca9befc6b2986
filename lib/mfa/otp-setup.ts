import "server-only";
import { and, eq, gte } from "drizzle-orm";
import { mfaOtpChannels, sessions } from "@/db/schema";
import { getDb } from "../db";
import { conflict, forbidden } from "../errors";
import type { SessionContext } from "../sessions/sessions";
import type { OtpChannel } from "./otp-schema";
import { assertBackendAllowed } from "./policy";
import { advanceSession, STAGE_PATHS } from "./stages";
import { METHOD_LABELS } from "./types";

/**
 * Forced setup at sign-in: once the number or address is proved by its code, the session moves on. Only a factor
 * proved during THIS sign-in counts, and only while the backend is allowed. Returns where the browser goes next.
 */
export async function completeForcedChannelSetup(ctx: SessionContext, channel: OtpChannel): Promise<{ next: string }> {
  if (ctx.session.stage !== "mfa_enroll") throw forbidden("Second-factor setup is not pending for this sign-in.");
  const db = await getDb();
  await assertBackendAllowed(db, ctx.user, channel);
  return db.transaction(async (tx) => {
    const [session] = await tx.select({ createdAt: sessions.createdAt }).from(sessions).where(eq(sessions.id, ctx.session.id));
    const [enrolled] = session
      ? await tx
          .select({ userId: mfaOtpChannels.userId })
          .from(mfaOtpChannels)
          .where(and(eq(mfaOtpChannels.userId, ctx.user.id), eq(mfaOtpChannels.channel, channel), gte(mfaOtpChannels.createdAt, session.createdAt)))
      : [];
    if (!enrolled) throw conflict(`Set up ${METHOD_LABELS[channel]} first: send a code and enter it.`);
    const { stage } = await advanceSession(tx, ctx.session.id, channel);
    return { next: STAGE_PATHS[stage] };
  });
}
