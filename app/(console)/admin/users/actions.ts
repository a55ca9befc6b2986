"use server";

import { z } from "zod";
import { action } from "@/lib/actions/action";
import { bulkUpdateUsers } from "@/lib/users/bulk";
import { createUser } from "@/lib/users/create";
import { deleteUser } from "@/lib/users/delete";
import { bulkUsersSchema, createUserSchema, updateUserSchema } from "@/lib/users/schema";
import { updateUser } from "@/lib/users/update";

export const createUserAction = action(createUserSchema, (actor, input) => createUser(actor, input));

export const updateUserAction = action(z.object({ id: z.string(), changes: updateUserSchema }), (actor, { id, changes }) =>
  updateUser(actor, id, changes),
);

export const deleteUserAction = action(z.object({ id: z.string() }), async (actor, { id }) => {
  await deleteUser(actor, id);
  return { id };
});

export const bulkUsersAction = action(bulkUsersSchema, (actor, input) => bulkUpdateUsers(actor, input));
