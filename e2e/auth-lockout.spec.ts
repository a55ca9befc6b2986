import { randomBytes } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/fixtures";

const unique = () => randomBytes(4).toString("hex");
const PASSWORD = "Harbor-Lantern-Quill-83";

/** One password sign-in through NextAuth's own endpoint, exactly as the login form posts it. */
async function passwordSignIn(request: APIRequestContext, identifier: string, password: string, headers: Record<string, string> = {}) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", { form: { identifier, password, csrfToken, json: "true", callbackUrl: "/admin" }, headers });
  return { status: response.status(), body: (await response.json()) as { url: string } };
}

async function createUser(request: APIRequestContext, adminAuth: Record<string, string>) {
  const email = `lock-${unique()}@example.test`;
  const response = await request.post("/api/v1/users", { headers: adminAuth, data: { email, password: PASSWORD } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; username: string; email: string };
}

test.describe("POST /api/auth/callback/credentials — brute-force lock (T2)", () => {
  test("locks after 7 wrong passwords whatever X-Forwarded-For says; the locked answer equals a wrong password's; the admin clears the lock", async ({ playwright, adminAuth }) => {
    const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    const user = await createUser(api, adminAuth);

    const unknown = await passwordSignIn(api, `nobody-${unique()}`, PASSWORD);
    expect(unknown.status).toBe(401);
    for (let i = 0; i < 7; i++) {
      // Each attempt pretends to come from another client: the account lock does not care, and the limiter keys on the real peer.
      const wrong = await passwordSignIn(api, i % 2 ? user.email : user.username, `wrong-${i}`, { "x-forwarded-for": `203.0.113.${i + 1}` });
      expect(wrong).toEqual(unknown);
    }
    const lock = await (await api.get(`/api/v1/users/${user.id}/lock`, { headers: adminAuth })).json();
    expect(lock).toMatchObject({ failed_login_count: 7, is_locked: true });
    expect((await (await api.get(`/api/v1/users/${user.id}`, { headers: adminAuth })).json()).is_locked).toBe(true);

    const rightWhileLocked = await passwordSignIn(api, user.username, PASSWORD, { "x-forwarded-for": "198.51.100.99" });
    expect(rightWhileLocked).toEqual(unknown);
    expect(rightWhileLocked.body.url).toContain("error=CredentialsSignin");

    const cleared = await api.delete(`/api/v1/users/${user.id}/lock`, { headers: adminAuth });
    expect(cleared.status()).toBe(200);
    expect(await cleared.json()).toEqual({ failed_login_count: 0, locked_until: null, is_locked: false });
    const ok = await passwordSignIn(api, user.username, PASSWORD);
    expect(ok.status).toBe(200);
    expect(ok.body.url).not.toContain("error=");
    await api.dispose();
  });

  test("a spoofed X-Forwarded-For never becomes the recorded client address", async ({ playwright, adminAuth }) => {
    const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    const user = await createUser(api, adminAuth);
    const signedIn = await passwordSignIn(api, user.username, PASSWORD, { "x-forwarded-for": "203.0.113.250" });
    expect(signedIn.status).toBe(200);
    const { data } = (await (await api.get(`/api/v1/users/${user.id}/sessions`, { headers: adminAuth })).json()) as { data: Array<{ ip: string | null }> };
    expect(data).toHaveLength(1);
    expect(data[0].ip).toBe("127.0.0.1");
    await api.dispose();
  });

  test("GET/DELETE /api/v1/users/{id}/lock need users.view / users.update", async ({ request, adminAuth }) => {
    const user = await createUser(request, adminAuth);
    expect((await request.get(`/api/v1/users/${user.id}/lock`)).status()).toBe(401);
    expect((await request.delete(`/api/v1/users/${user.id}/lock`)).status()).toBe(401);
    expect((await request.get(`/api/v1/users/not-a-uuid/lock`, { headers: adminAuth })).status()).toBe(404);
  });
});

test("the admin sees a lock on the user's Sessions tab and clears it there", async ({ adminPage: page, adminAuth, playwright }) => {
  const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const user = await createUser(api, adminAuth);
  for (let i = 0; i < 7; i++) await passwordSignIn(api, user.username, "wrong-password");
  await page.goto(`/admin/users/${user.id}/sessions`);
  const signIn = page.getByRole("region", { name: "Sign-in" });
  await expect(signIn.getByText("Locked", { exact: true })).toBeVisible();
  await signIn.getByRole("button", { name: "Clear lock" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Clear lock" }).click();
  await expect(page.getByText(`${user.username} can sign in again`)).toBeVisible();
  await expect(signIn.getByText("Not locked")).toBeVisible();
  expect((await passwordSignIn(api, user.username, PASSWORD)).status).toBe(200);
  await api.dispose();
});
