import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { startOidcProvider, type OidcTestProvider } from "./support/oidc-idp.mjs";
import { expect, test } from "./support/fixtures";

const SLUG = "e2e-idp";
// Not "Sign in …": LoginPage finds the password button by the name "Sign in" (not exact), and this button shares the page.
const LABEL = "Continue with E2E IdP";
const CLIENT = { client_id: "gatehouse-e2e", client_secret: "e2e-client-secret-value" };
const suffix = randomBytes(3).toString("hex");
const OLGA = { email: `olga${suffix}@idp.test`, email_verified: true, preferred_username: `olga${suffix}`, given_name: "Olga", family_name: "Ostrova", name: "Olga Ostrova" };

test.describe.configure({ mode: "serial" });

let idp: OidcTestProvider;

test.beforeAll(async () => {
  const baseURL = test.info().project.use.baseURL!;
  idp = await startOidcProvider({ clients: [{ ...CLIENT, redirect_uris: [`${baseURL}/api/auth/callback/${SLUG}`] }], accounts: { olga: OLGA } });
});
test.afterAll(async () => idp?.close());

/**
 * From a click on the IdP button until Gatehouse again: the IdP's own login and consent pages (oidc-provider dev
 * interactions) when it shows them — a second sign-in may pass straight through on the IdP's session.
 */
async function signInAtIdp(page: Page, login: string) {
  // Gatehouse's origin from the config, not from page.url(): the redirect to the IdP may already have happened.
  const app = new URL(test.info().project.use.baseURL!).origin;
  const atIdp = (u: URL) => u.href.startsWith(`${idp.issuer}/interaction/`);
  await page.waitForURL((u) => atIdp(u) || (u.origin === app && !u.pathname.startsWith("/login")) || u.searchParams.has("error"));
  for (let step = 0; step < 4 && atIdp(new URL(page.url())); step++) {
    const before = page.url();
    const loginField = page.locator('input[name="login"]');
    if (await loginField.isVisible()) {
      await loginField.fill(login);
      await page.locator('input[name="password"]').fill("any-password");
    }
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((u) => u.href !== before && (atIdp(u) || u.origin === app));
  }
  await page.waitForURL((u) => u.origin === app && !u.pathname.startsWith("/api/auth"));
}

test("an admin adds the OIDC provider in Settings → Authentication sources; Test connection reads its discovery document", async ({ adminPage: page }) => {
  await page.goto("/admin/settings/auth-sources");
  await page.getByRole("link", { name: "+ OIDC provider" }).click();
  await page.getByLabel(/^Name\*?$/).fill("E2E IdP");
  await page.getByLabel(/^Slug\*?$/).fill(SLUG);
  await page.getByLabel(/^Issuer URL\*?$/).fill(idp.issuer);
  await page.getByLabel(/^Button label\*?$/).fill(LABEL);
  await page.getByLabel(/^Client ID\*?$/).fill(CLIENT.client_id);
  await page.getByLabel(/^Client secret/).fill(CLIENT.client_secret);
  await page.getByLabel("Enabled").check();
  await expect(page.getByTestId("oidc-callback-url")).toHaveText(new RegExp(`/api/auth/callback/${SLUG}$`));
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Connection works." })).toBeVisible();
  await page.getByRole("button", { name: "Create source" }).click();
  await expect(page).toHaveURL(/\/admin\/settings\/auth-sources\/[0-9a-f-]{36}$/);
  await expect(page.getByLabel(/^Client secret/)).toHaveValue("");
  await expect(page.getByText("Stored. Leave empty to keep it")).toBeVisible();
});

test("a person signs in with the IdP in the browser and is created with auth_source = the slug and the IdP's claims", async ({ page, request, adminAuth }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: LABEL }).click();
  await signInAtIdp(page, "olga");
  await expect(page.getByTestId("current-user")).toHaveText("Olga Ostrova");

  const { data } = (await (await request.get(`/api/v1/users?q=${OLGA.email}`, { headers: adminAuth })).json()) as { data: Array<Record<string, unknown>> };
  expect(data).toEqual([expect.objectContaining({ email: OLGA.email, username: OLGA.preferred_username, first_name: "Olga", last_name: "Ostrova", auth_source: SLUG })]);
  const sessions = (await (await request.get(`/api/v1/users/${data[0].id}/sessions`, { headers: adminAuth })).json()) as { data: Array<{ auth_source: string; methods: string[] }> };
  expect(sessions.data).toEqual([expect.objectContaining({ auth_source: SLUG, methods: ["oidc"] })]);

  // The NextAuth cookie carries only our session id: revoking the row signs the browser out.
  expect((await request.delete(`/api/v1/users/${data[0].id}/sessions`, { headers: adminAuth })).status()).toBe(200);
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/login(\?|$)/);

  // Signing in again reuses the same account.
  await page.getByRole("button", { name: LABEL }).click();
  await signInAtIdp(page, "olga");
  await expect(page.getByTestId("current-user")).toHaveText("Olga Ostrova");
  const again = (await (await request.get(`/api/v1/users?q=${OLGA.email}`, { headers: adminAuth })).json()) as { total: number };
  expect(again.total).toBe(1);
});

test("an IdP identity whose email belongs to a local account is refused with a clear message, and nothing is taken over", async ({ page, request, adminAuth }) => {
  const email = `clash${suffix}@example.test`;
  const created = await request.post("/api/v1/users", { headers: adminAuth, data: { email, password: "Lighthouse-Pebble-Raven-40" } });
  expect(created.status()).toBe(201);
  idp.setAccount("clash", { email, email_verified: true, name: "Not The Owner" });

  await page.goto("/login");
  await page.getByRole("button", { name: LABEL }).click();
  await signInAtIdp(page, "clash");
  await expect(page).toHaveURL(/\/login\?error=email_taken/);
  await expect(page.getByRole("alert").filter({ hasText: "An account with this email address already exists" })).toBeVisible();
  const { data } = (await (await request.get(`/api/v1/users?q=${email}`, { headers: adminAuth })).json()) as { data: Array<Record<string, unknown>> };
  expect(data).toEqual([expect.objectContaining({ email, auth_source: "internal", name: expect.not.stringContaining("Not The Owner") })]);
});
