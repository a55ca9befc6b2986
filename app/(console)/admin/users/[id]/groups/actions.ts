"use server";

import { z } from "zod";
import { action } from "@/lib/actions/action";
import { listUserGroupCandidates } from "@/lib/groups/candidates";
import { addUserToGroups, removeUserFromGroups } from "@/lib/groups/members";
import { groupIdsSchema } from "@/lib/groups/schema";

const byUser = z.object({ id: z.string() });

export const addUserToGroupsAction = action(byUser.extend(groupIdsSchema.shape), (actor, { id, group_ids }) => addUserToGroups(actor, id, group_ids));

export const removeUserFromGroupsAction = action(byUser.extend(groupIdsSchema.shape), (actor, { id, group_ids }) => removeUserFromGroups(actor, id, group_ids));

export const searchUserGroupCandidatesAction = action(byUser.extend({ q: z.string().max(200) }), (actor, { id, q }) => listUserGroupCandidates(actor, id, q));
