import { z } from "zod";
import { PASSWORD_INPUT_LIMIT } from "./policy";

const TOO_LONG = `Use at most ${PASSWORD_INPUT_LIMIT} characters.`;

/** The new password and its confirmation; the policy itself is checked on the server (and live in the form). */
const newPasswordFields = {
  new_password: z.string().min(1, "Enter a new password.").max(PASSWORD_INPUT_LIMIT, TOO_LONG),
  confirm_password: z.string().max(PASSWORD_INPUT_LIMIT, TOO_LONG),
};

const confirmationMatches = (v: { new_password: string; confirm_password: string }) => v.new_password === v.confirm_password;
const MISMATCH = { path: ["confirm_password"], message: "The passwords do not match." };

/** /change-password: the signed-in user changes their own password. */
export const changePasswordSchema = z
  .object({ current_password: z.string().min(1, "Enter your current password.").max(PASSWORD_INPUT_LIMIT, TOO_LONG), ...newPasswordFields })
  .refine(confirmationMatches, MISMATCH);
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

/** /reset-password/[token]: a password set through an emailed link. */
export const resetPasswordSchema = z.object(newPasswordFields).refine(confirmationMatches, MISMATCH);
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

/** Reset and setup links carry 43 base62 characters (≈ 256 bits). */
export const RESET_TOKEN_PATTERN = /^[0-9A-Za-z]{43}$/;
