// A real SMTP server on 127.0.0.1 that stores every message it receives as JSON in MAIL_DIR,
// so specs can read the mail the app sent (SMTP_URL points here).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export async function startMailSink(dir) {
  mkdirSync(dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    async onData(stream, session, callback) {
      try {
        const mail = await simpleParser(stream);
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        const record = { to, subject: mail.subject ?? "", text: mail.text ?? "", html: typeof mail.html === "string" ? mail.html : "", at: Date.now() };
        writeFileSync(path.join(dir, `${Date.now()}-${++count}.json`), JSON.stringify(record));
        callback();
      } catch (error) {
        callback(error);
      }
    },
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `smtp://127.0.0.1:${server.server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}
