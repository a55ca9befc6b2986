import { z } from "zod";

/** An organization as it leaves lib/. */
export const orgSchema = z.object({
  id: z.guid(),
  name: z.string(),
  description: z.string(),
  is_default: z.boolean(),
  member_count: z.number().int(),
  group_count: z.number().int(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});
export type OrgDto = z.infer<typeof orgSchema>;

/** A user listed as a member (of an organization or a group). */
export const memberSchema = z.object({
  id: z.guid(),
  username: z.string(),
  name: z.string(),
  email: z.string(),
  is_active: z.boolean(),
  is_admin: z.boolean(),
  is_service_account: z.boolean(),
  is_builtin: z.boolean(),
  added_at: z.iso.datetime(),
});
export type MemberDto = z.infer<typeof memberSchema>;

const orgName = z.string().trim().min(1, "Enter a name.").max(100);

export const createOrgSchema = z.object({
  name: orgName,
  description: z.string().trim().max(500).default(""),
});
export type CreateOrgInput = z.input<typeof createOrgSchema>;

export const updateOrgSchema = z.object({
  name: orgName.optional(),
  description: z.string().trim().max(500).optional(),
});
export type UpdateOrgInput = z.input<typeof updateOrgSchema>;

export const listQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(["name", "-name", "created_at", "-created_at"]).default("name"),
});
export type ListQuery = z.input<typeof listQuerySchema>;

/** Members lists: `?page&limit&q`, newest first. */
export const listMembersQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  q: z.string().trim().max(200).optional(),
});

export const userIdsSchema = z.object({
  user_ids: z.array(z.guid({ error: "Not a valid id." })).min(1, "Choose at least one user.").max(100),
});
export type UserIdsInput = z.input<typeof userIdsSchema>;

export const switchOrgSchema = z.object({ org_id: z.guid({ error: "Choose an organization." }) });
export type SwitchOrgInput = z.input<typeof switchOrgSchema>;

/** An organization as the switcher lists it. */
export type OrgOption = { id: string; name: string; is_default: boolean };

/** One field of a JSON body that may be anything (REST handlers pass it on; the domain validates it). */
export const fieldOf = (body: unknown, key: string): unknown =>
  body !== null && typeof body === "object" && !Array.isArray(body) && Object.hasOwn(body, key) ? (body as Record<string, unknown>)[key] : undefined;

/** What a membership change did: ids newly added (or removed); ids already in that state are ignored. */
export type MembershipChange = { changed: string[] };
