import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { env } from "../env";
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

describe("sendMail with SMTP_URL", () => {
  it("delivers through SMTP from MAIL_FROM, and logs nothing", async () => {
    const received: { from?: string; to: string[]; subject?: string; text?: string }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream).then((mail) => {
          received.push({ from: mail.from?.value[0]?.address, to: session.envelope.rcptTo.map((r) => r.address), subject: mail.subject, text: mail.text });
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.server.address() as { port: number }).port;
    const original = env.SMTP_URL;
    env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    resetMailTransport();
    const log = vi.spyOn(console, "info").mockImplementation(() => {});
    try {
      const sent = await sendMail({ to: "grace@example.test", subject: "Over the wire", text: "Hello SMTP" });
      expect(sent.transport).toBe("smtp");
      expect(received).toEqual([{ from: env.MAIL_FROM.replace(/^.*<(.*)>$/, "$1"), to: ["grace@example.test"], subject: "Over the wire", text: "Hello SMTP\n" }]);
      expect(log).not.toHaveBeenCalled();
    } finally {
      env.SMTP_URL = original;
      resetMailTransport();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
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
