import { randomBytes } from "node:crypto";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { LoginPage } from "./support/login-page";

const unique = () => randomBytes(4).toString("hex");
const PASSWORD = "Marble-Heron-Compass-62";
const NEW_PASSWORD = "Velvet-Glacier-Anchor-93";

async function createPerson(request: APIRequestContext, adminAuth: Record<string, string>) {
  const username = `pat${unique()}`;
  const response = await request.post("/api/v1/users", { headers: adminAuth, data: { username, email: `${username}@example.test`, password: PASSWORD } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; username: string; email: string };
}

async function defineAttribute(request: APIRequestContext, adminAuth: Record<string, string>, label: string, userEditable: boolean) {
  const response = await request.post("/api/v1/user-attributes", {
    headers: adminAuth,
    data: { key: `k${unique()}`, label, type: "text", user_editable: userEditable },
  });
  expect(response.status(), await response.text()).toBe(201);
}

/** A browser context of its own (its own cookies), signed in; a plain user lands on their profile. */
async function signedInContext(browser: Browser, username: string, password: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(username, password);
  await expect(page).toHaveURL(/\/profile$/);
  return { page, close: () => context.close() };
}

test("a person edits their profile and an editable attribute; attributes they may not edit are not offered", async ({ browser, request, adminAuth }) => {
  const person = await createPerson(request, adminAuth);
  const desk = `Desk ${unique()}`;
  const costCenter = `Cost center ${unique()}`;
  await defineAttribute(request, adminAuth, desk, true);
  await defineAttribute(request, adminAuth, costCenter, false);

  const { page, close } = await signedInContext(browser, person.username, PASSWORD);
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  await page.getByLabel(/^First name\*?$/).fill("Patricia");
  await page.getByLabel(/^Last name\*?$/).fill("Ng");
  await page.getByLabel(/^Display name\*?$/).fill("Pat Ng");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved")).toBeVisible();
  await expect(page.getByTestId("current-user")).toHaveText("Pat Ng");

  await expect(page.getByLabel(costCenter)).toHaveCount(0);
  await page.getByLabel(new RegExp(`^${desk}\\*?$`)).fill("B-204");
  await page.getByRole("button", { name: "Save attributes" }).click();
  await expect(page.getByText("Attributes saved")).toBeVisible();

  await page.reload();
  await expect(page.getByLabel(/^First name\*?$/)).toHaveValue("Patricia");
  await expect(page.getByLabel(new RegExp(`^${desk}\\*?$`))).toHaveValue("B-204");
  const fetched = await request.get(`/api/v1/users/${person.id}`, { headers: adminAuth });
  expect(await fetched.json()).toMatchObject({ first_name: "Patricia", last_name: "Ng", name: "Pat Ng", is_admin: false });
  await close();
});

test("a person sees their other session, signs it out, then changes their password", async ({ browser, request, adminAuth }) => {
  const person = await createPerson(request, adminAuth);
  const laptop = await signedInContext(browser, person.username, PASSWORD);
  const phone = await signedInContext(browser, person.username, PASSWORD);

  await laptop.page.goto("/profile/security");
  const sessions = laptop.page.getByRole("table", { name: "Active sessions" });
  await expect(sessions.getByRole("row")).toHaveCount(3); // header + 2 sessions
  await expect(sessions.getByText("This session")).toHaveCount(1);
  await sessions.getByRole("button", { name: /^Sign out / }).click();
  await laptop.page.getByRole("dialog").getByRole("button", { name: "Sign out" }).click();
  await expect(laptop.page.getByText("Session signed out")).toBeVisible();
  await expect(sessions.getByRole("row")).toHaveCount(2);

  await phone.page.goto("/profile");
  await expect(phone.page).toHaveURL(/\/login/);
  await phone.close();

  const recent = laptop.page.getByRole("table", { name: "Recent sign-ins" });
  await expect(recent.getByText("Signed in")).toHaveCount(2);

  await laptop.page.getByRole("link", { name: "Change password" }).click();
  await laptop.page.getByLabel(/^Current password\*?$/).fill(PASSWORD);
  await laptop.page.getByLabel(/^New password\*?$/).fill(NEW_PASSWORD);
  await laptop.page.getByLabel(/^Confirm new password\*?$/).fill(NEW_PASSWORD);
  await laptop.page.getByRole("button", { name: "Change password" }).click();
  await expect(laptop.page).toHaveURL(/\/profile\/security$/);
  await expect(laptop.page.getByText("Password changed")).toBeVisible();
  await laptop.close();

  const again = await signedInContext(browser, person.username, NEW_PASSWORD);
  await again.close();
});

test.describe("/api/v1/me", () => {
  test("a token reads its owner's profile and sessions but cannot edit the profile; unknown fields are refused", async ({ request, adminAuth }) => {
    const person = await createPerson(request, adminAuth);
    const issued = await request.post(`/api/v1/users/${person.id}/tokens`, { headers: adminAuth, data: { name: "e2e" } });
    const auth = { Authorization: `Bearer ${((await issued.json()) as { token: string }).token}` };
    const me = await request.get("/api/v1/me", { headers: auth });
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ id: person.id, username: person.username, has_local_password: true });
    expect((await request.get("/api/v1/me/sessions", { headers: auth })).status()).toBe(200);
    expect((await request.patch("/api/v1/me", { headers: auth, data: { first_name: "Bot" } })).status()).toBe(403);
    expect((await request.patch("/api/v1/me", { headers: auth, data: { is_admin: true } })).status()).toBe(422);
    expect((await request.get("/api/v1/me")).status()).toBe(401);
  });
});

test("a person creates a token of their own on the profile, sees it once, and revokes it", async ({ browser, request, adminAuth }) => {
  const person = await createPerson(request, adminAuth);
  const { page, close } = await signedInContext(browser, person.username, PASSWORD);
  await page.goto("/profile/tokens");
  await page.getByRole("button", { name: "New token" }).click();
  const dialog = page.getByRole("dialog", { name: "New token" });
  await dialog.getByLabel(/^Name\*?$/).fill("laptop-cli");
  await dialog.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByRole("dialog", { name: 'Token "laptop-cli" created' });
  const token = await shown.getByLabel("New token").inputValue();
  expect(token).toMatch(/^gth_pat_[0-9A-Za-z]{43}$/);
  await shown.getByRole("button", { name: "Done" }).click();
  const me = await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
  expect(await me.json()).toMatchObject({ id: person.id });

  await page.getByTestId("token-row").filter({ hasText: "laptop-cli" }).getByRole("button", { name: /Revoke/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByTestId("token-row")).toHaveCount(0);
  expect((await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(401);
  await close();
});

test.describe("POST /api/v1/me/reauthenticate", () => {
  test("checks the signed-in person's password: 422 when wrong, 204 when right; 401 without a session", async ({ browser, request, adminAuth, baseURL }) => {
    const person = await createPerson(request, adminAuth);
    const { page, close } = await signedInContext(browser, person.username, PASSWORD);
    const sameOrigin = { Origin: new URL(baseURL!).origin };
    const wrong = await page.request.post("/api/v1/me/reauthenticate", { headers: sameOrigin, data: { password: "not-it" } });
    expect(wrong.status()).toBe(422);
    expect((await wrong.json()).errors).toHaveProperty("password");
    expect((await page.request.post("/api/v1/me/reauthenticate", { headers: sameOrigin, data: { password: PASSWORD } })).status()).toBe(204);
    expect((await request.post("/api/v1/me/reauthenticate", { data: { password: PASSWORD } })).status()).toBe(401);
    await close();
  });
});
