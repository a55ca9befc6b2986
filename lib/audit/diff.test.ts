import { describe, expect, it } from "vitest";
import { diffChanges, REDACTED, redact } from "./diff";

describe("audit diff", () => {
  it("keeps only changed fields and redacts secrets", () => {
    const diff = diffChanges(
      { email: "a@x.test", name: "A", password_hash: "$argon2id$old", is_active: true },
      { email: "b@x.test", name: "A", password_hash: "$argon2id$new", is_active: true },
    );
    expect(diff).toEqual({ email: { before: "a@x.test", after: "b@x.test" }, password_hash: { before: REDACTED, after: REDACTED } });
  });

  it("records creations and deletions", () => {
    expect(diffChanges(null, { name: "x", token: "t" })).toEqual({ name: { after: "x" }, token: { after: REDACTED } });
    expect(diffChanges({ name: "x" }, null)).toEqual({ name: { before: "x" } });
  });

  it("keeps flags whose names merely mention a secret", () => {
    expect(diffChanges({ must_change_password: false }, { must_change_password: true })).toEqual({ must_change_password: { before: false, after: true } });
    expect(redact({ password_changed: true, otp_attempts: 3 })).toEqual({ password_changed: true, otp_attempts: 3 });
  });

  it("can leave admin-chosen keys (attribute keys) unredacted", () => {
    expect(diffChanges({ postal_code: "1000" }, { postal_code: "2000" }, { redactSecrets: false })).toEqual({ postal_code: { before: "1000", after: "2000" } });
  });

  it("redacts secret-looking metadata", () => {
    expect(redact({ name: "ci", client_secret: "s", totp_seed: "x" })).toEqual({ name: "ci", client_secret: REDACTED, totp_seed: REDACTED });
  });
});
