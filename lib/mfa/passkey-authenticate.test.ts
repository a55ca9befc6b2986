import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { describe, expect, it } from "vitest";
import { NO_META, type RequestMeta } from "../auth/actor";
import { resetRateLimit } from "../rate-limit/limiter";
import { passkeyLoginOptions, passkeyStepOptions, PASSKEY_LOGIN_OPTIONS_RATE, verifyPasskeyLogin } from "./passkey-authenticate";
import { mfaStepSession, passkeyUser, RP, setStoredCounter, stepCeremony, stepInOwnTx, storedCredential } from "./passkey-test-helpers";
import type { SoftAuthenticator } from "./testing/soft-authenticator";
import { PASSKEY_CHALLENGE_TTL_MS } from "./webauthn-config";
import { auditOf, setMfaSettings, trials } from "./testing";

const codeOf = (promise: Promise<unknown>) => promise.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));
const META: RequestMeta = { ip: "203.0.113.7", userAgent: "vitest", requestId: null };

async function loginCeremony(auth: SoftAuthenticator, overrides: Parameters<SoftAuthenticator["assert"]>[1] = {}, now?: Date) {
  const { challenge_id, options } = await passkeyLoginOptions(META);
  return verifyPasskeyLogin({ challenge_id, response: auth.assert(options, overrides) }, META, now);
}

describe("T15: passkey as the second factor", () => {
  it("accepts a valid assertion, moves the counter and records the last use", async () => {
    const { user, auth, credentialId } = await passkeyUser();
    const sessionId = await mfaStepSession(user);
    const { challenge_id, options } = await passkeyStepOptions({ userId: user.id, sessionId });
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([credentialId]);
    expect(options.userVerification).toBe("preferred");
    expect(options.rpId).toBe(RP.rpId);
    expect(isoBase64URL.toBuffer(options.challenge).length).toBeGreaterThanOrEqual(16);
    expect(await stepInOwnTx({ userId: user.id, sessionId, challengeId: challenge_id }, auth.assert(options))).toBe(true);
    const row = await storedCredential(credentialId);
    expect(row.counter).toBe(1);
    expect(row.lastUsedAt).toBeInstanceOf(Date);
    // User verification is only preferred at the step: presence alone is enough.
    expect(await stepCeremony(user, sessionId, auth, { userVerified: false })).toBe(true);
  });

  it("refuses a replayed assertion: the challenge is single use, and another challenge does not match it", async () => {
    const { user, auth } = await passkeyUser();
    const sessionId = await mfaStepSession(user);
    const { challenge_id, options } = await passkeyStepOptions({ userId: user.id, sessionId });
    const response = auth.assert(options);
    const ref = { userId: user.id, sessionId, challengeId: challenge_id };
    expect(await stepInOwnTx(ref, response)).toBe(true);
    expect(await stepInOwnTx(ref, response)).toBe(false);
    const fresh = await passkeyStepOptions({ userId: user.id, sessionId });
    expect(await stepInOwnTx({ ...ref, challengeId: fresh.challenge_id }, response)).toBe(false);
  });

  it("refuses a replay from an authenticator without a counter (only the single-use challenge stops it)", async () => {
    const { user, auth } = await passkeyUser({ counterStep: 0 });
    const sessionId = await mfaStepSession(user);
    const { challenge_id, options } = await passkeyStepOptions({ userId: user.id, sessionId });
    const response = auth.assert(options);
    const ref = { userId: user.id, sessionId, challengeId: challenge_id };
    expect(await stepInOwnTx(ref, response)).toBe(true);
    expect(await stepInOwnTx(ref, response)).toBe(false);
    expect(await auditOf(user.id, "mfa.passkey.counter_regression")).toEqual([]);
  });

  it("spends the challenge even when the answer is wrong", async () => {
    const { user, auth } = await passkeyUser();
    const sessionId = await mfaStepSession(user);
    const { challenge_id, options } = await passkeyStepOptions({ userId: user.id, sessionId });
    const ref = { userId: user.id, sessionId, challengeId: challenge_id };
    expect(await stepInOwnTx(ref, auth.assert(options, { origin: "https://evil.example" }))).toBe(false);
    expect(await stepInOwnTx(ref, auth.assert(options))).toBe(false);
  });

  it("refuses an expired challenge (TTL + 1 s) and accepts one just inside its lifetime", async () => {
    const { user, auth } = await passkeyUser();
    const sessionId = await mfaStepSession(user);
    const base = Date.now();
    expect(await stepCeremony(user, sessionId, auth, {}, new Date(base + PASSKEY_CHALLENGE_TTL_MS + 1_000))).toBe(false);
    expect(await stepCeremony(user, sessionId, auth, {}, new Date(base + PASSKEY_CHALLENGE_TTL_MS - 5_000))).toBe(true);
  });

  it("refuses a wrong origin and a wrong RP ID", async () => {
    const { user, auth } = await passkeyUser();
    const sessionId = await mfaStepSession(user);
    expect(await stepCeremony(user, sessionId, auth, { origin: "https://evil.example" })).toBe(false);
    expect(await stepCeremony(user, sessionId, auth, { origin: "http://localhost:3001" })).toBe(false);
    expect(await stepCeremony(user, sessionId, auth, { rpId: "evil.example" })).toBe(false);
    expect(await stepCeremony(user, sessionId, auth, { rpId: "127.0.0.1" })).toBe(false);
    expect(await stepCeremony(user, sessionId, auth)).toBe(true);
  });

  it("refuses counter regressions (stored 10 → presented 10 and 5) with an audit event, and accepts 11", async () => {
    const { user, auth, credentialId } = await passkeyUser();
    const sessionId = await mfaStepSession(user);
    await setStoredCounter(credentialId, 10);
    expect(await stepCeremony(user, sessionId, auth, { counter: 10 })).toBe(false);
    expect(await stepCeremony(user, sessionId, auth, { counter: 5 })).toBe(false);
    expect((await storedCredential(credentialId)).counter).toBe(10);
    const events = await auditOf(user.id, "mfa.passkey.counter_regression");
    expect(events.map((e) => [e.outcome, e.metadata])).toEqual([
      ["failure", { credential_id: credentialId, credential_name: "Laptop", stored_counter: 10, presented_counter: 10, via: "mfa" }],
      ["failure", { credential_id: credentialId, credential_name: "Laptop", stored_counter: 10, presented_counter: 5, via: "mfa" }],
    ]);
    expect(await stepCeremony(user, sessionId, auth, { counter: 11 })).toBe(true);
    expect((await storedCredential(credentialId)).counter).toBe(11);
  });

  it("does not report a regression for a badly signed assertion (only a genuine signature is a clone signal)", async () => {
    const { user, auth, credentialId } = await passkeyUser();
    const sessionId = await mfaStepSession(user);
    await setStoredCounter(credentialId, 10);
    expect(await stepCeremony(user, sessionId, auth, { counter: 3, origin: "https://evil.example" })).toBe(false);
    expect(await auditOf(user.id, "mfa.passkey.counter_regression")).toEqual([]);
  });

  it("accepts 0/0 (an authenticator without a counter), twice", async () => {
    const { user, auth, credentialId } = await passkeyUser({ counterStep: 0 });
    const sessionId = await mfaStepSession(user);
    expect(await stepCeremony(user, sessionId, auth)).toBe(true);
    expect(await stepCeremony(user, sessionId, auth)).toBe(true);
    expect((await storedCredential(credentialId)).counter).toBe(0);
    // Once a counter has been seen, 0 is a regression.
    expect(await stepCeremony(user, sessionId, auth, { counter: 4 })).toBe(true);
    expect(await stepCeremony(user, sessionId, auth, { counter: 0 })).toBe(false);
  });

  it("refuses the credential of user A presented for user B", async () => {
    const a = await passkeyUser();
    const b = await passkeyUser();
    const sessionId = await mfaStepSession(b.user);
    const { challenge_id, options } = await passkeyStepOptions({ userId: b.user.id, sessionId });
    const ref = { userId: b.user.id, sessionId, challengeId: challenge_id };
    expect(await stepInOwnTx(ref, a.auth.assert(options, { credentialId: a.credentialId }))).toBe(false);
    // Nor with B's user handle pasted in.
    const again = await passkeyStepOptions({ userId: b.user.id, sessionId });
    const handle = isoBase64URL.fromUTF8String(b.user.id);
    expect(await stepInOwnTx({ ...ref, challengeId: again.challenge_id }, a.auth.assert(again.options, { credentialId: a.credentialId, userHandle: handle }))).toBe(false);
    expect((await storedCredential(a.credentialId)).counter).toBe(0);
  });

  it("binds the step challenge to its user and sign-in", async () => {
    const { user, auth } = await passkeyUser();
    const sessionId = await mfaStepSession(user);
    const otherSession = await mfaStepSession(user);
    const { challenge_id, options } = await passkeyStepOptions({ userId: user.id, sessionId });
    const response = auth.assert(options);
    expect(await stepInOwnTx({ userId: user.id, sessionId: otherSession, challengeId: challenge_id }, response)).toBe(false);
    expect(await stepInOwnTx({ userId: user.id, sessionId, challengeId: challenge_id }, response)).toBe(true);
  });

  it("answers false, never throws, for malformed input", async () => {
    const { user, auth } = await passkeyUser();
    const sessionId = await mfaStepSession(user);
    const { challenge_id, options } = await passkeyStepOptions({ userId: user.id, sessionId });
    const ref = { userId: user.id, sessionId, challengeId: challenge_id };
    expect(await stepInOwnTx({ ...ref, challengeId: "not-a-uuid" }, auth.assert(options))).toBe(false);
    const good = auth.assert(options);
    for (const bad of [{}, { ...good, type: "other" }, { ...good, response: { ...good.response, signature: "!!" } }, { ...good, response: { ...good.response, signature: "AAAA" } }]) {
      const fresh = await passkeyStepOptions({ userId: user.id, sessionId });
      expect(await stepInOwnTx({ ...ref, challengeId: fresh.challenge_id }, bad as never)).toBe(false);
    }
  });

  it(`10 concurrent assertions with the same counter: at most one succeeds, in ${trials(20)} of ${trials(20)} trials`, async () => {
    const { user, auth, credentialId } = await passkeyUser();
    const sessionId = await mfaStepSession(user);
    const n = trials(20);
    const winners: number[] = [];
    for (let trial = 1; trial <= n; trial++) {
      const counter = trial * 5;
      // Ten ceremonies, each with its own challenge, all presenting the same counter (a cloned authenticator).
      const ceremonies = await Promise.all(Array.from({ length: 10 }, () => passkeyStepOptions({ userId: user.id, sessionId })));
      const answers = ceremonies.map(({ challenge_id, options }) => ({ challenge_id, response: auth.assert(options, { counter }) }));
      const results = await Promise.all(answers.map((a) => stepInOwnTx({ userId: user.id, sessionId, challengeId: a.challenge_id }, a.response)));
      winners.push(results.filter(Boolean).length);
      expect((await storedCredential(credentialId)).counter).toBe(counter);
    }
    expect(winners.filter((w) => w > 1)).toEqual([]);
    expect(winners.filter((w) => w !== 1)).toEqual([]); // and the genuine first one does get through
    expect(await auditOf(user.id, "mfa.passkey.counter_regression")).toHaveLength(9 * n);
    console.info(`T15 concurrency: ${winners.filter((w) => w <= 1).length}/${n} trials with ≤ 1 success of 10 concurrent same-counter assertions (max ${Math.max(...winners)})`);
  }, Math.max(120_000, trials(20) * 3_000));
});

describe("T15: passwordless sign-in", () => {
  it("signs in with a discoverable credential: no allowCredentials, user verification required", async () => {
    const { user, auth, credentialId } = await passkeyUser();
    const { options } = await passkeyLoginOptions(META);
    expect(options.allowCredentials ?? []).toEqual([]);
    expect(options.userVerification).toBe("required");
    expect(isoBase64URL.toBuffer(options.challenge).length).toBeGreaterThanOrEqual(16);
    expect((await loginCeremony(auth))?.id).toBe(user.id);
    expect((await storedCredential(credentialId)).counter).toBe(1);
    // Without user verification, a passkey alone is not enough to sign in.
    expect(await loginCeremony(auth, { userVerified: false })).toBeNull();
    const failures = await auditOf(user.id, "auth.sign_in");
    expect(failures.map((e) => [e.outcome, (e.metadata as { reason?: string }).reason, (e.metadata as { method?: string }).method])).toEqual([["failure", "passkey_invalid", "passkey"]]);
  });

  it("refuses replays, expired challenges, wrong origin and RP ID", async () => {
    const { auth } = await passkeyUser({ counterStep: 0 });
    const { challenge_id, options } = await passkeyLoginOptions(META);
    const response = auth.assert(options);
    expect(await verifyPasskeyLogin({ challenge_id, response }, META)).not.toBeNull();
    expect(await verifyPasskeyLogin({ challenge_id, response }, META)).toBeNull();
    expect(await loginCeremony(auth, {}, new Date(Date.now() + PASSKEY_CHALLENGE_TTL_MS + 1_000))).toBeNull();
    expect(await loginCeremony(auth, { origin: "https://evil.example" })).toBeNull();
    expect(await loginCeremony(auth, { rpId: "evil.example" })).toBeNull();
    expect(await loginCeremony(auth)).not.toBeNull();
  });

  it("refuses a user handle that does not name the credential's owner, and an unknown credential", async () => {
    const a = await passkeyUser();
    const b = await passkeyUser();
    expect(await loginCeremony(a.auth, { userHandle: isoBase64URL.fromUTF8String(b.user.id) })).toBeNull();
    expect((await loginCeremony(a.auth, { userHandle: null }))?.id).toBe(a.user.id);
    const { challenge_id, options } = await passkeyLoginOptions(META);
    const response = a.auth.assert(options);
    expect(await verifyPasskeyLogin({ challenge_id, response: { ...response, id: "AAAA", rawId: "AAAA" } }, META)).toBeNull();
  });

  it("applies the counter rule and audits a regression", async () => {
    const { user, auth, credentialId } = await passkeyUser();
    await setStoredCounter(credentialId, 10);
    expect(await loginCeremony(auth, { counter: 10 })).toBeNull();
    expect(await loginCeremony(auth, { counter: 5 })).toBeNull();
    expect(await auditOf(user.id, "mfa.passkey.counter_regression")).toHaveLength(2);
    expect((await loginCeremony(auth, { counter: 11 }))?.id).toBe(user.id);
  });

  it("a challenge issued for the MFA step cannot be used to sign in, nor the other way round", async () => {
    const { user, auth } = await passkeyUser();
    const sessionId = await mfaStepSession(user);
    const step = await passkeyStepOptions({ userId: user.id, sessionId });
    expect(await verifyPasskeyLogin({ challenge_id: step.challenge_id, response: auth.assert(step.options) }, META)).toBeNull();
    const login = await passkeyLoginOptions(META);
    expect(await stepInOwnTx({ userId: user.id, sessionId, challengeId: login.challenge_id }, auth.assert(login.options))).toBe(false);
  });

  it("is switched off by the passwordless setting and by the passkey backend", async () => {
    const { auth } = await passkeyUser();
    const pending = await passkeyLoginOptions(META);
    for (const off of [{ passwordless: false }, { passkey: false }]) {
      await setMfaSettings(off);
      try {
        expect(await codeOf(passkeyLoginOptions(META))).toBe("forbidden");
        expect(await verifyPasskeyLogin({ challenge_id: pending.challenge_id, response: auth.assert(pending.options) }, META)).toBeNull();
      } finally {
        await setMfaSettings({ passwordless: true, passkey: true });
      }
    }
    expect(await verifyPasskeyLogin({ challenge_id: pending.challenge_id, response: auth.assert(pending.options) }, META)).not.toBeNull();
  });

  it("rate-limits the options per client address", async () => {
    const meta: RequestMeta = { ...NO_META, ip: "198.51.100.9" };
    await resetRateLimit(`passkey-login-options:${meta.ip}`);
    for (let i = 0; i < PASSKEY_LOGIN_OPTIONS_RATE.limit; i++) await passkeyLoginOptions(meta);
    expect(await codeOf(passkeyLoginOptions(meta))).toBe("rate_limited");
    expect(await codeOf(passkeyLoginOptions(META))).toBe("ok");
  });
});
