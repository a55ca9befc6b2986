import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { SMS_DIR } from "./constants.mjs";

export type CapturedSms = { id: string; to: string; text: string; purpose: "mfa" | "verify-phone"; at: number };

function textsTo(phone: string): CapturedSms[] {
  let files: string[] = [];
  try {
    files = readdirSync(SMS_DIR).filter((f) => f.endsWith(".json")).sort();
  } catch {
    return [];
  }
  return files.map((f) => JSON.parse(readFileSync(path.join(SMS_DIR, f), "utf8")) as CapturedSms).filter((m) => m.to === phone);
}

/** Waits for the newest text to `phone` (captured by the SMS sink the e2e server's webhook provider posts to). */
export async function waitForSms(phone: string, options: { purpose?: CapturedSms["purpose"]; after?: number; timeout?: number } = {}): Promise<CapturedSms> {
  let found: CapturedSms | undefined;
  await expect
    .poll(() => (found = textsTo(phone).filter((m) => (!options.purpose || m.purpose === options.purpose) && m.at >= (options.after ?? 0)).pop()), {
      timeout: options.timeout ?? 15_000,
    })
    .toBeTruthy();
  return found!;
}

/** The 6-digit code in a text or an email body. */
export function codeIn(text: string): string {
  const match = /\b(\d{6})\b/.exec(text);
  expect(match, "the message contains a 6-digit code").not.toBeNull();
  return match![1];
}
