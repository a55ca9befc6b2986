import { randomBytes } from "node:crypto";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { generate } from "otplib";
import { expect, test } from "./support/fixtures";
import { LoginPage } from "./support/login-page";

const unique = () => randomBytes(4).toString("hex");
const PASSWORD = "Lantern-Osprey-Quartz-47";

async function createPerson(request: APIRequestContext, adminAuth: Record<string, string>, extra: Record<string, unknown> = {}) {
  const username = `totp${unique()}`;
  const response = await request.post("/api/v1/users", { headers: adminAuth, data: { username, email: `${username}@example.test`, password: PASSWORD, ...extra } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; username: string };
}

/** Signs in with the password in a browser context of its own. */
async function signIn(browser: Browser, username: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(username, PASSWORD);
  return { page, close: () => context.close() };
}

/**
 * The code of the NEXT time step: the step of the code that confirmed the enrollment is spent (replay protection),
 * and the server accepts one step of drift either way, so this one is fresh whenever it reaches the server.
 */
const nextStepCode = (secret: string) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });

/** Enrolls through the setup component (profile or forced setup): manual key → code → recovery codes. */
async function enrollAuthenticator(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
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

async function useRecoveryCode(page: Page, code: string) {
  await page.getByRole("radio", { name: "Recovery code" }).check();
  // The radio is labelled "Recovery code" too: ask for the text field.
  await page.getByRole("textbox", { name: /^Recovery code\*?$/ }).fill(code.toLowerCase());
  await page.getByRole("button", { name: "Verify", exact: true }).click();
}

test("a person sets up an authenticator app in their profile, signs in with it, and a recovery code works once", async ({ browser, request, adminAuth }) => {
  const person = await createPerson(request, adminAuth);

  const first = await signIn(browser, person.username);
  const page = first.page;
  await expect(page).toHaveURL(/\/profile$/);
  await page.getByRole("link", { name: "Security", exact: true }).click();
  await page.getByRole("link", { name: "Set up Authenticator app" }).click();
  await expect(page).toHaveURL(/\/profile\/security\/mfa\/totp$/);
  await expect(page.getByRole("heading", { name: "Authenticator app" })).toBeVisible();
  const { secret, recoveryCodes } = await enrollAuthenticator(page);
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByText(/Authenticator app active since/)).toBeVisible();
  await expect(page.getByText(/Recovery codes remaining: 10 of 10/)).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await first.close();

  // Password alone is no longer enough; a fresh code from the app is.
  const second = await signIn(browser, person.username);
  await expect(second.page).toHaveURL(/\/login\/mfa$/);
  await second.page.getByLabel(/^Authentication code\*?$/).fill(await nextStepCode(secret));
  await second.page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(second.page).toHaveURL(/\/profile$/);
  await second.close();

  const third = await signIn(browser, person.username);
  await expect(third.page).toHaveURL(/\/login\/mfa$/);
  await useRecoveryCode(third.page, recoveryCodes[0]);
  await expect(third.page).toHaveURL(/\/profile$/);
  await third.page.goto("/profile/security/mfa/totp");
  await expect(third.page.getByText(/Recovery codes remaining: 9 of 10/)).toBeVisible();
  await third.close();

  const fourth = await signIn(browser, person.username);
  await expect(fourth.page).toHaveURL(/\/login\/mfa$/);
  await useRecoveryCode(fourth.page, recoveryCodes[0]);
  await expect(fourth.page.getByRole("alert").filter({ hasText: /didn't work/ })).toBeVisible();
  await expect(fourth.page).toHaveURL(/\/login\/mfa$/);
  await fourth.close();
});

test("a Force enabled person is led through authenticator setup at sign-in, then reaches the console", async ({ browser, request, adminAuth }) => {
  const person = await createPerson(request, adminAuth);
  const patched = await request.patch(`/api/v1/users/${person.id}`, { headers: adminAuth, data: { mfa_policy: "force_enabled" } });
  expect(patched.status(), await patched.text()).toBe(200);

  const { page, close } = await signIn(browser, person.username);
  await expect(page).toHaveURL(/\/mfa\/setup$/);
  // Nothing else is reachable before a second factor is set up.
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/mfa\/setup$/);
  await page.getByRole("link", { name: /Authenticator app/ }).click();
  await expect(page).toHaveURL(/\/mfa\/setup\/totp$/);
  const { secret } = await enrollAuthenticator(page);
  await page.getByRole("button", { name: /I have saved them/ }).click();
  // A person without console permissions lands on their profile.
  await expect(page).toHaveURL(/\/profile$/);
  await close();

  const again = await signIn(browser, person.username);
  await expect(again.page).toHaveURL(/\/login\/mfa$/);
  await again.page.getByLabel(/^Authentication code\*?$/).fill(await nextStepCode(secret));
  await again.page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(again.page).toHaveURL(/\/profile$/);
  await again.close();
});
