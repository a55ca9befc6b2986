import { describe, expect, it } from "vitest";
import { randomBase62, safeEqual } from "./random";
import { decryptSecret, encryptSecret } from "./secret-box";

describe("secret box", () => {
  it("round-trips, uses a fresh IV each time, and never contains the plaintext", () => {
    const a = encryptSecret("JBSWY3DPEHPK3PXP", "totp");
    const b = encryptSecret("JBSWY3DPEHPK3PXP", "totp");
    expect(a).not.toBe(b);
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
    expect(decryptSecret(a, "totp")).toBe("JBSWY3DPEHPK3PXP");
  });

  it("refuses a tampered envelope and a different purpose", () => {
    const envelope = encryptSecret("secret", "ldap");
    const parts = envelope.split(".");
    const flipped = Buffer.from(parts[2], "base64url");
    flipped[0] ^= 1;
    expect(() => decryptSecret([parts[0], parts[1], flipped.toString("base64url"), parts[3]].join("."), "ldap")).toThrow();
    expect(() => decryptSecret(envelope, "oidc")).toThrow();
    expect(() => decryptSecret("garbage", "ldap")).toThrow();
  });
});

describe("random tokens", () => {
  it("are base62 of the requested length with every symbol in use", () => {
    const sample = Array.from({ length: 200 }, () => randomBase62(43)).join("");
    expect(sample).toMatch(/^[0-9A-Za-z]+$/);
    expect(new Set(sample).size).toBe(62);
    expect(randomBase62(7)).toHaveLength(7);
  });

  it("compare in constant time and exactly", () => {
    expect(safeEqual("abc", "abc")).toBe(true);
    expect(safeEqual("abc", "abd")).toBe(false);
    expect(safeEqual("abc", "abcd")).toBe(false);
  });
});
