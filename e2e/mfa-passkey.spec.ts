import type { Browser, BrowserContext, CDPSession, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { LoginPage } from "./support/login-page";
import { createPerson, PERSON_PASSWORD } from "./support/people";

/**
 * Chromium's CDP virtual authenticator: a platform authenticator (ctap2, internal) with resident keys and user
 * verification, that "touches" itself. It lives as long as the page's browser context.
 */
class VirtualAuthenticator {
  private constructor(
    private readonly cdp: CDPSession,
    private readonly authenticatorId: string,
  ) {}

  static async attach(page: Page): Promise<VirtualAuthenticator> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("WebAuthn.enable", { enableUI: false });
    const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: { protocol: "ctap2", ctap2Version: "ctap2_1", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    return new VirtualAuthenticator(cdp, authenticatorId);
  }

  async credentials() {
    return (await this.cdp.send("WebAuthn.getCredentials", { authenticatorId: this.authenticatorId })).credentials;
  }

  async setUserVerified(isUserVerified: boolean) {
    await this.cdp.send("WebAuthn.setUserVerified", { authenticatorId: this.authenticatorId, isUserVerified });
  }
}

async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; authenticator: VirtualAuthenticator }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  return { context, page, authenticator: await VirtualAuthenticator.attach(page) };
}

async function signInWithPassword(page: Page, username: string) {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(username, PERSON_PASSWORD);
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

const passkeyRow = (page: Page, name: string) => page.getByRole("table", { name: "Your passkeys" }).getByRole("row").filter({ hasText: name });
const alertWith = (page: Page, text: RegExp) => page.getByRole("alert").filter({ hasText: text });

test("a person adds a passkey in their profile, renames it, signs in with it without a password and as a second factor, then removes it", async ({ browser, request, adminAuth }) => {
  const person = await createPerson(request, adminAuth, "pk");
  const { context, page, authenticator } = await newPage(browser);

  await signInWithPassword(page, person.username);
  await expect(page).toHaveURL(/\/profile$/);
  await page.getByRole("link", { name: "Security", exact: true }).click();
  await page.getByRole("link", { name: "Set up Passkey" }).click();
  await expect(page).toHaveURL(/\/profile\/security\/passkeys$/);
  await expect(page.getByText("No passkeys yet")).toBeVisible();

  // The name is required.
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(alertWith(page, /Give the passkey a name/)).toBeVisible();
  await page.getByLabel(/^Passkey name\*?$/).fill("Laptop");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(passkeyRow(page, "Laptop")).toBeVisible();
  await expect(passkeyRow(page, "Laptop").getByText("Never")).toBeVisible();
  const stored = await authenticator.credentials();
  expect(stored).toHaveLength(1);
  expect(stored[0].isResidentCredential).toBe(true);

  // The same authenticator cannot be registered twice (excludeCredentials).
  await page.getByLabel(/^Passkey name\*?$/).fill("Laptop again");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(alertWith(page, /already holds a passkey|cancelled or timed out/)).toBeVisible();
  expect(await authenticator.credentials()).toHaveLength(1);

  // Rename inline; Cancel leaves the name alone.
  await page.getByRole("button", { name: "Rename Laptop" }).click();
  await page.getByLabel("New name for Laptop").fill("Nope");
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(passkeyRow(page, "Laptop")).toBeVisible();
  await page.getByRole("button", { name: "Rename Laptop" }).click();
  await page.getByLabel("New name for Laptop").fill("Work laptop");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(passkeyRow(page, "Work laptop")).toBeVisible();

  // Passwordless: the passkey names the account and proves it.
  await signOut(page);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await page.goto("/profile/security/passkeys");
  await expect(passkeyRow(page, "Work laptop").getByText("Never")).toHaveCount(0);

  // Without user verification, Chromium refuses the ceremony itself.
  await signOut(page);
  await authenticator.setUserVerified(false);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(alertWith(page, /cancelled or timed out|could not sign you in/)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await authenticator.setUserVerified(true);

  // Registering turned MFA on: the password now leads to the MFA step, where the passkey is the second factor.
  await signInWithPassword(page, person.username);
  await expect(page).toHaveURL(/\/login\/mfa$/);
  const passkeyChoice = page.getByRole("radio", { name: "Passkey" });
  if (await passkeyChoice.count()) await passkeyChoice.check();
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await expect(page).toHaveURL(/\/profile$/);

  // Removing it (ConfirmDialog) — the browser still holds the credential, but it no longer signs anyone in.
  await page.goto("/profile/security/passkeys");
  await page.getByRole("button", { name: "Remove Work laptop" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove this passkey?" });
  await dialog.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("No passkeys yet")).toBeVisible();
  await signOut(page);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(alertWith(page, /That passkey could not sign you in/)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});

test("a Force enabled person sets up a passkey at sign-in, reaches the console, and cannot remove their only factor", async ({ browser, request, adminAuth }) => {
  const person = await createPerson(request, adminAuth, "pk");
  const patched = await request.patch(`/api/v1/users/${person.id}`, { headers: adminAuth, data: { mfa_policy: "force_enabled" } });
  expect(patched.status(), await patched.text()).toBe(200);
  const { context, page, authenticator } = await newPage(browser);

  await signInWithPassword(page, person.username);
  await expect(page).toHaveURL(/\/mfa\/setup$/);
  await page.getByRole("link", { name: /Passkey/ }).click();
  await expect(page).toHaveURL(/\/mfa\/setup\/passkey$/);
  await page.getByLabel(/^Passkey name\*?$/).fill("Phone");
  await page.getByRole("button", { name: "Create a passkey" }).click();
  await expect(page).toHaveURL(/\/profile$/);
  expect(await authenticator.credentials()).toHaveLength(1);

  await page.goto("/profile/security/passkeys");
  await page.getByRole("button", { name: "Remove Phone" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove this passkey?" });
  await dialog.getByRole("button", { name: "Remove" }).click();
  await expect(dialog.getByRole("alert").filter({ hasText: /A second factor is required/ })).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(passkeyRow(page, "Phone")).toBeVisible();

  // Signing in with the passkey alone satisfies the enforced policy (it is both factors).
  await signOut(page);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await context.close();
});
