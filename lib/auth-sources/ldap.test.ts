import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startLdapDirectory, slapdRequired, type LdapDirectory } from "@/e2e/support/ldap-directory";
import { auditEvents, sessions, users } from "@/db/schema";
import { NO_META, systemActor } from "../auth/actor";
import { SignInRefusedError, signInWithPassword } from "../auth/sign-in";
import { getDb } from "../db";
import { updateSettingsSection } from "../settings/update";
import { actorFor, adminUser, createTestUser, TEST_PASSWORD } from "../testing/factories";
import { authenticateWithLdap } from "./ldap";
import { ldapConfigSchema } from "./schema";
import { createAuthSource, updateAuthSource } from "./mutations";
import { testAuthSourceConnection } from "./test-connection";

const run = slapdRequired();
let directory: LdapDirectory;
let sourceId: string;
const SLUG = "corp-ldap";
const meta = (n: number) => ({ ...NO_META, ip: `192.0.2.${n}`, userAgent: "vitest" });

const ldapConfig = (dir: LdapDirectory) => ({
  url: dir.url,
  bind_dn: dir.adminDn,
  base_dn: dir.peopleDn,
  user_filter: "(objectClass=inetOrgPerson)",
});

/** A complete config (defaults filled) for direct calls to the directory client. */
const ldapConfigFor = (dir: LdapDirectory) => ldapConfigSchema.parse(ldapConfig(dir));

async function userByEmail(email: string) {
  const db = await getDb();
  return (await db.select().from(users).where(eq(users.email, email)))[0];
}

describe.runIf(run)("LDAP password backend (real slapd)", () => {
  beforeAll(async () => {
    directory = await startLdapDirectory([
      { uid: "alice", password: "alice-ldap-pass", mail: "alice@ldap.test", givenName: "Alice", sn: "Liddell", telephoneNumber: "+14155550100" },
      { uid: "bob", password: "bob-ldap-pass", mail: "bob@ldap.test", givenName: "Bob", sn: "Builder" },
      { uid: "nomail", password: "nomail-pass" },
    ]);
    const admin = await actorFor(await adminUser());
    const source = await createAuthSource(admin, {
      slug: SLUG,
      name: "Corporate directory",
      type: "ldap",
      enabled: true,
      config: ldapConfig(directory),
      secrets: { bind_password: directory.adminPassword },
    });
    sourceId = source.id;
  });
  afterAll(async () => directory?.stop());

  it("creates the user just in time from the directory, with the source's slug, and reuses it afterwards", async () => {
    const first = await signInWithPassword({ identifier: "alice", password: "alice-ldap-pass" }, meta(1));
    expect(first).toMatchObject({ stage: "active" });
    const alice = await userByEmail("alice@ldap.test");
    expect(alice).toMatchObject({ username: "alice", authSource: SLUG, firstName: "Alice", lastName: "Liddell", name: "Alice Liddell", phone: "+14155550100", passwordHash: null });
    expect(alice.externalId).toMatch(/^[0-9a-f-]{36}$/); // entryUUID
    const db = await getDb();
    const [session] = await db.select().from(sessions).where(eq(sessions.id, first!.sessionId));
    expect(session).toMatchObject({ userId: alice.id, authSource: SLUG, methods: ["password"] });
    const [created] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "user.create"), eq(auditEvents.targetId, alice.id)));
    expect(created.metadata).toMatchObject({ just_in_time: true, source: SLUG });

    expect(await signInWithPassword({ identifier: "alice@ldap.test", password: "alice-ldap-pass" }, meta(1))).not.toBeNull();
    expect(await db.select().from(users).where(eq(users.authSource, SLUG))).toHaveLength(1);
  });

  it("refuses a wrong or empty password, and never binds with an empty one", async () => {
    const db = await getDb();
    const before = await db.select().from(users);
    expect(await signInWithPassword({ identifier: "bob", password: "not-bobs" }, meta(2))).toBeNull();
    expect(await signInWithPassword({ identifier: "bob", password: "" }, meta(2))).toBeNull();
    expect(await db.select().from(users)).toHaveLength(before.length);
    // A directory that does not exist: an empty password returns before any connection is attempted.
    const unreachable = { ...ldapConfigFor(directory), url: "ldap://127.0.0.1:1", timeout_seconds: 1 };
    expect(await authenticateWithLdap(unreachable, {}, "bob", "")).toBeNull();
    await expect(authenticateWithLdap(unreachable, {}, "bob", "x")).rejects.toThrow(/LDAP service connection failed/);
  });

  it("escapes the login in the search filter (no LDAP injection)", async () => {
    for (const identifier of ["ali*", "*", "alice)(uid=*", "*)(objectClass=*", "al\\2a"]) {
      expect(await signInWithPassword({ identifier, password: "alice-ldap-pass" }, meta(3))).toBeNull();
    }
  });

  it("refuses a directory user disabled or expired in Gatehouse, with the right password", async () => {
    await signInWithPassword({ identifier: "bob", password: "bob-ldap-pass" }, meta(4));
    const bob = await userByEmail("bob@ldap.test");
    const db = await getDb();
    await db.update(users).set({ isActive: false }).where(eq(users.id, bob.id));
    expect(await signInWithPassword({ identifier: "bob", password: "bob-ldap-pass" }, meta(4))).toBeNull();
    await db.update(users).set({ isActive: true, dateExpired: new Date(Date.now() - 1000) }).where(eq(users.id, bob.id));
    expect(await signInWithPassword({ identifier: "bob", password: "bob-ldap-pass" }, meta(4))).toBeNull();
    await db.update(users).set({ dateExpired: null }).where(eq(users.id, bob.id));
    expect(await signInWithPassword({ identifier: "bob", password: "bob-ldap-pass" }, meta(4))).not.toBeNull();
  });

  it("locks a directory user after the threshold too", async () => {
    await directory.addUser({ uid: "gina", password: "gina-ldap-pass", mail: "gina@ldap.test" });
    await signInWithPassword({ identifier: "gina", password: "gina-ldap-pass" }, meta(5));
    for (let i = 0; i < 7; i++) await signInWithPassword({ identifier: "gina", password: "wrong" }, meta(5));
    expect(await signInWithPassword({ identifier: "gina", password: "gina-ldap-pass" }, meta(5))).toBeNull();
    expect((await userByEmail("gina@ldap.test")).lockedUntil).not.toBeNull();
  });

  it("never takes over an account of another source that holds the same email", async () => {
    const local = await createTestUser({ username: "hank-local", email: "hank@ldap.test" });
    await directory.addUser({ uid: "hank", password: "hank-ldap-pass", mail: "hank@ldap.test" });
    await expect(signInWithPassword({ identifier: "hank", password: "hank-ldap-pass" }, meta(6))).rejects.toMatchObject({ code: "email_taken" });
    const db = await getDb();
    const [after] = await db.select().from(users).where(eq(users.id, local.id));
    expect(after).toMatchObject({ authSource: "internal", externalId: null, passwordHash: local.passwordHash });
    expect(await db.select().from(users).where(eq(users.email, "hank@ldap.test"))).toHaveLength(1);
    await expect(signInWithPassword({ identifier: "hank", password: "hank-ldap-pass" }, meta(6))).rejects.toBeInstanceOf(SignInRefusedError);
  });

  it("refuses a directory entry without an email", async () => {
    await expect(signInWithPassword({ identifier: "nomail", password: "nomail-pass" }, meta(7))).rejects.toMatchObject({ code: "missing_email" });
  });

  it("tries only the user's own source when the setting says so, every backend otherwise", async () => {
    // ivy is a local Gatehouse account; the directory has an "ivy" with its own password and the same email.
    await createTestUser({ username: "ivy", email: "ivy@ldap.test" });
    await directory.addUser({ uid: "ivy", password: "ivy-ldap-pass", mail: "ivy@ldap.test" });
    // Off (default): the directory is asked too, proves the password, and the email conflict is reported.
    await expect(signInWithPassword({ identifier: "ivy", password: "ivy-ldap-pass" }, meta(8))).rejects.toMatchObject({ code: "email_taken" });
    await updateSettingsSection(systemActor(), "login", { only_user_source: true });
    try {
      // On: ivy's source is internal, so the directory is never asked.
      expect(await signInWithPassword({ identifier: "ivy", password: "ivy-ldap-pass" }, meta(8))).toBeNull();
      expect(await signInWithPassword({ identifier: "ivy", password: TEST_PASSWORD }, meta(8))).not.toBeNull();
      // A login Gatehouse does not know yet still reaches every backend (just-in-time creation keeps working).
      await directory.addUser({ uid: "jack", password: "jack-ldap-pass", mail: "jack@ldap.test" });
      expect(await signInWithPassword({ identifier: "jack", password: "jack-ldap-pass" }, meta(8))).not.toBeNull();
      // A directory user is checked only against the directory: a local password is never consulted.
      expect(await signInWithPassword({ identifier: "jack", password: "jack-ldap-pass" }, meta(8))).not.toBeNull();
    } finally {
      await updateSettingsSection(systemActor(), "login", { only_user_source: false });
    }
  });

  it("keeps local sign-in working when the directory is down, and skips a disabled source", async () => {
    const admin = await actorFor(await adminUser());
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    await updateAuthSource(admin, sourceId, { config: { url: "ldap://127.0.0.1:1", timeout_seconds: 1 } });
    try {
      const local = await createTestUser();
      expect(await signInWithPassword({ identifier: local.username, password: TEST_PASSWORD }, meta(9))).not.toBeNull();
      expect(await signInWithPassword({ identifier: "alice", password: "alice-ldap-pass" }, meta(9))).toBeNull();
      expect(errors.mock.calls.some((c) => String(c[0]).includes(`LDAP source ${SLUG} unavailable`))).toBe(true);
    } finally {
      await updateAuthSource(admin, sourceId, { config: { url: directory.url, timeout_seconds: 10 } });
      errors.mockRestore();
    }
    await updateAuthSource(admin, sourceId, { enabled: false });
    expect(await signInWithPassword({ identifier: "alice", password: "alice-ldap-pass" }, meta(9))).toBeNull();
    await updateAuthSource(admin, sourceId, { enabled: true });
    expect(await signInWithPassword({ identifier: "alice", password: "alice-ldap-pass" }, meta(9))).not.toBeNull();
  });

  it("speaks LDAPS and StartTLS, trusting only the configured CA", async () => {
    const secure = await startLdapDirectory([{ uid: "tina", password: "tina-ldap-pass", mail: "tina@ldap.test" }], { tls: true });
    try {
      const base = { ...ldapConfigFor(secure), tls_ca: secure.caPem! };
      const secrets = { bind_password: secure.adminPassword };
      expect(await authenticateWithLdap({ ...base, url: secure.ldapsUrl! }, secrets, "tina", "tina-ldap-pass")).toMatchObject({ email: "tina@ldap.test" });
      expect(await authenticateWithLdap({ ...base, start_tls: true }, secrets, "tina", "tina-ldap-pass")).toMatchObject({ email: "tina@ldap.test" });
      // Without the CA the self-signed certificate is not trusted: a configuration problem, never a sign-in.
      await expect(authenticateWithLdap({ ...base, url: secure.ldapsUrl!, tls_ca: "" }, secrets, "tina", "tina-ldap-pass")).rejects.toThrow(/LDAP service connection failed/);
      await expect(authenticateWithLdap({ ...base, start_tls: true, tls_ca: "" }, secrets, "tina", "tina-ldap-pass")).rejects.toThrow(/LDAP service connection failed/);
    } finally {
      await secure.stop();
    }
  });

  it("tests the connection, using the stored bind password when the form leaves it blank", async () => {
    const admin = await actorFor(await adminUser());
    const stored = await testAuthSourceConnection(admin, { id: sourceId, type: "ldap", config: ldapConfig(directory), secrets: { bind_password: "" } });
    expect(stored).toMatchObject({ ok: true });
    expect(stored.message).toMatch(/finds \d+ entries/);
    const wrong = await testAuthSourceConnection(admin, { type: "ldap", config: ldapConfig(directory), secrets: { bind_password: "nope" } });
    expect(wrong).toMatchObject({ ok: false });
    expect(wrong.message).toMatch(/refused the bind DN or its password/);
  });
});
