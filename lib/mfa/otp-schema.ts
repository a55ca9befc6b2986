import { z } from "zod";
import { E164_PATTERN } from "../users/schema";

/** SMS and email one-time codes as second factors (client-safe: no server imports). */
export const OTP_CHANNELS = ["sms", "email"] as const;
export type OtpChannel = (typeof OTP_CHANNELS)[number];

export const OTP_CODE_LENGTH = 6;
/** A sent code works this long (issue 6: 10 minutes). */
export const OTP_CODE_TTL_MINUTES = 10;
/** Wait between two codes to the same person and channel. */
export const OTP_RESEND_COOLDOWN_SECONDS = 30;

const PHONE_MESSAGE = "Use the international format, e.g. +14155550123.";

/** Accepts what people type ("+1 (415) 555-0123") and keeps E.164. */
export const phoneInputSchema = z
  .string()
  .max(40, PHONE_MESSAGE)
  .transform((value) => value.replace(/[\s().-]/g, ""))
  .pipe(z.string().regex(E164_PATTERN, PHONE_MESSAGE));

export const otpCodeSchema = z
  .string()
  .max(20)
  .transform((value) => value.replace(/\s/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code."));

export const startChannelEnrollmentSchema = z.object({ phone: phoneInputSchema.optional() });
export type StartChannelEnrollmentInput = z.input<typeof startChannelEnrollmentSchema>;

export const confirmChannelEnrollmentSchema = z.object({ challenge_id: z.string().max(64), code: otpCodeSchema });
export type ConfirmChannelEnrollmentInput = z.input<typeof confirmChannelEnrollmentSchema>;

/** What a send returns: where the code went (masked) and until when it works. */
export type SentCode = { challenge_id: string; sent_to: string; expires_at: string };

/** One channel as the profile and setup pages show it. */
export type OtpChannelStatus = {
  channel: OtpChannel;
  /** The admin enabled the backend and it counts for this person (email for administrators may not). */
  allowed: boolean;
  /** Why it is not allowed, in words for the person. */
  disabled_reason: string | null;
  enrolled: { sent_to: string; created_at: string; last_used_at: string | null } | null;
  /** The profile's phone (SMS) or email (email): what the form starts with. */
  profile_target: string | null;
  /** MFA is required for this person (removing the last usable factor is refused). */
  required: boolean;
};
