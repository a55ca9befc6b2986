import { randomInt } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { waitForMail } from "./support/mailbox";
import { createPerson, signInPerson as signIn } from "./support/people";
import { codeIn, waitForSms } from "./support/sms-inbox";

/** A number no other run or spec uses (the per-number limit is 10 texts an hour). */
const newPhone = () => `+1415${String(randomInt(0, 10_000_000)).padStart(7, "0")}`;
const wrong = (code: string) => String((Number(code) + 500_000) % 1_000_000).padStart(6, "0");

test.beforeAll(async ({ request, adminAuth }) => {
  // The admin enables the SMS and email backends (partial PATCH: other MFA settings stay as they are).
  const response = await request.patch("/api/v1/settings/mfa", { headers: adminAuth, data: { sms: true, email: true } });
  expect(response.status(), await response.text()).toBe(200);
  expect(await response.json()).toMatchObject({ sms: true, email: true });
});

/** The MFA step: pick the method, have a code sent, type it. */
async function passMfaStep(page: Page, method: "Text message (SMS)" | "Email code", readCode: (sentAt: number) => Promise<string>) {
  await expect(page).toHaveURL(/\/login\/mfa$/);
  await expect(page.getByRole("button", { name: "Send code" }).or(page.getByRole("radio", { name: method })).first()).toBeVisible();
  // The choice is offered only when there is more than one method.
  const choice = page.getByRole("radio", { name: method });
  if (await choice.count()) await choice.check();
  const sentAt = Date.now();
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByText(/Code sent to/)).toBeVisible();
  await page.getByLabel(/^Authentication code\*?$/).fill(await readCode(sentAt));
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(page).toHaveURL(/\/profile$/);
}

test("a person sets up SMS and email codes in their profile, then signs in with each", async ({ browser, request, adminAuth }) => {
  const person = await createPerson(request, adminAuth, "otp");
  const phone = newPhone();

  const first = await signIn(browser, person.username);
  const page = first.page;
  await expect(page).toHaveURL(/\/profile$/);
  await page.getByRole("link", { name: "Security", exact: true }).click();

  // SMS: the number is proved by a code from the SMS sink before it counts.
  await page.getByRole("link", { name: "Set up Text message (SMS)" }).click();
  await expect(page).toHaveURL(/\/profile\/security\/mfa\/sms$/);
  await expect(page.getByRole("heading", { name: "Text message (SMS)" })).toBeVisible();
  await page.getByLabel(/^Mobile number\*?$/).fill(`${phone.slice(0, 2)} ${phone.slice(2, 5)} ${phone.slice(5, 8)} ${phone.slice(8)}`);
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByText(new RegExp(`^We sent a code to \\+1 ••• ••• ${phone.slice(-4)}\\. It works until`))).toBeVisible();
  const smsCode = codeIn((await waitForSms(phone, { purpose: "verify-phone" })).text);
  await expect(page.getByRole("button", { name: /Send a new code \(\d+ s\)/ })).toBeDisabled();
  const codeField = page.getByLabel(/^Verification code\*?$/);
  await codeField.fill(wrong(smsCode));
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(page.getByText(/That code is not right or has expired/)).toBeVisible();
  await codeField.fill(smsCode);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(page.getByText("Active", { exact: true })).toBeVisible();
  await expect(page.getByText(new RegExp(`^Codes go to \\+1 ••• ••• ${phone.slice(-4)}, set up`))).toBeVisible();

  // Email: the code comes from the SMTP sink.
  await page.getByRole("link", { name: "Back to Security" }).click();
  await page.getByRole("link", { name: "Set up Email code" }).click();
  await expect(page).toHaveURL(/\/profile\/security\/mfa\/email$/);
  await expect(page.getByText(/Lower assurance/)).toBeVisible();
  await page.getByRole("button", { name: "Send code" }).click();
  const enrollMail = await waitForMail(person.email, { subject: /Confirm your email/ });
  await page.getByLabel(/^Verification code\*?$/).fill(codeIn(enrollMail.text));
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(page.getByText("Active", { exact: true })).toBeVisible();
  await expect(page.getByText(new RegExp(`^Codes go to ${person.email[0]}•••@example\\.test, set up`))).toBeVisible();

  // The proved number became the profile's phone.
  await page.getByRole("link", { name: "Details", exact: true }).click();
  await expect(page.getByLabel(/^Phone\*?$/)).toHaveValue(phone);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await first.close();

  // Password, then a texted code.
  const second = await signIn(browser, person.username);
  await passMfaStep(second.page, "Text message (SMS)", async (after) => codeIn((await waitForSms(phone, { purpose: "mfa", after })).text));
  await second.close();

  // Password, then an emailed code.
  const third = await signIn(browser, person.username);
  await passMfaStep(third.page, "Email code", async () => codeIn((await waitForMail(person.email, { subject: /sign-in code/ })).text));
  await third.close();
});

test("a Force enabled person without a factor sets up SMS codes during sign-in and lands in the console", async ({ browser, request, adminAuth }) => {
  const person = await createPerson(request, adminAuth, "otp", { mfa_policy: "force_enabled" });
  const phone = newPhone();
  const { page, close } = await signIn(browser, person.username);
  await expect(page).toHaveURL(/\/mfa\/setup$/);
  await page.getByRole("link", { name: /Text message \(SMS\)/ }).click();
  await expect(page).toHaveURL(/\/mfa\/setup\/sms$/);
  await expect(page.getByRole("heading", { name: "Set up text-message codes" })).toBeVisible();
  await page.getByLabel(/^Mobile number\*?$/).fill("12345");
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByText("Use the international format, e.g. +14155550123.")).toBeVisible();
  await page.getByLabel(/^Mobile number\*?$/).fill(phone);
  await page.getByRole("button", { name: "Send code" }).click();
  await page.getByLabel(/^Verification code\*?$/).fill(codeIn((await waitForSms(phone, { purpose: "verify-phone" })).text));
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await close();

  // The next sign-in asks for a texted code.
  const again = await signIn(browser, person.username);
  await passMfaStep(again.page, "Text message (SMS)", async (after) => codeIn((await waitForSms(phone, { purpose: "mfa", after })).text));
  await again.close();
});
