import nodemailer from "nodemailer";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetMailTransport, sendMail } from "./mail";
import { passwordLinkMail } from "./templates";

afterEach(() => {
  vi.restoreAllMocks();
  resetMailTransport();
});

describe("sendMail without SMTP_URL (development transport)", () => {
  it("composes the message and logs recipient, subject and text instead of sending it", async () => {
    const log = vi.spyOn(console, "info").mockImplementation(() => {});
    const sent = await sendMail({ to: "ada@example.test", subject: "Hello there", text: "Line one\nLine two" });
    expect(sent.transport).toBe("log");
    expect(sent.messageId).toMatch(/@/);
    expect(log).toHaveBeenCalledTimes(1);
    const line = String(log.mock.calls[0][0]);
    expect(line).toContain("To: ada@example.test");
    expect(line).toContain("Subject: Hello there");
    expect(line).toContain("Line one\nLine two");
  });

  it("builds the transport once, lazily", async () => {
    vi.spyOn(console, "info").mockImplementation(() => {});
    const create = vi.spyOn(nodemailer, "createTransport");
    await sendMail({ to: "a@example.test", subject: "1", text: "1" });
    await sendMail({ to: "b@example.test", subject: "2", text: "2" });
    expect(create).toHaveBeenCalledTimes(1);
  });

  it.each(["a@example.test, b@example.test", "a@example.test\r\nBcc: b@example.test", "Eve <eve@example.test>", "not-an-address"])(
    "refuses anything but one plain recipient address: %j",
    async (to) => {
      const log = vi.spyOn(console, "info").mockImplementation(() => {});
      await expect(sendMail({ to, subject: "x", text: "x" })).rejects.toThrow(/one plain email address/);
      expect(log).not.toHaveBeenCalled();
    },
  );
});

describe("passwordLinkMail", () => {
  const base = { to: "ada@example.test", name: "Ada <Lovelace>", username: "ada", url: "http://localhost:3000/reset-password/abc", now: new Date(0) };

  it("tells a setup link from a reset link, with the link and its lifetime in text and HTML", () => {
    const setup = passwordLinkMail({ ...base, purpose: "setup", expiresAt: new Date(72 * 3_600_000) });
    const reset = passwordLinkMail({ ...base, purpose: "reset", expiresAt: new Date(30 * 60_000) });
    expect(setup.subject).toBe("Set up your Gatehouse password");
    expect(reset.subject).toBe("Reset your Gatehouse password");
    expect(setup.text).toContain(base.url);
    expect(setup.text).toContain("expires in 3 days");
    expect(reset.text).toContain("expires in 30 minutes");
    expect(reset.text).toContain('"ada"');
    expect(reset.html).toContain(`href="${base.url}"`);
    expect(setup.to).toBe("ada@example.test");
  });

  it("escapes names in the HTML part", () => {
    const mail = passwordLinkMail({ ...base, purpose: "reset", expiresAt: new Date(30 * 60_000) });
    expect(mail.html).toContain("Ada &lt;Lovelace&gt;");
    expect(mail.html).not.toContain("<Lovelace>");
  });
});
