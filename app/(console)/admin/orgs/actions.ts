"use server";

import { z } from "zod";
import { action } from "@/lib/actions/action";
import { listOrgCandidates } from "@/lib/orgs/candidates";
import { switchCurrentOrg } from "@/lib/orgs/current";
import { addOrgMembers, removeOrgMembers } from "@/lib/orgs/members";
import { createOrg, deleteOrg, updateOrg } from "@/lib/orgs/mutations";
import { createOrgSchema, switchOrgSchema, updateOrgSchema, userIdsSchema } from "@/lib/orgs/schema";

const byId = z.object({ id: z.string() });

export const switchOrgAction = action(switchOrgSchema, (actor, input) => switchCurrentOrg(actor, input));

export const createOrgAction = action(createOrgSchema, (actor, input) => createOrg(actor, input));

export const updateOrgAction = action(byId.extend({ changes: updateOrgSchema }), (actor, { id, changes }) => updateOrg(actor, id, changes));

export const deleteOrgAction = action(byId, async (actor, { id }) => {
  await deleteOrg(actor, id);
  return { id };
});

export const addOrgMembersAction = action(byId.extend(userIdsSchema.shape), (actor, { id, user_ids }) => addOrgMembers(actor, id, user_ids));

export const removeOrgMembersAction = action(byId.extend(userIdsSchema.shape), (actor, { id, user_ids }) => removeOrgMembers(actor, id, user_ids));

export const searchOrgCandidatesAction = action(byId.extend({ q: z.string().max(200) }), (actor, { id, q }) => listOrgCandidates(actor, id, q));
