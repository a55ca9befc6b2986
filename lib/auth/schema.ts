import { z } from "zod";

/** Shared by the sign-in form (browser) and signInWithPassword (server). */
export const signInSchema = z.object({
  identifier: z.string().trim().min(1, "Enter your username or email.").max(254),
  password: z.string().min(1, "Enter your password.").max(4096),
});
export type SignInInput = z.infer<typeof signInSchema>;
