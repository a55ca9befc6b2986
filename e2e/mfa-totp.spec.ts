import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { createPerson, enrollAuthenticator, nextStepCode, signInPerson as signIn } from "./support/people";

async function useRecoveryCode(page: Page, code: string) {
  await page.getByRole("radio", { name: "Recovery code" }).check();
  // The radio is labelled "Recovery code" too: ask for the text field.
  await page.getByRole("textbox", { name: /^Recovery code\*?$/ }).fill(code.toLowerCase());
  await page.getByRole("button", { name: "Verify", exact: true }).click();
}

test("a person sets up an authenticator app in their profile, signs in with it, and a recovery code works once", async ({ browser, request, adminAuth }) => {
  const person = await createPerson(request, adminAuth, "totp");

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
  const person = await createPerson(request, adminAuth, "totp");
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
