import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { MAIL_DIR } from "./constants.mjs";

export type CapturedMail = { to: string[]; subject: string; text: string; html: string; at: number };

function mailsTo(address: string): CapturedMail[] {
  let files: string[] = [];
  try {
    files = readdirSync(MAIL_DIR).filter((f) => f.endsWith(".json")).sort();
  } catch {
    return [];
  }
  return files.map((f) => JSON.parse(readFileSync(path.join(MAIL_DIR, f), "utf8")) as CapturedMail).filter((m) => m.to.includes(address.toLowerCase()));
}

/** Waits for the newest email to `address` (captured by the SMTP sink the e2e server sends through). */
export async function waitForMail(address: string, options: { subject?: RegExp; timeout?: number } = {}): Promise<CapturedMail> {
  let found: CapturedMail | undefined;
  await expect
    .poll(() => (found = mailsTo(address).filter((m) => !options.subject || options.subject.test(m.subject)).pop()), { timeout: options.timeout ?? 15_000 })
    .toBeTruthy();
  return found!;
}

/** The single-use password link in a setup/reset mail. */
export function passwordLinkIn(mail: CapturedMail): string {
  const match = /https?:\/\/\S+\/reset-password\/[0-9A-Za-z]+/.exec(mail.text);
  expect(match, "the mail contains a reset-password link").not.toBeNull();
  return match![0];
}
