import { z } from "zod";
import { createTokenSchema, type CreateTokenInput } from "@/lib/tokens/schema";

/** The create form: the API's own field rules, plus the "all permissions" switch and the settings' maximum. */
export const tokenFormSchema = (maxDays: number) =>
  z
    .object({
      name: createTokenSchema.shape.name,
      expires_in_days: z.number({ error: "Enter a number of days." }).int("Whole days only.").min(1, "At least 1 day.").max(maxDays, `At most ${maxDays} days.`),
      all: z.boolean(),
      scopes: z.array(z.string()),
    })
    .refine((v) => v.all || v.scopes.length > 0, { path: ["scopes"], message: "Choose at least one scope, or all permissions." });

export type TokenFormValues = z.infer<ReturnType<typeof tokenFormSchema>>;

export const toCreateTokenInput = (v: TokenFormValues): CreateTokenInput => ({
  name: v.name,
  expires_in_days: v.expires_in_days,
  ...(v.all ? {} : { scopes: v.scopes }),
});
