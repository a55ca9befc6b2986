import { randomBytes } from "node:crypto";
import type { APIRequestContext, Browser } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { LoginPage } from "./support/login-page";

const unique = () => randomBytes(4).toString("hex");
const PASSWORD = "Meadow-Copper-Violin-26";

async function createUser(request: APIRequestContext, adminAuth: Record<string, string>) {
  const email = `sess-${unique()}@example.test`;
  const response = await request.post("/api/v1/users", { headers: adminAuth, data: { email, password: PASSWORD, first_name: "Sam" } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; username: string };
}

/** A browser of its own, signed in as the user. */
async function signedInBrowser(browser: Browser, username: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(username, PASSWORD);
  await expect(page.getByTestId("current-user")).toBeVisible();
  return { context, page };
}

/** The old cookie on its next request: pages send it to /login, the API (same origin) answers 401. */
async function expectSignedOut(page: import("@playwright/test").Page) {
  const api = await page.request.get("/api/v1/sessions", { headers: { origin: new URL(page.url()).origin } });
  expect(api.status()).toBe(401);
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/login(\?|$)/);
}

test.describe("session revocation (T6)", () => {
  test("DELETE /api/v1/users/{id}/sessions ends every session; the old cookie is refused on its next request; a new sign-in works", async ({ browser, request, adminAuth }) => {
    const user = await createUser(request, adminAuth);
    const one = await signedInBrowser(browser, user.username);
    const two = await signedInBrowser(browser, user.username);
    const origin = new URL(one.page.url()).origin;
    expect((await one.page.request.get("/api/v1/sessions", { headers: { origin } })).status()).toBe(200);

    const list = await request.get(`/api/v1/users/${user.id}/sessions`, { headers: adminAuth });
    const { data } = (await list.json()) as { data: Array<{ id: string; ip: string; user_agent: string; auth_source: string }> };
    expect(data).toHaveLength(2);
    expect(data[0]).toMatchObject({ auth_source: "internal", ip: "127.0.0.1", user_agent: expect.stringContaining("Chrome") });

    const revoked = await request.delete(`/api/v1/users/${user.id}/sessions`, { headers: adminAuth });
    expect(revoked.status()).toBe(200);
    expect(await revoked.json()).toEqual({ revoked: 2 });
    await expectSignedOut(one.page);
    await expectSignedOut(two.page);

    const again = await signedInBrowser(browser, user.username);
    await again.context.close();
    await one.context.close();
    await two.context.close();
  });

  test("DELETE /api/v1/sessions/{sid} ends only that session", async ({ browser, request, adminAuth }) => {
    const user = await createUser(request, adminAuth);
    const one = await signedInBrowser(browser, user.username);
    const origin = new URL(one.page.url()).origin;
    const mine = (await (await one.page.request.get("/api/v1/sessions", { headers: { origin } })).json()) as { data: Array<{ id: string; current: boolean }> };
    expect(mine.data).toEqual([expect.objectContaining({ current: true })]);
    const two = await signedInBrowser(browser, user.username);

    expect((await request.delete(`/api/v1/sessions/${mine.data[0].id}`, { headers: adminAuth })).status()).toBe(204);
    await expectSignedOut(one.page);
    await two.page.goto("/admin/users");
    await expect(two.page).not.toHaveURL(/\/login/);
    expect((await request.delete(`/api/v1/sessions/${mine.data[0].id}`, { headers: adminAuth })).status()).toBe(404);
    expect((await request.delete(`/api/v1/sessions/not-a-uuid`, { headers: adminAuth })).status()).toBe(404);
    await one.context.close();
    await two.context.close();
  });

  test("DELETE /api/v1/users/{id}/jwt-revocations refuses the old console JWT on its next request", async ({ browser, request, adminAuth }) => {
    const user = await createUser(request, adminAuth);
    const one = await signedInBrowser(browser, user.username);
    const cookies = await one.context.cookies();
    expect(cookies.some((c) => c.name.endsWith("next-auth.session-token"))).toBe(true);

    const response = await request.delete(`/api/v1/users/${user.id}/jwt-revocations`, { headers: adminAuth });
    expect(response.status()).toBe(204);
    await expectSignedOut(one.page);

    // The very same cookie, replayed from a fresh browser, is still refused.
    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    const page = await replay.newPage();
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/login(\?|$)/);
    await replay.close();
    await one.context.close();
  });

  test("DELETE /api/v1/users/{id}/jwt-revocations refuses an API JWT issued before it on its next request; the PAT and new JWTs work", async ({ request, adminAuth }) => {
    const user = await createUser(request, adminAuth);
    const pat = await request.post(`/api/v1/users/${user.id}/tokens`, { headers: adminAuth, data: { name: "jwt-revocation" } });
    expect(pat.status()).toBe(201);
    const patAuth = { Authorization: `Bearer ${((await pat.json()) as { token: string }).token}` };
    const exchange = async () => {
      const response = await request.post("/api/v1/auth/token", { headers: patAuth });
      expect(response.status(), await response.text()).toBe(200);
      return { Authorization: `Bearer ${((await response.json()) as { access_token: string }).access_token}` };
    };
    const oldJwt = await exchange();
    expect((await request.get("/api/v1/sessions", { headers: oldJwt })).status()).toBe(200);

    expect((await request.delete(`/api/v1/users/${user.id}/jwt-revocations`, { headers: adminAuth })).status()).toBe(204);
    expect((await request.get("/api/v1/sessions", { headers: oldJwt })).status()).toBe(401);
    expect((await request.get("/api/v1/sessions", { headers: patAuth })).status()).toBe(200);
    expect((await request.get("/api/v1/sessions", { headers: await exchange() })).status()).toBe(200);
  });

  test("the revocation endpoints need a permission and answer 404 for unknown users", async ({ request, adminAuth }) => {
    const user = await createUser(request, adminAuth);
    for (const path of [`/api/v1/users/${user.id}/sessions`, `/api/v1/users/${user.id}/jwt-revocations`]) {
      expect((await request.delete(path)).status()).toBe(401);
    }
    expect((await request.delete(`/api/v1/users/00000000-0000-0000-0000-00000000dead/sessions`, { headers: adminAuth })).status()).toBe(404);
    expect((await request.delete(`/api/v1/users/00000000-0000-0000-0000-00000000dead/jwt-revocations`, { headers: adminAuth })).status()).toBe(404);
  });
});

test("the Sessions tab lists a user's sessions and 'Revoke all IdP sessions' signs them out", async ({ adminPage: page, browser, request, adminAuth }) => {
  const user = await createUser(request, adminAuth);
  const visitor = await signedInBrowser(browser, user.username);
  await page.goto(`/admin/users/${user.id}/sessions`);
  const table = page.getByRole("table", { name: "Sessions" });
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByRole("cell", { name: "127.0.0.1" })).toBeVisible();
  await page.getByRole("button", { name: "Revoke all IdP sessions" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke sessions" }).click();
  await expect(page.getByText(`Revoked 1 session of ${user.username}`)).toBeVisible();
  await expect(page.getByText("No active sessions")).toBeVisible();
  await expectSignedOut(visitor.page);

  const again = await signedInBrowser(browser, user.username);
  await page.reload();
  await page.getByRole("button", { name: "Revoke all JWT tokens" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke JWTs" }).click();
  await expect(page.getByText(`JWTs of ${user.username} revoked`)).toBeVisible();
  await expectSignedOut(again.page);
  await visitor.context.close();
  await again.context.close();
});
