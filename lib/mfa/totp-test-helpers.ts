/** Test setup for TOTP: real enrollments through the domain functions, codes from otplib at a chosen time. */
import { spawnSync } from "node:child_process";
import { beginTotpEnrollment, confirmTotpEnrollment } from "./totp";
import { freshSelf, totpAt } from "./testing";

export const STEP_MS = 30_000;
export const plusSteps = (at: Date, steps: number) => new Date(at.getTime() + steps * STEP_MS);

/** A person with a confirmed authenticator app, enrolled with the code of `at`'s time step. */
export async function enrolledTotpUser(at: Date) {
  const { user, self, sessionId } = await freshSelf();
  const { secret, otpauth_uri } = await beginTotpEnrollment(self);
  const { recovery_codes } = await confirmTotpEnrollment(self, await totpAt(secret, at), at);
  return { user, self, sessionId, secret, otpauth_uri, recovery_codes };
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
