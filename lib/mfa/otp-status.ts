import "server-only";
import { and, eq } from "drizzle-orm";
import { mfaOtpChannels, users, type UserRow } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { isAppError, unauthenticated } from "../errors";
import { maskTarget } from "./otp-mask";
import type { OtpChannel, OtpChannelStatus } from "./otp-schema";
import { assertBackendAllowed, effectivePolicyFor } from "./policy";

/** One person's SMS or email factor as their profile and the setup page show it. */
export async function otpChannelStatus(user: UserRow, channel: OtpChannel): Promise<OtpChannelStatus> {
  const db = await getDb();
  let disabledReason: string | null = null;
  try {
    await assertBackendAllowed(db, user, channel);
  } catch (error) {
    if (!isAppError(error)) throw error;
    disabledReason = error.message;
  }
  const [[row], policy] = await Promise.all([
    db.select().from(mfaOtpChannels).where(and(eq(mfaOtpChannels.userId, user.id), eq(mfaOtpChannels.channel, channel))),
    effectivePolicyFor(db, user),
  ]);
  return {
    channel,
    allowed: disabledReason === null,
    disabled_reason: disabledReason,
    enrolled: row ? { sent_to: maskTarget(channel, row.target), created_at: row.createdAt.toISOString(), last_used_at: row.lastUsedAt?.toISOString() ?? null } : null,
    profile_target: channel === "sms" ? user.phone : user.email,
    required: policy.required,
  };
}

/** The signed-in person's own channel (profile pages). */
export async function ownOtpChannelStatus(actor: Actor, channel: OtpChannel): Promise<OtpChannelStatus> {
  if (actor.kind !== "user" || !actor.userId) throw unauthenticated();
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw unauthenticated("Your session has ended. Sign in again.");
  return otpChannelStatus(user, channel);
}
