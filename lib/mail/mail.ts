import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";

export type MailMessage = { to: string; subject: string; text: string; html?: string };
export type SentMail = { messageId: string; transport: "smtp" | "log" };

type Transport = { kind: SentMail["transport"]; transporter: Transporter };

let transport: Transport | undefined;

/** SMTP when SMTP_URL is set; otherwise a transport that composes the message and logs it (development). */
function getTransport(): Transport {
  transport ??= env.SMTP_URL
    ? { kind: "smtp", transporter: nodemailer.createTransport(env.SMTP_URL) }
    : { kind: "log", transporter: nodemailer.createTransport({ jsonTransport: true }) };
  return transport;
}

/** Tests: forget the transport so the next sendMail builds it again. */
export function resetMailTransport(): void {
  transport?.transporter.close();
  transport = undefined;
}

/** One plain address: no display name, list or line break can smuggle in more recipients or headers. */
const SINGLE_ADDRESS = /^[^\s@,;<>"]+@[^\s@,;<>"]+$/;

export async function sendMail(message: MailMessage): Promise<SentMail> {
  if (!SINGLE_ADDRESS.test(message.to)) throw new Error("sendMail: the recipient must be one plain email address.");
  const { kind, transporter } = getTransport();
  const info = await transporter.sendMail({ from: env.MAIL_FROM, to: message.to, subject: message.subject, text: message.text, html: message.html });
  if (kind === "log") {
    console.info(`[mail] SMTP_URL is not set; this email was not sent.\nTo: ${message.to}\nSubject: ${message.subject}\n\n${message.text}\n[/mail]`);
  }
  return { messageId: String(info.messageId ?? ""), transport: kind };
}
