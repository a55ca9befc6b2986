import { z } from "zod";
import { isPermission } from "../rbac/permissions";

export const PAT_PREFIX = "gth_pat_";
export const PAT_PATTERN = /^gth_pat_[0-9A-Za-z]{43}$/;

export const createTokenSchema = z.object({
  name: z.string().trim().min(1, "Name is required.").max(100),
  expires_in_days: z.number().int().min(1).max(365).default(90),
  /** A subset of the owner's permissions; omitted means all of them. */
  scopes: z
    .array(z.string().refine(isPermission, { message: "Unknown permission." }))
    .max(100)
    .optional(),
});
export type CreateTokenInput = z.input<typeof createTokenSchema>;

export const tokenSchema = z.object({
  id: z.uuid(),
  user_id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()).nullable(),
  expires_at: z.iso.datetime().nullable(),
  last_used_at: z.iso.datetime().nullable(),
  last_used_ip: z.string().nullable(),
  created_at: z.iso.datetime(),
});
export type TokenDto = z.infer<typeof tokenSchema>;

/** The one response that contains the token itself. */
export type CreatedToken = TokenDto & { token: string };
