"use server";

import { z } from "zod";
import { action } from "@/lib/actions/action";
import { setUserRoles } from "@/lib/roles/assignment";
import { userRolesInputSchema } from "@/lib/roles/schema";

export const setUserRolesAction = action(z.object({ id: z.string(), roles: userRolesInputSchema }), (actor, { id, roles }) => setUserRoles(actor, id, roles));
