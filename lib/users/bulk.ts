import "server-only";
import type { Actor } from "../auth/actor";
import { isAppError, parseInput } from "../errors";
import { authorizeAnywhere } from "../rbac/authorize";
import { deleteUser } from "./delete";
import { bulkUsersSchema, type BulkResult, type BulkUsersInput } from "./schema";
import { updateUser } from "./update";

/**
 * Activate, deactivate or delete many users. Each row is its own operation (own transaction, own audit event),
 * so a protected user is skipped with its reason while the others go through.
 */
export async function bulkUpdateUsers(actor: Actor, input: BulkUsersInput): Promise<BulkResult[]> {
  const { action, user_ids } = parseInput(bulkUsersSchema, input);
  authorizeAnywhere(actor, action === "delete" ? "users.delete" : "users.update");
  const results: BulkResult[] = [];
  for (const id of [...new Set(user_ids)]) {
    try {
      if (action === "delete") await deleteUser(actor, id);
      else await updateUser(actor, id, { is_active: action === "activate" });
      results.push({ id, ok: true });
    } catch (error) {
      if (!isAppError(error)) throw error;
      results.push({ id, ok: false, code: error.code, message: error.message });
    }
  }
  return results;
}
