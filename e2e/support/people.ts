import { randomBytes } from "node:crypto";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { generate } from "otplib";
import { expect } from "./fixtures";
import { LoginPage } from "./login-page";

/** The password every person created by the MFA specs gets (it passes the default policy and is in no breach list). */
export const PERSON_PASSWORD = "Lantern-Osprey-Quartz-47";

export const uniqueSuffix = () => randomBytes(4).toString("hex");

export type Person = { id: string; username: string; email: string };

/** A fresh person, created by the admin through the REST API (a unique name per call: specs run in parallel). */
export async function createPerson(request: APIRequestContext, adminAuth: Record<string, string>, prefix: string, extra: Record<string, unknown> = {}): Promise<Person> {
  const username = `${prefix}${uniqueSuffix()}`;
  const email = `${username}@example.test`;
  const response = await request.post("/api/v1/users", { headers: adminAuth, data: { username, email, password: PERSON_PASSWORD, ...extra } });
  expect(response.status(), await response.text()).toBe(201);
  return { ...((await response.json()) as { id: string; username: string }), email };
}

/** Signs in with the password in a browser context of its own (closed by `close`). */
export async function signInPerson(browser: Browser, username: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(username, PERSON_PASSWORD);
  return { page, close: () => context.close() };
}

/**
 * The code of the NEXT time step: the step of the code that confirmed the enrollment is spent (replay protection),
 * and the server accepts one step of drift either way, so this one is fresh whenever it reaches the server.
 */
export const nextStepCode = (secret: string) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });

/** Enrolls through the TOTP setup component (profile or forced setup): manual key → a wrong code → the right one → recovery codes. */
export async function enrollAuthenticator(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
  await page.getByRole("button", { name: "Set up authenticator app" }).click();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  const secret = (await page.getByTestId("totp-setup-key").innerText()).replace(/\s+/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  const codeField = page.getByLabel(/^Code from the app\*?$/);
  await codeField.fill(String((Number(await generate({ secret })) + 500_000) % 1_000_000).padStart(6, "0"));
  await page.getByRole("button", { name: "Verify and turn on" }).click();
  await expect(page.getByText(/That code is not right/)).toBeVisible();

  await codeField.fill(await generate({ secret }));
  await page.getByRole("button", { name: "Verify and turn on" }).click();
  const list = page.getByRole("list", { name: "Recovery codes" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const recoveryCodes = await list.getByRole("listitem").allInnerTexts();
  for (const code of recoveryCodes) expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
  return { secret, recoveryCodes };
}
