import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { mfaOtpChannels } from "@/db/schema";
import { forgetChannel } from "./otp-channels";

/**
 * After a person's phone or email changed (profile or admin edit, same transaction): an SMS or email factor proved
 * for the old number or address no longer counts and has to be proved again. Returns the channels removed, for the
 * caller's audit event.
 */
export async function forgetStaleOtpChannels(tx: Executor, userId: string, contacts: { phone: string | null; email: string }): Promise<string[]> {
  const rows = await tx.select().from(mfaOtpChannels).where(eq(mfaOtpChannels.userId, userId));
  const removed: string[] = [];
  for (const row of rows) {
    const current = row.channel === "sms" ? contacts.phone : contacts.email;
    const same = row.channel === "sms" ? row.target === current : row.target.toLowerCase() === current?.toLowerCase();
    if (!same && (await forgetChannel(tx, userId, row.channel as "sms" | "email"))) removed.push(row.channel);
  }
  return removed;
}
