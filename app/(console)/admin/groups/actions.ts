"use server";

import { z } from "zod";
import { action } from "@/lib/actions/action";
import { listGroupCandidates } from "@/lib/groups/candidates";
import { addGroupMembers, removeGroupMembers } from "@/lib/groups/members";
import { createGroup, deleteGroup, updateGroup } from "@/lib/groups/mutations";
import { setGroupRoles } from "@/lib/groups/roles";
import { createGroupSchema, updateGroupSchema } from "@/lib/groups/schema";
import { userIdsSchema } from "@/lib/orgs/schema";
import { groupRolesInputSchema } from "@/lib/roles/schema";

const byId = z.object({ id: z.string() });

export const createGroupAction = action(createGroupSchema, (actor, input) => createGroup(actor, input));

export const updateGroupAction = action(byId.extend({ changes: updateGroupSchema }), (actor, { id, changes }) => updateGroup(actor, id, changes));

export const deleteGroupAction = action(byId, async (actor, { id }) => {
  await deleteGroup(actor, id);
  return { id };
});

export const addGroupMembersAction = action(byId.extend(userIdsSchema.shape), (actor, { id, user_ids }) => addGroupMembers(actor, id, user_ids));

export const removeGroupMembersAction = action(byId.extend(userIdsSchema.shape), (actor, { id, user_ids }) => removeGroupMembers(actor, id, user_ids));

export const searchGroupCandidatesAction = action(byId.extend({ q: z.string().max(200) }), (actor, { id, q }) => listGroupCandidates(actor, id, q));

export const setGroupRolesAction = action(byId.extend(groupRolesInputSchema.shape), (actor, { id, role_ids }) => setGroupRoles(actor, id, { role_ids }));
