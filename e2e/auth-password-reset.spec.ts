import { randomBytes } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { LoginPage } from "./support/login-page";
import { passwordLinkIn, waitForMail } from "./support/mailbox";

const unique = () => randomBytes(4).toString("hex");
const OLD_PASSWORD = "Willow-Anchor-Pepper-15";
const NEW_PASSWORD = "Granite-Sparrow-Tulip-92";

async function createUser(request: APIRequestContext, adminAuth: Record<string, string>) {
  const email = `reset-${unique()}@example.test`;
  const response = await request.post("/api/v1/users", { headers: adminAuth, data: { email, password: OLD_PASSWORD } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; username: string; email: string };
}

test.describe("POST /api/auth/forgot-password", () => {
  test("answers an existing and an unknown address identically, and mails a link built from APP_URL despite forged Host headers (T10, T12)", async ({ request, adminAuth, baseURL }) => {
    const user = await createUser(request, adminAuth);
    const forged = { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", forwarded: "host=evil.example;proto=https" };
    const existing = await request.post("/api/auth/forgot-password", { data: { email: user.email }, headers: forged });
    const unknown = await request.post("/api/auth/forgot-password", { data: { email: `nobody-${unique()}@example.test` }, headers: forged });
    expect(existing.status()).toBe(202);
    expect(unknown.status()).toBe(202);
    expect(await existing.text()).toBe(await unknown.text());
    const strip = (h: Record<string, string>) => Object.keys(h).filter((k) => !["date", "x-request-id"].includes(k)).sort().map((k) => `${k}: ${h[k]}`);
    expect(strip(existing.headers())).toEqual(strip(unknown.headers()));

    const link = passwordLinkIn(await waitForMail(user.email, { subject: /reset/i }));
    expect(new URL(link).origin).toBe(new URL(baseURL!).origin);
  });

  test("refuses a malformed address with 422 and a non-JSON body with 400", async ({ request }) => {
    expect((await request.post("/api/auth/forgot-password", { data: { email: "nope" } })).status()).toBe(422);
    expect((await request.post("/api/auth/forgot-password", { form: { email: "a@b.test" } })).status()).toBe(400);
  });
});

test("forgot password in the browser: the mailed link sets a new password, ends the old sessions, and works once", async ({ browser, request, adminAuth }) => {
  const user = await createUser(request, adminAuth);
  const oldContext = await browser.newContext();
  const oldPage = await oldContext.newPage();
  const oldLogin = new LoginPage(oldPage);
  await oldLogin.goto();
  await oldLogin.signIn(user.username, OLD_PASSWORD);
  await expect(oldPage.getByTestId("current-user")).toBeVisible();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("Email address").fill(user.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status").filter({ hasText: /If an account with that email address/ })).toBeVisible();

  const link = passwordLinkIn(await waitForMail(user.email, { subject: /reset/i }));
  // The mail leaves only after the token committed: the link works on the first visit.
  await page.goto(link);
  await page.getByLabel(/^New password\*?$/).fill(NEW_PASSWORD);
  await page.getByLabel("Confirm new password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Save password" }).click();
  await expect(page.getByText("Your password was saved.")).toBeVisible();

  await oldPage.goto("/admin/users");
  await expect(oldPage).toHaveURL(/\/login(\?|$)/);
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(user.username, OLD_PASSWORD);
  await expect(login.error).toHaveText("Invalid username or password.");
  await login.signIn(user.username, NEW_PASSWORD);
  await expect(page.getByTestId("current-user")).toBeVisible();
  await page.goto(link);
  await expect(page.getByText(/invalid or has expired/)).toBeVisible();
  await context.close();
  await oldContext.close();
});

test.describe("POST /api/v1/users/{id}/password-reset", () => {
  test("mails a reset link and returns { reset_url, expires_at } to an admin", async ({ request, adminAuth, baseURL }) => {
    const user = await createUser(request, adminAuth);
    const response = await request.post(`/api/v1/users/${user.id}/password-reset`, { headers: { ...adminAuth, host: "evil.example" } });
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { reset_url: string; expires_at: string; mailed: boolean };
    expect(new URL(body.reset_url).origin).toBe(new URL(baseURL!).origin);
    const minutes = (new Date(body.expires_at).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(28);
    expect(minutes).toBeLessThanOrEqual(30);
    expect(passwordLinkIn(await waitForMail(user.email, { subject: /reset/i }))).toBe(body.reset_url);
  });

  test("needs a token (401) and refuses unknown users (404)", async ({ request, adminAuth }) => {
    const user = await createUser(request, adminAuth);
    expect((await request.post(`/api/v1/users/${user.id}/password-reset`)).status()).toBe(401);
    expect((await request.post(`/api/v1/users/00000000-0000-0000-0000-00000000dead/password-reset`, { headers: adminAuth })).status()).toBe(404);
  });
});
