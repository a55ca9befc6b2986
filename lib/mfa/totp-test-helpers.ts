/** Test setup for TOTP: real enrollments through the domain functions, codes from otplib at a chosen time. */
import { spawnSync } from "node:child_process";
import { eq } from "drizzle-orm";
import { generate } from "otplib";
import { auditEvents, type UserRow } from "@/db/schema";
import { getDb } from "../db";
import { signedIn } from "../profile/test-helpers";
import { createTestUser } from "../testing/factories";
import { mfaSelfFromActor, type MfaSelf } from "./self";
import { beginTotpEnrollment, confirmTotpEnrollment } from "./totp";

/** The code an authenticator app shows at `at`. */
export const codeAt = (secret: string, at: Date) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

export const STEP_MS = 30_000;
export const plusSteps = (at: Date, steps: number) => new Date(at.getTime() + steps * STEP_MS);

/** A signed-in person (fresh authentication) and their MfaSelf. */
export async function freshSelf(overrides: Parameters<typeof createTestUser>[0] = {}): Promise<{ user: UserRow; self: MfaSelf; sessionId: string }> {
  const user = await createTestUser(overrides);
  const { actor, sessionId } = await signedIn(user);
  return { user, self: await mfaSelfFromActor(actor), sessionId };
}

/** A person with a confirmed authenticator app, enrolled with the code of `at`'s time step. */
export async function enrolledTotpUser(at: Date) {
  const { user, self, sessionId } = await freshSelf();
  const { secret, otpauth_uri } = await beginTotpEnrollment(self);
  const { recovery_codes } = await confirmTotpEnrollment(self, await codeAt(secret, at), at);
  return { user, self, sessionId, secret, otpauth_uri, recovery_codes };
}

export async function auditOf(userId: string, action: string) {
  const db = await getDb();
  return (await db.select().from(auditEvents).where(eq(auditEvents.targetId, userId))).filter((e) => e.action === action);
}

/** Trials for the concurrency tests: a CI smoke count unless MFA_TRIALS asks for more. */
export function trials(smoke: number): number {
  const wanted = Number(process.env.MFA_TRIALS);
  return Number.isInteger(wanted) && wanted > 0 ? wanted : smoke;
}

/** Debian's oathtool (an independent RFC 6238 implementation); fails loudly when it is not installed. */
export function oathtool(args: string[]): string {
  const run = spawnSync("oathtool", args, { encoding: "utf8" });
  if (run.error && (run.error as NodeJS.ErrnoException).code === "ENOENT") {
    throw new Error("oathtool is not installed: `apt-get install oathtool` (Debian package oathtool). The TOTP interop test needs it.");
  }
  if (run.status !== 0) throw new Error(`oathtool ${args.join(" ")} failed: ${run.stderr}`);
  return run.stdout.trim();
}
