/** T7 (a): nobody issues a token for someone else beyond what they may do themselves — 288 permutations. */
import { count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { orgMembers, personalAccessTokens, users, type UserRow } from "@/db/schema";
import { NO_META, type Actor } from "../auth/actor";
import { CP_SERVICE_EMAIL, DEFAULT_ORG_ID } from "../bootstrap";
import { getDb } from "../db";
import { can } from "../rbac/authorize";
import { ALL_PERMISSIONS } from "../rbac/permissions";
import { actorFor, adminUser, createTestOrg, createTestUser, grantOrgRole, grantSystemRole } from "../testing/factories";
import { createPersonalAccessToken } from "./pat";
import { resolvePatActor } from "./resolve";

const outcome = async (promise: Promise<unknown>) => promise.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));
const tokenRows = async () => Number((await (await getDb()).select({ n: count() }).from(personalAccessTokens))[0].n);

const BODIES = [
  { name: "plain" },
  { name: "view", scopes: ["users.view"] },
  { name: "delete", scopes: ["users.delete"] },
  { name: "foreign owner", user_id: "00000000-0000-4000-8000-000000000001" },
  { name: "roles", roles: ["system_admin"] },
  { name: "absolute expiry", expires_at: "2999-01-01T00:00:00Z" },
  { name: "builtin", is_builtin: true },
  { name: "too long", expires_in_days: 366 },
] as Record<string, unknown>[];
/** A token's owner, roles, builtin flag and absolute expiry are never taken from a body; these are all 422. */
const REFUSED_BODIES = ["foreign owner", "roles", "absolute expiry", "builtin", "too long"];

describe("T7 (a) creating tokens for others", () => {
  let orgA: string, orgB: string;
  const actors: Record<string, Actor> = {};
  const targets: Record<string, UserRow> = {};

  beforeAll(async () => {
    orgA = await createTestOrg();
    orgB = await createTestOrg();
    const db = await getDb();
    const plain = await createTestUser({ orgId: orgA });
    const orgAdminA = await createTestUser({ orgId: orgA });
    await grantOrgRole(orgAdminA.id, orgA, "org_admin");
    const auditor = await createTestUser();
    await grantSystemRole(auditor.id, "system_auditor");
    targets.bob = await createTestUser({ orgId: orgA });
    targets.dora = await createTestUser({ orgId: orgA });
    await grantOrgRole(targets.dora.id, orgB, "org_admin");
    targets.carol = await createTestUser({ orgId: orgB });
    targets.superAdmin = await adminUser();
    await db.insert(orgMembers).values({ orgId: orgA, userId: targets.superAdmin.id }).onConflictDoNothing();
    [targets.cpService] = await db.select().from(users).where(eq(sql`lower(${users.email})`, CP_SERVICE_EMAIL));
    targets.plainSelf = plain;

    actors.plain = await actorFor(plain);
    actors.orgAdminA = await actorFor(orgAdminA);
    actors.auditor = await actorFor(auditor);
    const tokenOf = async (owner: UserRow, scopes?: string[]) =>
      (await resolvePatActor((await createPersonalAccessToken(await actorFor(owner), owner.id, { name: "t", scopes })).token, NO_META))!;
    actors.orgAdminViewPat = await tokenOf(orgAdminA, ["users.view"]);
    actors.orgAdminManagePat = await tokenOf(orgAdminA, ["users.view", "users.manage_tokens"]);
    actors.plainPat = await tokenOf(plain);
  });

  it("refuses every escalation and writes nothing when refused (6 actors × 6 owners × 8 bodies)", async () => {
    const results: Record<string, string> = {};
    let successes = 0;
    const before = await tokenRows();
    for (const [actorName, actor] of Object.entries(actors)) {
      for (const [targetName, target] of Object.entries(targets)) {
        for (const body of BODIES) {
          const key = `${actorName} → ${targetName} ${body.name}`;
          let created: Awaited<ReturnType<typeof createPersonalAccessToken>> | undefined;
          results[key] = await outcome(createPersonalAccessToken(actor, target.id, body as never).then((t) => (created = t)));
          if (!created) continue;
          successes++;
          // The oracle, independent of the implementation: the token acts as its owner, and never beyond the actor.
          expect(created.user_id).toBe(target.id);
          const tokenActor = (await resolvePatActor(created.token, NO_META))!;
          const isSelf = actor.kind === "user" && actor.userId === target.id;
          for (const permission of ALL_PERMISSIONS) {
            for (const orgId of [undefined, orgA, orgB, DEFAULT_ORG_ID]) {
              const scope = orgId ? { orgId } : {};
              if (can(tokenActor, permission, scope) && !isSelf) expect(can(actor, permission, scope), `${key}: ${permission} in ${orgId}`).toBe(true);
            }
          }
        }
      }
    }
    expect(Object.keys(results)).toHaveLength(6 * 6 * 8);
    expect(await tokenRows()).toBe(before + successes);

    for (const [key, result] of Object.entries(results)) {
      if (REFUSED_BODIES.some((name) => key.endsWith(` ${name}`))) expect(result, key).toBe("validation");
      if (key.includes("→ cpService") && result !== "forbidden" && result !== "not_found") expect(["conflict", "validation"], key).toContain(result);
    }
    // The cells that show the rules, not just their absence.
    expect(results["orgAdminA → bob plain"]).toBe("ok");
    expect(results["orgAdminA → dora plain"]).toBe("forbidden"); // dora administers org B, which orgAdminA cannot
    expect(results["orgAdminA → dora view"]).toBe("forbidden");
    expect(results["orgAdminA → carol plain"]).toBe("not_found"); // invisible: another organization
    expect(results["orgAdminA → superAdmin view"]).toBe("forbidden"); // only a super-admin touches a super-admin
    expect(results["orgAdminA → cpService plain"]).not.toBe("ok");
    expect(results["plain → bob plain"]).toBe("forbidden");
    expect(results["plain → plainSelf plain"]).toBe("ok");
    expect(results["plain → plainSelf delete"]).toBe("validation"); // beyond the owner
    expect(results["auditor → bob view"]).toBe("forbidden"); // seeing is not managing
    expect(results["orgAdminViewPat → bob plain"]).toBe("forbidden"); // scope lacks users.manage_tokens
    expect(results["plainPat → plainSelf plain"]).toBe("forbidden"); // a PAT does not mint PATs (T7e)
    expect(results["orgAdminManagePat → bob plain"]).toBe("ok");
    expect(results["orgAdminManagePat → bob delete"]).toBe("validation"); // beyond the acting token's scopes
    expect(results["orgAdminA → bob foreign owner"]).toBe("validation");
  });

  it("lets a super-admin issue for anyone but the control plane's account, which answers 409", async () => {
    const admin = await actorFor(await adminUser());
    expect(await outcome(createPersonalAccessToken(admin, targets.dora.id, { name: "ok" }))).toBe("ok");
    const before = await tokenRows();
    expect(await outcome(createPersonalAccessToken(admin, targets.cpService.id, { name: "backdoor" }))).toBe("conflict");
    expect(await tokenRows()).toBe(before);
  });
});
