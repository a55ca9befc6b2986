import { z } from "zod";
import { ALL_PERMISSIONS, isPermission } from "../rbac/permissions";

export const PAT_PREFIX = "gth_pat_";
export const PAT_PATTERN = /^gth_pat_[0-9A-Za-z]{43}$/;
/** A permission of the catalog; typed as a string so callers may pass any and get a 422 naming it. */
const permissionName = z.string().refine(isPermission, { message: "Unknown permission." }).meta({ enum: [...ALL_PERMISSIONS] });

/** The most any setting may allow; the effective maximum is the `tokens.max_days` setting. */
export const TOKEN_MAX_DAYS = 365;
/** Used when a request names no expiry (or the settings maximum, when that is lower). */
export const TOKEN_DEFAULT_DAYS = 90;

const tokenName = z.string().trim().min(1, "Name is required.").max(100, "At most 100 characters.");

/** Strict: a token's owner comes from the URL, never the body; unknown fields (user_id, roles, is_builtin …) are 422. */
export const createTokenSchema = z.object({
  name: tokenName,
  /** 1–365 days, and at most the `tokens.max_days` setting; 90 (or that maximum) when omitted. */
  expires_in_days: z.number().int("Whole days only.").min(1, "At least 1 day.").max(TOKEN_MAX_DAYS, `At most ${TOKEN_MAX_DAYS} days.`).optional(),
  /** A subset of the owner's permissions; omitted means all of them. */
  scopes: z
    .array(permissionName)
    .max(100)
    .optional(),
}).strict();
export type CreateTokenInput = z.input<typeof createTokenSchema>;

/** PATCH: only the name changes; owner, scopes and expiry are fixed for a token's life (issue a new one instead). */
export const updateTokenSchema = z.object({ name: tokenName }).strict();
export type UpdateTokenInput = z.input<typeof updateTokenSchema>;

export const listTokensQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListTokensQuery = z.input<typeof listTokensQuerySchema>;

export const tokenSchema = z.object({
  id: z.guid(),
  user_id: z.guid(),
  name: z.string(),
  /** The first 14 characters (`gth_pat_` + 6), to recognise a token in lists and secret scanners. */
  prefix: z.string(),
  /** Null: every permission the owner holds. */
  scopes: z.array(z.string()).nullable(),
  expires_at: z.iso.datetime().nullable(),
  last_used_at: z.iso.datetime().nullable(),
  last_used_ip: z.string().nullable(),
  created_at: z.iso.datetime(),
});
export type TokenDto = z.infer<typeof tokenSchema>;

/** The one response that contains the token itself. */
export const createdTokenSchema = tokenSchema.extend({ token: z.string().regex(PAT_PATTERN) });
export type CreatedToken = z.infer<typeof createdTokenSchema>;

export const tokenPageSchema = z.object({
  data: z.array(tokenSchema),
  total: z.number().int(),
  page: z.number().int(),
  limit: z.number().int(),
});
export type TokenPage = z.infer<typeof tokenPageSchema>;

/** What the token form offers for one owner (lib/tokens/options.ts getTokenFormOptions). */
export type TokenFormOptions = {
  /** Scopes the actor may give a token of this owner (the owner's permissions, within the actor's own for others). */
  scopes: string[];
  /** Whether "all permissions" (no scopes) may be chosen: always for oneself; for others, when the actor covers them all. */
  all_allowed: boolean;
  max_days: number;
  default_days: number;
  /** The control plane's account: its token is managed by the control plane only. */
  is_control_plane: boolean;
};
