import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { NO_META } from "../auth/actor";
import { getDb } from "../db";
import { authenticatedMinutesAgo, signedIn } from "../profile/test-helpers";
import { createSession } from "../sessions/sessions";
import { createTestUser } from "../testing/factories";
import { passkeyRegistrationOptions, verifyPasskeyRegistration } from "./passkey-register";
import { passkeyUser, registerWith, RP, softAuthenticator, storedCredential } from "./passkey-test-helpers";
import { deletePasskey, listPasskeys, renamePasskey } from "./passkeys";
import { mfaSelfFromActor, mfaSelfFromSetup } from "./self";
import { PASSKEY_CHALLENGE_TTL_MS } from "./webauthn-config";
import { auditOf, freshSelf, setMfaSettings } from "./testing";

const codeOf = (promise: Promise<unknown>) => promise.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));

describe("registering a passkey", () => {
  it("stores the credential (no key material in the audit), lists it, and turns MFA on for a Disabled person", async () => {
    const { user, self } = await freshSelf({ mfaPolicy: "disabled" });
    const auth = softAuthenticator({ synced: true });
    const { challenge_id, options } = await passkeyRegistrationOptions(self);
    expect(options.rp).toEqual({ name: "Gatehouse", id: "localhost" });
    expect(options.attestation).toBe("none");
    expect(options.authenticatorSelection).toMatchObject({ residentKey: "preferred", userVerification: "preferred" });
    expect(isoBase64URL.toUTF8String(options.user.id)).toBe(user.id);
    expect(isoBase64URL.toBuffer(options.challenge).length).toBeGreaterThanOrEqual(16);

    const response = auth.register(options);
    const created = await verifyPasskeyRegistration(self, { challenge_id, name: "  Laptop  ", response });
    expect(created).toEqual({ id: response.id, name: "Laptop" });

    const row = await storedCredential(response.id);
    expect(row).toMatchObject({ userId: user.id, name: "Laptop", counter: 0, deviceType: "multiDevice", backedUp: true, transports: ["internal"] });
    expect(row.publicKey.length).toBeGreaterThan(60);
    const listed = await listPasskeys(user.id);
    expect(listed).toEqual([{ id: response.id, name: "Laptop", created_at: expect.any(String), last_used_at: null, device_type: "multiDevice", backed_up: true }]);

    const db = await getDb();
    const [after] = await db.select({ policy: users.mfaPolicy }).from(users).where(eq(users.id, user.id));
    expect(after.policy).toBe("enabled");

    const events = await auditOf(user.id, "mfa.passkey.register");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ outcome: "success", actorId: user.id, metadata: { credential_id: response.id, name: "Laptop", device_type: "multiDevice", via: "profile" } });
    const serialized = JSON.stringify(events);
    expect(serialized).not.toContain(isoBase64URL.fromBuffer(new Uint8Array(row.publicKey)));
    expect(serialized).not.toContain(Buffer.from(row.publicKey).toString("hex"));
    expect(serialized).not.toContain(response.response.attestationObject);
  });

  it("excludes the person's existing credentials, and refuses the same credential twice (409)", async () => {
    const { self, auth, credentialId } = await passkeyUser();
    const { challenge_id, options } = await passkeyRegistrationOptions(self);
    expect(options.excludeCredentials?.map((c) => c.id)).toEqual([credentialId]);
    // A second registration that presents an already stored credential id.
    const response = auth.register(options);
    const db = await getDb();
    const row = await storedCredential(credentialId);
    await db.insert((await import("@/db/schema")).webauthnCredentials).values({ ...row, id: response.id, name: "Clone" });
    await expect(verifyPasskeyRegistration(self, { challenge_id, name: "Again", response })).rejects.toMatchObject({ code: "conflict" });
  });

  it("spends the challenge once, refuses it after its lifetime, and only for the session it was issued to", async () => {
    const { user, self } = await freshSelf();
    const auth = softAuthenticator();

    const first = await passkeyRegistrationOptions(self);
    const response = auth.register(first.options);
    await verifyPasskeyRegistration(self, { challenge_id: first.challenge_id, name: "One", response });
    expect(await codeOf(verifyPasskeyRegistration(self, { challenge_id: first.challenge_id, name: "Replay", response: auth.register(first.options) }))).toBe("bad_request");

    const late = await passkeyRegistrationOptions(self);
    const tooLate = new Date(Date.now() + PASSKEY_CHALLENGE_TTL_MS + 1_000);
    expect(await codeOf(verifyPasskeyRegistration(self, { challenge_id: late.challenge_id, name: "Late", response: auth.register(late.options) }, tooLate))).toBe("bad_request");

    // The same person in another session (another browser) cannot answer this session's challenge.
    const mine = await passkeyRegistrationOptions(self);
    const other = await signedIn(user);
    const otherSelf = await mfaSelfFromActor(other.actor);
    expect(await codeOf(verifyPasskeyRegistration(otherSelf, { challenge_id: mine.challenge_id, name: "Other", response: auth.register(mine.options) }))).toBe("bad_request");
    // ...and the refusal did not spend it: the right session still can.
    expect(await codeOf(verifyPasskeyRegistration(self, { challenge_id: mine.challenge_id, name: "Mine", response: auth.register(mine.options) }))).toBe("ok");
    expect((await listPasskeys(user.id)).map((p) => p.name)).toEqual(["One", "Mine"]);
  });

  it("refuses an attestation made for another origin or RP ID, or one answering another challenge", async () => {
    const { user, self } = await freshSelf();
    const auth = softAuthenticator();
    for (const overrides of [{ origin: "https://evil.example" }, { rpId: "evil.example" }, { origin: `${RP.origin}:1` }]) {
      const { challenge_id, options } = await passkeyRegistrationOptions(self);
      expect(await codeOf(verifyPasskeyRegistration(self, { challenge_id, name: "Bad", response: auth.register(options, overrides) }))).toBe("bad_request");
    }
    const a = await passkeyRegistrationOptions(self);
    const b = await passkeyRegistrationOptions(self);
    expect(await codeOf(verifyPasskeyRegistration(self, { challenge_id: a.challenge_id, name: "Swapped", response: auth.register(b.options) }))).toBe("bad_request");
    expect(await listPasskeys(user.id)).toEqual([]);
  });

  it("validates the name (1–64 characters after trimming) before spending the challenge", async () => {
    const { self } = await freshSelf();
    const auth = softAuthenticator();
    const { challenge_id, options } = await passkeyRegistrationOptions(self);
    const response = auth.register(options);
    await expect(verifyPasskeyRegistration(self, { challenge_id, name: "   ", response })).rejects.toMatchObject({ code: "validation", details: { fieldErrors: { "": expect.any(Array) } } });
    expect(await codeOf(verifyPasskeyRegistration(self, { challenge_id, name: "x".repeat(65), response }))).toBe("validation");
    expect(await codeOf(verifyPasskeyRegistration(self, { challenge_id, name: "x".repeat(64), response }))).toBe("ok");
  });

  it("is refused when the administrator has not enabled passkeys (or MFA is off)", async () => {
    const { self } = await freshSelf();
    await setMfaSettings({ passkey: false });
    try {
      expect(await codeOf(passkeyRegistrationOptions(self))).toBe("forbidden");
    } finally {
      await setMfaSettings({ passkey: true });
    }
    const pending = await passkeyRegistrationOptions(self);
    await setMfaSettings({ policy: "off" });
    try {
      expect(await codeOf(passkeyRegistrationOptions(self))).toBe("forbidden");
      expect(await codeOf(verifyPasskeyRegistration(self, { challenge_id: pending.challenge_id, name: "Late", response: softAuthenticator().register(pending.options) }))).toBe("forbidden");
    } finally {
      await setMfaSettings({ policy: "optional" });
    }
  });

  it("needs a recent authentication from the profile (T14): older than 10 minutes is refused", async () => {
    const user = await createTestUser();
    const { actor, sessionId } = await signedIn(user);
    await authenticatedMinutesAgo(sessionId, 11);
    expect(await codeOf(mfaSelfFromActor(actor))).toBe("unauthenticated");
    await authenticatedMinutesAgo(sessionId, 9);
    expect(await codeOf(mfaSelfFromActor(actor))).toBe("ok");
  });

  it("works during forced setup (a session at stage mfa_enroll), audited as via setup", async () => {
    const user = await createTestUser({ mfaPolicy: "force_enabled" });
    const db = await getDb();
    const session = await createSession(db, { userId: user.id, stage: "mfa_enroll", authSource: "internal", methods: ["password"], meta: NO_META });
    const self = await mfaSelfFromSetup({ session, user }, NO_META);
    await registerWith(self, softAuthenticator(), "Phone");
    expect((await auditOf(user.id, "mfa.passkey.register"))[0].metadata).toMatchObject({ via: "setup", name: "Phone" });
  });
});

describe("managing passkeys", () => {
  it("renames one's own passkey (audited with before/after), and another person's is not found", async () => {
    const { user, self, credentialId } = await passkeyUser();
    const dto = await renamePasskey(self, credentialId, "  Work laptop ");
    expect(dto.name).toBe("Work laptop");
    const events = await auditOf(user.id, "mfa.passkey.rename");
    expect(events).toHaveLength(1);
    expect(events[0].diff).toEqual({ name: { before: "Laptop", after: "Work laptop" } });

    const stranger = await freshSelf();
    expect(await codeOf(renamePasskey(stranger.self, credentialId, "Mine now"))).toBe("not_found");
    expect(await codeOf(renamePasskey(stranger.self, "no-such-credential", "Mine now"))).toBe("not_found");
    expect(await codeOf(renamePasskey(self, credentialId, ""))).toBe("validation");
    expect((await storedCredential(credentialId)).name).toBe("Work laptop");
  });

  it("deletes one's own passkey (audited); another person's is not found and stays", async () => {
    const { user, self, credentialId } = await passkeyUser();
    const stranger = await freshSelf();
    expect(await codeOf(deletePasskey(stranger.self, credentialId))).toBe("not_found");
    expect(await storedCredential(credentialId)).toBeDefined();
    expect(await auditOf(stranger.user.id, "mfa.passkey.remove")).toEqual([]);

    await deletePasskey(self, credentialId);
    expect(await listPasskeys(user.id)).toEqual([]);
    const events = await auditOf(user.id, "mfa.passkey.remove");
    expect(events).toHaveLength(1);
    expect(events[0].metadata).toMatchObject({ credential_id: credentialId, name: "Laptop" });
    expect(await codeOf(deletePasskey(self, credentialId))).toBe("not_found");
  });

  it("refuses to delete the last factor of a person who must have one (409), but allows it when another remains", async () => {
    const { user, self, credentialId } = await passkeyUser({ user: { mfaPolicy: "force_enabled" } });
    expect(await codeOf(deletePasskey(self, credentialId))).toBe("conflict");
    expect(await storedCredential(credentialId)).toBeDefined();
    const second = await registerWith(self, softAuthenticator(), "Key");
    await deletePasskey(self, credentialId);
    expect(await codeOf(deletePasskey(self, second))).toBe("conflict");
    expect((await listPasskeys(user.id)).map((p) => p.id)).toEqual([second]);
  });
});
