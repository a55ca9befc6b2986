import { z } from "zod";

export const TOTP_CODE_MESSAGE = "Enter the 6-digit code from your authenticator app.";

/** The code typed to confirm an enrollment (spaces allowed: apps show "123 456"). */
export const confirmTotpSchema = z.object({
  code: z
    .string()
    .max(32, TOTP_CODE_MESSAGE)
    .transform((s) => s.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, TOTP_CODE_MESSAGE)),
});
export type ConfirmTotpInput = z.input<typeof confirmTotpSchema>;

/** Actions without input. */
export const noInputSchema = z.object({}).strict();

export type TotpEnrollmentStart = { secret: string; otpauth_uri: string; qr_data_url: string };
export type TotpConfirmation = { recovery_codes: string[] };
