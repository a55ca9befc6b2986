import { z } from "zod";
import { ALL_PERMISSIONS, isPermission } from "../rbac/permissions";

/** A permission of the catalog; typed as a string so callers may pass any and get a 422 naming it. */
const permissionName = z.string().refine(isPermission, { message: "Unknown permission." }).meta({ enum: [...ALL_PERMISSIONS] });

/** API JWTs live 15 minutes. */
export const JWT_TTL_SECONDS = 15 * 60;
export const JWT_ALGORITHM = "ES256";
/** RFC 9068 access-token type, so an ID token or any other JWT of ours is never taken for one. */
export const JWT_TYPE = "at+jwt";

/** POST /api/v1/auth/token — optional: narrow the JWT to some of the PAT's scopes. */
export const exchangeTokenSchema = z
  .object({
    scopes: z
      .array(permissionName)
      .min(1)
      .max(100)
      .optional(),
  })
  .strict();
export type ExchangeTokenInput = z.input<typeof exchangeTokenSchema>;

/** OAuth 2.0-style token response (RFC 6749 §5.1). */
export const accessTokenSchema = z.object({
  access_token: z.string(),
  token_type: z.literal("Bearer"),
  expires_in: z.number().int(),
  /** Space-separated permissions the JWT carries. */
  scope: z.string(),
});
export type AccessTokenDto = z.infer<typeof accessTokenSchema>;

/** The claims Gatehouse puts in (and requires of) an API JWT. */
export const jwtClaimsSchema = z.object({
  iss: z.string(),
  sub: z.guid(),
  preferred_username: z.string(),
  iat: z.number().int(),
  exp: z.number().int(),
  jti: z.string().min(1),
  scope: z.string(),
  /** Issue time in milliseconds: revocation (users.jwt_revoked_before) compares at this precision. */
  iat_ms: z.number().int(),
  /** The Personal Access Token it was exchanged for: revoking that PAT ends its JWTs too. */
  pat_id: z.guid(),
});
export type JwtClaims = z.infer<typeof jwtClaimsSchema>;
