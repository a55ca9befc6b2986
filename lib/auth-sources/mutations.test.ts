import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOidcProvider, type OidcTestProvider } from "@/e2e/support/oidc-idp.mjs";
import { auditEvents, authSources } from "@/db/schema";
import { getDb } from "../db";
import { actorFor, adminUser, createTestUser, grantSystemRole } from "../testing/factories";
import { createAuthSource, deleteAuthSource, updateAuthSource } from "./mutations";
import { getAuthSource, listAuthSources, signInButtons } from "./queries";
import { testAuthSourceConnection, testStoredAuthSource } from "./test-connection";

const codeOf = async (promise: Promise<unknown>) => promise.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));
const admin = async () => actorFor(await adminUser());
let idp: OidcTestProvider;

beforeAll(async () => {
  idp = await startOidcProvider({ clients: [{ client_id: "gatehouse", client_secret: "idp-secret", redirect_uris: ["http://localhost:3000/api/auth/callback/okta"] }] });
});
afterAll(async () => idp?.close());

const oidcInput = (slug: string, extra: Record<string, unknown> = {}) => ({
  slug,
  name: `OIDC ${slug}`,
  type: "oidc" as const,
  enabled: true,
  config: { issuer: idp.issuer, client_id: "gatehouse", button_label: `Sign in with ${slug}` },
  secrets: { client_secret: "super-secret-client-value" },
  ...extra,
});

describe("authentication sources", () => {
  it("stores secrets encrypted, never returns or audits them, and lists which are set", async () => {
    const created = await createAuthSource(await admin(), oidcInput("okta"));
    expect(created).toMatchObject({ slug: "okta", type: "oidc", enabled: true, secrets_set: ["client_secret"], callback_url: "http://localhost:3000/api/auth/callback/okta", user_count: 0 });
    expect(created.config).toMatchObject({ scopes: "openid email profile", claim_email: "email", claim_username: "preferred_username" });
    expect(JSON.stringify(created)).not.toContain("super-secret-client-value");
    const db = await getDb();
    const [row] = await db.select().from(authSources).where(eq(authSources.id, created.id));
    expect(row.secretsEncrypted).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain("super-secret-client-value");
    const events = await db.select().from(auditEvents).where(eq(auditEvents.targetId, created.id));
    expect(events.map((e) => e.action)).toContain("auth_source.create");
    expect(JSON.stringify(events)).not.toContain("super-secret-client-value");
    expect(JSON.stringify(await listAuthSources(await admin()))).not.toContain("super-secret-client-value");
  });

  it("keeps a stored secret when an update leaves it empty, replaces it when given, and never changes the slug", async () => {
    const created = await createAuthSource(await admin(), oidcInput("keycloak"));
    const db = await getDb();
    const envelope = async () => (await db.select().from(authSources).where(eq(authSources.id, created.id)))[0].secretsEncrypted;
    const first = await envelope();
    const renamed = await updateAuthSource(await admin(), created.id, { name: "Keycloak", config: { button_label: "Corp SSO" }, secrets: { client_secret: "" } });
    expect(renamed).toMatchObject({ name: "Keycloak", slug: "keycloak", secrets_set: ["client_secret"] });
    expect(renamed.config).toMatchObject({ button_label: "Corp SSO", issuer: idp.issuer });
    expect(await envelope()).toBe(first);
    await updateAuthSource(await admin(), created.id, { secrets: { client_secret: "rotated" } });
    expect(await envelope()).not.toBe(first);
    const [event] = (await db.select().from(auditEvents).where(eq(auditEvents.targetId, created.id))).filter((e) => e.action === "auth_source.update").slice(-1);
    expect(event.metadata).toMatchObject({ rotated: ["client_secret"] });
    expect(await codeOf(updateAuthSource(await admin(), created.id, { config: { issuer: "not a url" } }))).toBe("validation");
  });

  it("validates slugs, configs and LDAP filters, and refuses a duplicate slug with 409", async () => {
    expect(await codeOf(createAuthSource(await admin(), oidcInput("internal")))).toBe("validation");
    expect(await codeOf(createAuthSource(await admin(), oidcInput("Bad Slug")))).toBe("validation");
    expect(await codeOf(createAuthSource(await admin(), { ...oidcInput("noopenid"), config: { issuer: idp.issuer, client_id: "x", button_label: "x", scopes: "email" } }))).toBe("validation");
    const ldap = { slug: "dir", name: "Dir", type: "ldap" as const, config: { url: "ldap://127.0.0.1:389", base_dn: "dc=x", user_filter: "(objectClass=person" } };
    expect(await codeOf(createAuthSource(await admin(), ldap))).toBe("validation");
    expect(await codeOf(createAuthSource(await admin(), { ...ldap, config: { ...ldap.config, url: "http://x" } }))).toBe("validation");
    expect(await codeOf(createAuthSource(await admin(), { ...ldap, config: { ...ldap.config, user_filter: "(objectClass=person)", url: "ldaps://127.0.0.1:636", start_tls: true } }))).toBe("validation");
    expect(await codeOf(createAuthSource(await admin(), { ...ldap, config: { ...ldap.config, user_filter: "(objectClass=person)" } }))).toBe("ok");
    expect(await codeOf(createAuthSource(await admin(), { ...ldap, config: { ...ldap.config, user_filter: "(objectClass=person)" } }))).toBe("conflict");
  });

  it("needs auth_sources.manage to change anything; settings.view may look", async () => {
    const auditor = await createTestUser();
    await grantSystemRole(auditor.id, "system_auditor");
    const actor = await actorFor(auditor);
    expect(await codeOf(createAuthSource(actor, oidcInput("sneaky")))).toBe("forbidden");
    const someone = (await listAuthSources(await admin()))[0];
    expect(await codeOf(updateAuthSource(actor, someone.id, { enabled: false }))).toBe("forbidden");
    expect(await codeOf(deleteAuthSource(actor, someone.id))).toBe("forbidden");
    expect(await codeOf(testStoredAuthSource(actor, someone.id))).toBe("forbidden");
    const plain = await actorFor(await createTestUser());
    expect(await codeOf(listAuthSources(plain))).toBe("forbidden");
    expect(await codeOf(getAuthSource(plain, someone.id))).toBe("forbidden");
  });

  it("refuses to delete a source users come from (409), and deletes an unused one", async () => {
    const used = await createAuthSource(await admin(), oidcInput("used-idp"));
    await createTestUser({ authSource: "used-idp", externalId: "sub-1", passwordHash: null });
    expect(await codeOf(deleteAuthSource(await admin(), used.id))).toBe("conflict");
    const unused = await createAuthSource(await admin(), oidcInput("unused-idp"));
    await deleteAuthSource(await admin(), unused.id);
    expect(await codeOf(getAuthSource(await admin(), unused.id))).toBe("not_found");
    expect(await codeOf(getAuthSource(await admin(), "not-a-uuid"))).toBe("not_found");
  });

  it("shows enabled OIDC sources on /login in order, with their labels only", async () => {
    const buttons = await signInButtons();
    expect(buttons.find((b) => b.slug === "okta")).toEqual({ slug: "okta", label: "Sign in with okta" });
    const okta = (await listAuthSources(await admin())).find((s) => s.slug === "okta")!;
    await updateAuthSource(await admin(), okta.id, { enabled: false });
    expect((await signInButtons()).some((b) => b.slug === "okta")).toBe(false);
  });

  it("tests OIDC discovery against a real provider, and reports a wrong issuer", async () => {
    const ok = await testAuthSourceConnection(await admin(), { type: "oidc", config: { issuer: idp.issuer, client_id: "gatehouse", button_label: "x" } });
    expect(ok).toMatchObject({ ok: true });
    const wrong = await testAuthSourceConnection(await admin(), { type: "oidc", config: { issuer: `${idp.issuer}/elsewhere`, client_id: "gatehouse", button_label: "x" } });
    expect(wrong.ok).toBe(false);
    const down = await testAuthSourceConnection(await admin(), { type: "oidc", config: { issuer: "http://127.0.0.1:1", client_id: "gatehouse", button_label: "x" } });
    expect(down).toMatchObject({ ok: false });
  });
});
