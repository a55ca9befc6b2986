import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, personalAccessTokens, users } from "@/db/schema";
import { NO_META } from "../auth/actor";
import { CP_SERVICE_EMAIL } from "../bootstrap";
import { sha256Hex } from "../crypto/random";
import { getDb } from "../db";
import { callRoute } from "../openapi/route-inventory";
import { updateSettingsSection } from "../settings/update";
import { actorFor, adminUser } from "../testing/factories";
import { ensureControlPlaneToken, rotateControlPlaneToken } from "./control-plane";
import { deletePersonalAccessToken, getPersonalAccessToken } from "./manage";
import { createPersonalAccessToken, listPersonalAccessTokens } from "./pat";
import { resolvePatActor } from "./resolve";
import { PAT_PATTERN } from "./schema";

const outcome = async (promise: Promise<unknown>) => promise.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));

async function controlPlane() {
  const db = await getDb();
  const [account] = await db.select().from(users).where(eq(sql`lower(${users.email})`, CP_SERVICE_EMAIL));
  const builtin = () => db.select().from(personalAccessTokens).where(and(eq(personalAccessTokens.userId, account.id), eq(personalAccessTokens.isBuiltin, true)));
  return { db, account, builtin };
}

describe("the control plane's token (cp-service@idp.local)", () => {
  it("is created once at bootstrap, without an expiry", async () => {
    const { db, account, builtin } = await controlPlane();
    await db.transaction((tx) => ensureControlPlaneToken(tx));
    await db.transaction((tx) => ensureControlPlaneToken(tx));
    const rows = await builtin();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: account.id, expiresAt: null, isBuiltin: true });
  });

  it("can be neither viewed, listed, deleted nor added to through the API: 409 with the explanation, nothing changed", async () => {
    const { db, account, builtin } = await controlPlane();
    await db.transaction((tx) => ensureControlPlaneToken(tx));
    const [row] = await builtin();
    const owner = await adminUser();
    const { token } = await createPersonalAccessToken(await actorFor(owner), owner.id, { name: "admin" });
    const params = { id: account.id, tokenId: row.id };

    for (const method of ["GET", "PATCH", "DELETE"] as const) {
      const res = await callRoute(method, "/users/{id}/tokens/{tokenId}", params, { token, body: method === "PATCH" ? { name: "mine now" } : undefined });
      expect(res.status, method).toBe(409);
      const problem = await res.json();
      expect(problem.detail).toMatch(/control plane/);
      expect(problem.detail).toMatch(/cp:rotate-token/);
      expect(JSON.stringify(problem)).not.toContain(row.tokenHash);
    }
    const created = await callRoute("POST", "/users/{id}/tokens", { id: account.id }, { token, body: { name: "backdoor" } });
    expect(created.status).toBe(409);
    const listed = await callRoute("GET", "/users/{id}/tokens", { id: account.id }, { token });
    expect((await listed.json()).data).toEqual([]);
    expect(await builtin()).toEqual([row]);

    const adminActor = await actorFor(owner);
    expect(await outcome(getPersonalAccessToken(adminActor, account.id, row.id))).toBe("conflict");
    expect(await outcome(deletePersonalAccessToken(adminActor, account.id, row.id))).toBe("conflict");
    expect((await listPersonalAccessTokens(adminActor, account.id)).total).toBe(0);
  });

  it("is rotated by the control plane: the new value works once printed, the old one stops at once", async () => {
    const { builtin } = await controlPlane();
    const first = await rotateControlPlaneToken();
    expect(first.token).toMatch(PAT_PATTERN);
    expect(await resolvePatActor(first.token, NO_META)).toMatchObject({ kind: "token" });
    const second = await rotateControlPlaneToken();
    expect(await resolvePatActor(first.token, NO_META)).toBeNull();
    expect(await resolvePatActor(second.token, NO_META)).not.toBeNull();
    const rows = await builtin();
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(sha256Hex(second.token));
    const db = await getDb();
    const events = await db.select().from(auditEvents).where(eq(auditEvents.action, "token.rotate"));
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(events)).not.toContain(second.token);
  });
});

describe("the tokens.max_days setting", () => {
  it("caps the expiry and lowers the default", async () => {
    const owner = await adminUser();
    const actor = await actorFor(owner);
    await updateSettingsSection(actor, "tokens", { max_days: 30 });
    try {
      expect(await outcome(createPersonalAccessToken(actor, owner.id, { name: "long", expires_in_days: 31 }))).toBe("validation");
      const capped = await createPersonalAccessToken(actor, owner.id, { name: "capped", expires_in_days: 30 });
      const defaulted = await createPersonalAccessToken(actor, owner.id, { name: "default" });
      for (const token of [capped, defaulted]) {
        const days = (new Date(token.expires_at!).getTime() - new Date(token.created_at).getTime()) / 86_400_000;
        expect(days).toBeCloseTo(30, 2);
      }
    } finally {
      await updateSettingsSection(actor, "tokens", { max_days: 365 });
    }
    const normal = await createPersonalAccessToken(actor, owner.id, { name: "normal" });
    expect((new Date(normal.expires_at!).getTime() - new Date(normal.created_at).getTime()) / 86_400_000).toBeCloseTo(90, 2);
  });
});
