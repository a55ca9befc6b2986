import { z } from "zod";

/** A code typed at the MFA step. SMS and email codes name the challenge they answer. */
export const stepCodeSchema = z.object({
  method: z.enum(["totp", "recovery_code", "sms", "email"]),
  code: z.string().trim().min(1, "Enter the code.").max(64),
  challenge_id: z.guid().optional(),
});
export type StepCodeInput = z.input<typeof stepCodeSchema>;

export const stepSendSchema = z.object({ channel: z.enum(["sms", "email"]) });

export const stepPasskeySchema = z.object({
  challenge_id: z.guid(),
  response: z.record(z.string(), z.unknown()),
});
