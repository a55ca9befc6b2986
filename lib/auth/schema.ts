import { z } from "zod";

/** Shared by the sign-in form (browser) and signInWithPassword (server). */
export const signInSchema = z.object({
  identifier: z.string().trim().min(1, "Enter your username or email.").max(254),
  password: z.string().min(1, "Enter your password.").max(4096),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** The forgot-password form and POST /api/auth/forgot-password. */
export const forgotPasswordSchema = z.object({
  email: z.email("Enter a valid email address.").trim().max(254),
});
export type ForgotPasswordInput = z.infer<typeof forgotPasswordSchema>;

/** The one message for every failed password sign-in: it never tells whether the account exists or is locked. */
export const SIGN_IN_FAILED = "Invalid username or password.";

/**
 * Refusals that are worth explaining, because the person already proved who they are at their source (a directory
 * bind, an identity provider). Their codes travel as NextAuth's `error` parameter to /login.
 */
export const SIGN_IN_REFUSALS = {
  email_taken: "An account with this email address already exists and signs in another way. Ask an administrator to link or remove it.",
  missing_email: "Your sign-in source did not provide an email address, which Gatehouse needs. Ask an administrator.",
  email_unverified: "Your identity provider has not verified your email address, so Gatehouse cannot create your account.",
  account_refused: "This account cannot sign in. It may be disabled or expired; ask an administrator.",
  provider_failed: "Sign-in with the identity provider failed. Try again, or ask an administrator.",
} as const;
export type SignInRefusalCode = keyof typeof SIGN_IN_REFUSALS;

/** The message for a NextAuth `error` code on /login (unknown codes get the generic failure). */
export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  if (Object.hasOwn(SIGN_IN_REFUSALS, code)) return SIGN_IN_REFUSALS[code as SignInRefusalCode];
  if (code === "CredentialsSignin") return SIGN_IN_FAILED;
  if (["OAuthSignin", "OAuthCallback", "OAuthAccountNotLinked", "Callback", "AccessDenied", "Configuration"].includes(code)) return SIGN_IN_REFUSALS.provider_failed;
  return SIGN_IN_FAILED;
}

/** GET /api/v1/users/{id}/lock. A lock is not inactivity: the account stays active and counts as such everywhere. */
export type LockStatusDto = { failed_login_count: number; locked_until: string | null; is_locked: boolean };

/** POST /api/v1/users/{id}/password-reset. */
export type PasswordResetLinkDto = { reset_url: string; expires_at: string; mailed: boolean };
