import "server-only";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { forbidden } from "../errors";
import { permittedOrgs } from "../rbac/authorize";
import { countUsers, recentFailures, signInsPerDay } from "./queries";
import { SIGN_IN_DAYS, type Dashboard } from "./schema";

const visible = (orgs: "all" | string[]) => orgs === "all" || orgs.length > 0;

/**
 * The admin dashboard: user counts and MFA adoption (users.view), sign-ins per day and recent failures
 * (audit.view), each within the organizations where the actor holds that permission.
 */
export async function getDashboard(actor: Actor, now = new Date()): Promise<Dashboard> {
  const userScope = permittedOrgs(actor, "users.view");
  const auditScope = permittedOrgs(actor, "audit.view");
  if (!visible(userScope) && !visible(auditScope)) throw forbidden();
  const db = await getDb();
  const [counts, signIns, failures] = await Promise.all([
    visible(userScope) ? countUsers(db, userScope, now) : null,
    visible(auditScope) ? signInsPerDay(db, auditScope, now, SIGN_IN_DAYS) : null,
    visible(auditScope) ? recentFailures(db, auditScope, 8) : null,
  ]);
  return {
    scope: userScope === "all" && (auditScope === "all" || !visible(auditScope)) ? "all" : "organizations",
    users: counts?.users ?? null,
    mfa: counts?.mfa ?? null,
    sign_ins: signIns,
    recent_failures: failures,
  };
}
