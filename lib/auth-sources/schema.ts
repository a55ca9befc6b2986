import { z } from "zod";

export const AUTH_SOURCE_TYPES = ["ldap", "oidc"] as const;
export type AuthSourceType = (typeof AUTH_SOURCE_TYPES)[number];

/** The built-in source of local accounts; it has no row and its slug cannot be taken. */
export const INTERNAL_SOURCE = "internal";
/** Slugs that would collide with the built-in source or NextAuth's own provider ids. */
export const RESERVED_SLUGS = [INTERNAL_SOURCE, "credentials", "local", "system", "email"];

const slug = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9-]{0,38}[a-z0-9]$/, "2–40 lowercase letters, digits and dashes, starting with a letter.")
  .refine((value) => !RESERVED_SLUGS.includes(value), "This slug is reserved.");
const attribute = (fallback: string) =>
  z.string().trim().regex(/^[A-Za-z][A-Za-z0-9-]{0,63}$/, "An attribute name (letters, digits, dashes).").default(fallback);
const optionalAttribute = (fallback: string) =>
  z.union([z.literal(""), z.string().trim().regex(/^[A-Za-z][A-Za-z0-9-]{0,63}$/, "An attribute name (letters, digits, dashes).")]).default(fallback);
const claim = (fallback: string) => z.string().trim().max(100).default(fallback);

/** LDAP: where the directory is, how Gatehouse searches it, and which attributes fill the user. */
export const ldapConfigSchema = z.object({
  url: z.string().trim().regex(/^ldaps?:\/\/[^\s/?#]+\/?$/i, "Use ldap://host:port or ldaps://host:port."),
  start_tls: z.boolean().default(false),
  /** PEM certificate(s) to trust for LDAPS / StartTLS (a private CA); empty: the system's CAs. */
  tls_ca: z.string().trim().max(20_000).default(""),
  bind_dn: z.string().trim().max(500).default(""),
  base_dn: z.string().trim().min(1, "Enter the base DN to search under.").max(500),
  /** ANDed with (username = login OR email = login); the login is escaped, never spliced in. */
  user_filter: z.string().trim().max(1000).default("(objectClass=inetOrgPerson)"),
  attr_username: attribute("uid"),
  attr_email: attribute("mail"),
  attr_name: optionalAttribute("cn"),
  attr_first_name: optionalAttribute("givenName"),
  attr_last_name: optionalAttribute("sn"),
  attr_phone: optionalAttribute("telephoneNumber"),
  /** A stable id (entryUUID, objectGUID); empty: the entry's DN. */
  attr_external_id: optionalAttribute("entryUUID"),
  timeout_seconds: z.number().int().min(1).max(60).default(10),
}).refine((c) => !(c.start_tls && /^ldaps:/i.test(c.url)), { path: ["start_tls"], message: "StartTLS is for ldap:// URLs; ldaps:// is encrypted already." });
export type LdapConfig = z.infer<typeof ldapConfigSchema>;

/** OIDC: discovery from the issuer, the client, and which claims fill the user. */
export const oidcConfigSchema = z.object({
  issuer: z
    .string()
    .trim()
    .pipe(z.url({ protocol: /^https?$/, error: "Enter the issuer URL, e.g. https://idp.example.com/realms/corp." })),
  client_id: z.string().trim().min(1, "Enter the client id.").max(500),
  scopes: z
    .string()
    .trim()
    .max(500)
    .default("openid email profile")
    .refine((value) => value.split(/\s+/).includes("openid"), "The scopes must include openid."),
  button_label: z.string().trim().min(1, "Enter the text of the sign-in button.").max(60),
  claim_username: claim("preferred_username"),
  claim_email: claim("email"),
  claim_name: claim("name"),
  claim_first_name: claim("given_name"),
  claim_last_name: claim("family_name"),
  claim_phone: claim("phone_number"),
});
export type OidcConfig = z.infer<typeof oidcConfigSchema>;

/** Blank forms: the schema's defaults, with the fields that have none left empty. */
export const LDAP_FORM_DEFAULTS: LdapConfig = { ...ldapConfigSchema.parse({ url: "ldap://placeholder", base_dn: "placeholder" }), url: "", base_dn: "" };
export const OIDC_FORM_DEFAULTS: OidcConfig = { ...oidcConfigSchema.parse({ issuer: "https://placeholder", client_id: "x", button_label: "x" }), issuer: "", client_id: "", button_label: "" };

/** Write-only secrets: sent to set or replace, omitted (or empty) to keep the stored one, never returned. */
export const ldapSecretsSchema = z.object({ bind_password: z.string().max(1000).optional() });
export const oidcSecretsSchema = z.object({ client_secret: z.string().max(1000).optional() });
export type SourceSecrets = { bind_password?: string; client_secret?: string };

const common = {
  slug,
  name: z.string().trim().min(1, "Enter a name.").max(100),
  enabled: z.boolean().default(false),
  position: z.number().int().min(0).max(1000).default(0),
};

export const createLdapSourceSchema = z.object({ ...common, type: z.literal("ldap"), config: ldapConfigSchema, secrets: ldapSecretsSchema.default({}) });
export const createOidcSourceSchema = z.object({ ...common, type: z.literal("oidc"), config: oidcConfigSchema, secrets: oidcSecretsSchema.default({}) });
export const createAuthSourceSchema = z.discriminatedUnion("type", [createLdapSourceSchema, createOidcSourceSchema]);
export type CreateAuthSourceInput = z.input<typeof createAuthSourceSchema>;

/** PATCH: any of these; config fields are merged over the stored ones and the whole config is validated again. */
export const updateAuthSourceSchema = z.object({
  name: common.name.optional(),
  enabled: z.boolean().optional(),
  position: common.position.optional(),
  config: z.record(z.string(), z.unknown()).optional(),
  secrets: z.object({ bind_password: z.string().max(1000).optional(), client_secret: z.string().max(1000).optional() }).optional(),
});
export type UpdateAuthSourceInput = z.input<typeof updateAuthSourceSchema>;

/** "Test connection" on a draft (the form before saving) or a stored source; blank secrets fall back to the stored ones. */
export const testAuthSourceSchema = z.object({
  id: z.string().optional(),
  type: z.enum(AUTH_SOURCE_TYPES),
  config: z.record(z.string(), z.unknown()),
  secrets: z.object({ bind_password: z.string().max(1000).optional(), client_secret: z.string().max(1000).optional() }).default({}),
});
export type TestAuthSourceInput = z.input<typeof testAuthSourceSchema>;

export type AuthSourceDto = {
  id: string;
  slug: string;
  name: string;
  type: AuthSourceType;
  enabled: boolean;
  position: number;
  config: LdapConfig | OidcConfig;
  /** Which write-only secrets are stored (their values never leave the server). */
  secrets_set: string[];
  /** OIDC: the redirect URI to register at the identity provider. */
  callback_url: string | null;
  user_count: number;
  created_at: string;
  updated_at: string;
};

export type ConnectionTestResult = { ok: boolean; message: string; details?: Record<string, unknown> };

/** A sign-in button on /login: public information only. */
export type SignInButton = { slug: string; label: string };
