import type { MailMessage } from "./mail";

export type PasswordLinkPurpose = "setup" | "reset";

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function lifetime(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return `${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} hours` : `${Math.round(hours / 24)} days`;
}

/** The setup (new account) or reset email: one single-use link, what it is for, and when it stops working. */
export function passwordLinkMail(input: {
  to: string;
  name: string;
  username: string;
  url: string;
  purpose: PasswordLinkPurpose;
  expiresAt: Date;
  now?: Date;
}): MailMessage {
  const valid = lifetime(input.expiresAt.getTime() - (input.now ?? new Date()).getTime());
  const greeting = `Hello ${input.name || input.username},`;
  const [subject, intro, outro] =
    input.purpose === "setup"
      ? [
          "Set up your Gatehouse password",
          `An account was created for you on Gatehouse with the username "${input.username}". Choose your password with this link:`,
          "If you did not expect this account, you can ignore this email.",
        ]
      : [
          "Reset your Gatehouse password",
          `A password reset was requested for your Gatehouse account "${input.username}". Choose a new password with this link:`,
          "If you did not ask for this, you can ignore this email: your password stays unchanged.",
        ];
  const footer = `The link works once and expires in ${valid}.`;
  const text = [greeting, "", intro, "", input.url, "", footer, outro].join("\n");
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    `<p><a href="${escapeHtml(input.url)}">${escapeHtml(input.url)}</a></p>`,
    `<p>${escapeHtml(footer)} ${escapeHtml(outro)}</p>`,
  ].join("\n");
  return { to: input.to, subject, text, html };
}

export type MfaCodePurpose = "enroll" | "sign_in";

/** A one-time code by email: to confirm the address as a second factor, or to sign in. The code is the only secret. */
export function mfaCodeMail(input: { to: string; name: string; username: string; code: string; purpose: MfaCodePurpose; expiresAt: Date; now?: Date }): MailMessage {
  const valid = lifetime(input.expiresAt.getTime() - (input.now ?? new Date()).getTime());
  const greeting = `Hello ${input.name || input.username},`;
  const [subject, intro] =
    input.purpose === "enroll"
      ? ["Confirm your email for Gatehouse sign-in codes", `Enter this code to use this address for sign-in codes on your Gatehouse account "${input.username}":`]
      : ["Your Gatehouse sign-in code", `Enter this code to finish signing in to your Gatehouse account "${input.username}":`];
  const footer = `The code works once and expires in ${valid}. Never share it: Gatehouse will not ask you for it by phone or email.`;
  const outro = "If you did not just try to sign in or set this up, someone may know your password: change it.";
  const text = [greeting, "", intro, "", input.code, "", footer, outro].join("\n");
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    `<p style="font-size:24px;font-weight:600;letter-spacing:4px;font-family:monospace">${escapeHtml(input.code)}</p>`,
    `<p>${escapeHtml(footer)} ${escapeHtml(outro)}</p>`,
  ].join("\n");
  return { to: input.to, subject, text, html };
}
