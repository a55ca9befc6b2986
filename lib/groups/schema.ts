import { z } from "zod";

/** A group as it leaves lib/ (REST body, console props). */
export const groupSchema = z.object({
  id: z.guid(),
  org_id: z.guid(),
  org_name: z.string(),
  name: z.string(),
  description: z.string(),
  member_count: z.number().int(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});
export type GroupDto = z.infer<typeof groupSchema>;

/** A group a user belongs to (GET /api/v1/users/{id}/groups). */
export type UserGroupDto = Pick<GroupDto, "id" | "org_id" | "org_name" | "name" | "description"> & { added_at: string };

const groupName = z.string().trim().min(1, "Enter a name.").max(100);

export const createGroupSchema = z.object({
  /** The organization the group belongs to; the Default organization when omitted. */
  org_id: z.guid({ error: "Choose an organization." }).optional(),
  name: groupName,
  description: z.string().trim().max(500).default(""),
});
export type CreateGroupInput = z.input<typeof createGroupSchema>;

/** PATCH: a group never moves to another organization. */
export const updateGroupSchema = z.object({
  name: groupName.optional(),
  description: z.string().trim().max(500).optional(),
});
export type UpdateGroupInput = z.input<typeof updateGroupSchema>;

export const GROUP_SORTS = ["name", "-name", "created_at", "-created_at"] as const;

export const listGroupsQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(GROUP_SORTS).default("name"),
  /** Only groups of this organization (the console's current organization). */
  org_id: z.guid().optional(),
});
export type ListGroupsQuery = z.input<typeof listGroupsQuerySchema>;

export const groupIdsSchema = z.object({
  group_ids: z.array(z.guid({ error: "Not a valid id." })).min(1, "Choose at least one group.").max(100),
});
export type GroupIdsInput = z.input<typeof groupIdsSchema>;
