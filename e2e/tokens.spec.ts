import { randomBytes } from "node:crypto";
import { expect, test } from "./support/fixtures";

const PAT = /^gth_pat_[0-9A-Za-z]{43}$/;

test("an admin creates a service account, issues it a token shown once, and the API accepts it until the token is revoked", async ({ adminPage: page, request, adminAuth, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const username = `svc${randomBytes(4).toString("hex")}`;

  // A service account, created in the console.
  await page.goto("/admin/users/new");
  await page.getByLabel(/^Username\*?$/).fill(username);
  await page.getByLabel(/^Email\*?$/).fill(`${username}@service.test`);
  await page.getByLabel("Service account").check();
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}$/);
  const userId = page.url().split("/").pop()!;

  // It may read users (a role given through the API), so its token has something to do.
  const roles = await request.get("/api/v1/roles", { headers: adminAuth, params: { scope: "system", limit: 100 } });
  const auditor = ((await roles.json()) as { data: { id: string; builtin_key: string | null }[] }).data.find((r) => r.builtin_key === "system_auditor")!;
  expect((await request.post(`/api/v1/users/${userId}/roles`, { headers: adminAuth, data: { system_role_ids: [auditor.id] } })).status()).toBe(200);

  // The Tokens tab: a token scoped to viewing users.
  await page.goto(`/admin/users/${userId}/tokens`);
  await expect(page.getByRole("heading", { name: "No tokens" })).toBeVisible();
  await page.getByRole("button", { name: "New token" }).click();
  const dialog = page.getByRole("dialog", { name: "New token" });
  await dialog.getByLabel(/^Name\*?$/).fill("ci-deploy");
  await dialog.getByLabel(/^Expires in \(days\)\*?$/).fill("30");
  await dialog.getByLabel("All permissions of the owner").uncheck();
  await dialog.getByRole("checkbox", { name: /View users/ }).check();
  await dialog.getByRole("button", { name: "Create token" }).click();

  // Shown exactly once, with a copy button.
  const shown = page.getByRole("dialog", { name: 'Token "ci-deploy" created' });
  await expect(shown).toBeVisible();
  const value = await shown.getByLabel("New token").inputValue();
  expect(value).toMatch(PAT);
  await shown.getByRole("button", { name: "Copy" }).click();
  await expect(shown.getByRole("button", { name: "Copied" })).toBeVisible();
  const token = await page.evaluate(() => navigator.clipboard.readText());
  expect(token).toBe(value);
  await shown.getByRole("button", { name: "Done" }).click();
  await expect(shown).toBeHidden();

  const row = page.getByTestId("token-row").filter({ hasText: "ci-deploy" });
  await expect(row).toContainText(token.slice(0, 14));
  await expect(row).toContainText("users.view");
  await page.reload();
  await expect(page.getByTestId("token-row")).toHaveCount(1);
  expect(await page.content()).not.toContain(token);

  // A curl-style call with it works, and so does a JWT exchanged for it.
  const bearer = { Authorization: `Bearer ${token}` };
  const listed = await request.get("/api/v1/users", { headers: bearer, params: { q: username } });
  expect(listed.status()).toBe(200);
  expect(((await listed.json()) as { data: { username: string }[] }).data.map((u) => u.username)).toContain(username);
  expect((await request.get("/api/v1/groups", { headers: bearer })).status()).toBe(403); // outside its scope
  const exchanged = await request.post("/api/v1/auth/token", { headers: bearer });
  expect(exchanged.status()).toBe(200);
  const jwt = ((await exchanged.json()) as { access_token: string }).access_token;
  expect((await request.get("/api/v1/users", { headers: { Authorization: `Bearer ${jwt}` } })).status()).toBe(200);

  // The last use is shown.
  await page.reload();
  await expect(page.getByTestId("token-row")).toContainText(/UTC/);

  // Revoked in the console: both stop at once.
  await page.getByRole("button", { name: "Revoke ci-deploy" }).click();
  const confirm = page.getByRole("dialog", { name: 'Revoke "ci-deploy"?' });
  await confirm.getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByText('Revoked "ci-deploy"')).toBeVisible();
  await expect(page.getByTestId("token-row")).toHaveCount(0);
  expect((await request.get("/api/v1/users", { headers: bearer })).status()).toBe(401);
  expect((await request.get("/api/v1/users", { headers: { Authorization: `Bearer ${jwt}` } })).status()).toBe(401);
});
