import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { LoginPage } from "./support/login-page";

const unique = () => randomBytes(4).toString("hex");
const PASSWORD = "Lichen-Harbor-Tempest-48";

/** A user holding the built-in System Auditor role, with a token of their own. */
async function createAuditor(request: APIRequestContext, adminAuth: Record<string, string>) {
  const username = `aud${unique()}`;
  const created = await request.post("/api/v1/users", { headers: adminAuth, data: { username, email: `${username}@example.test`, password: PASSWORD } });
  expect(created.status(), await created.text()).toBe(201);
  const user = (await created.json()) as { id: string };
  const roles = await request.get("/api/v1/roles", { headers: adminAuth, params: { scope: "system", limit: 100 } });
  const auditorRole = ((await roles.json()) as { data: Array<{ id: string; builtin_key: string | null }> }).data.find((r) => r.builtin_key === "system_auditor");
  expect(auditorRole).toBeTruthy();
  const granted = await request.post(`/api/v1/users/${user.id}/roles`, { headers: adminAuth, data: { system_role_ids: [auditorRole!.id] } });
  expect(granted.status(), await granted.text()).toBe(200);
  const issued = await request.post(`/api/v1/users/${user.id}/tokens`, { headers: adminAuth, data: { name: "e2e" } });
  const token = ((await issued.json()) as { token: string }).token;
  return { username, id: user.id, auth: { Authorization: `Bearer ${token}` } };
}

test("an auditor filters the audit log, opens an event, exports CSV, and can change nothing", async ({ page, request, adminAuth }) => {
  const auditor = await createAuditor(request, adminAuth);
  // Something to find: a failed sign-in for an unknown name, written by the sign-in code itself.
  const ghost = `=ghost${unique()}`;
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(ghost, "whatever-it-is-1");
  await expect(login.error).toBeVisible();

  await login.signIn(auditor.username, PASSWORD);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Sign-ins per day/ })).toBeVisible();

  await page.goto("/admin/audit");
  await page.getByLabel(/^Actor\*?$/).fill(ghost);
  await page.getByLabel(/^Outcome\*?$/).selectOption("failure");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/outcome=failure/);
  const table = page.getByRole("table", { name: "Audit events" });
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByText("unknown user · password · via internal")).toBeVisible();

  await table.getByRole("button", { name: /^Details of event/ }).click();
  const drawer = page.getByRole("dialog", { name: "auth.sign_in" });
  await expect(drawer.getByText("unknown_user")).toBeVisible();
  await drawer.getByRole("button", { name: "Close" }).click();
  await expect(drawer).toBeHidden();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-events-.*\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toMatch(/^id,occurred_at,actor_kind,actor_id,actor_label,action,outcome,/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`,'${ghost},auth.sign_in,failure,`); // the "=" cannot become a formula

  // Read-only: no write controls on the page, and no write method anywhere on the log.
  await expect(page.getByRole("button", { name: /delete|edit|remove/i })).toHaveCount(0);
  const id = (await (await request.get("/api/v1/audit-events", { headers: auditor.auth, params: { actor: ghost } })).json()).data[0].id as number;
  for (const [method, url] of [["POST", "/api/v1/audit-events"], ["PATCH", `/api/v1/audit-events/${id}`], ["PUT", `/api/v1/audit-events/${id}`], ["DELETE", `/api/v1/audit-events/${id}`]] as const) {
    expect((await request.fetch(url, { method, headers: auditor.auth, data: {} })).status(), `${method} ${url}`).toBe(405);
  }
  expect((await request.patch(`/api/v1/users/${auditor.id}`, { headers: auditor.auth, data: { first_name: "Mallory" } })).status()).toBe(403);
  expect((await request.post("/api/v1/users", { headers: auditor.auth, data: { email: `x${unique()}@example.test` } })).status()).toBe(403);
  const verify = await request.get("/api/v1/audit-events/verify", { headers: auditor.auth });
  expect(verify.status()).toBe(200);
  expect(await verify.json()).toMatchObject({ ok: true, broken: null });
});

test.describe("GET /api/v1/audit-events", () => {
  test("pages newest first, validates filters, and is refused without audit.view", async ({ request, adminAuth }) => {
    const list = await request.get("/api/v1/audit-events", { headers: adminAuth, params: { limit: 5 } });
    expect(list.status()).toBe(200);
    const body = (await list.json()) as { data: Array<{ id: number }>; total: number; page: number; limit: number };
    expect(body).toMatchObject({ page: 1, limit: 5 });
    expect(body.data.map((e) => e.id)).toEqual([...body.data.map((e) => e.id)].sort((a, b) => b - a));
    expect((await request.get("/api/v1/audit-events", { headers: adminAuth, params: { outcome: "maybe" } })).status()).toBe(422);
    expect((await request.get("/api/v1/audit-events")).status()).toBe(401);

    const username = `plain${unique()}`;
    const created = await request.post("/api/v1/users", { headers: adminAuth, data: { username, email: `${username}@example.test`, password: PASSWORD } });
    const user = (await created.json()) as { id: string };
    const issued = await request.post(`/api/v1/users/${user.id}/tokens`, { headers: adminAuth, data: { name: "e2e" } });
    const plain = { Authorization: `Bearer ${((await issued.json()) as { token: string }).token}` };
    expect((await request.get("/api/v1/audit-events", { headers: plain })).status()).toBe(403);
    expect((await request.get("/api/v1/audit-events/export", { headers: plain })).status()).toBe(403);
  });
});
