import { randomBytes } from "node:crypto";
import { startLdapDirectory, slapdRequired, type LdapDirectory } from "./support/ldap-directory";
import { expect, test } from "./support/fixtures";
import { LoginPage } from "./support/login-page";

const SLUG = "e2e-ldap";
const suffix = randomBytes(3).toString("hex");
const LARA = { uid: `lara${suffix}`, password: "lara-directory-pass", mail: `lara${suffix}@ldap.test`, givenName: "Lara", sn: "Lindqvist" };

test.describe.configure({ mode: "serial" });
test.skip(!slapdRequired(), "slapd is not installed");

let directory: LdapDirectory;

test.beforeAll(async ({ playwright, adminAuth }) => {
  directory = await startLdapDirectory([LARA]);
  const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const response = await api.post("/api/v1/auth-sources", {
    headers: adminAuth,
    data: {
      slug: SLUG,
      name: "E2E directory",
      type: "ldap",
      enabled: true,
      position: 10,
      config: { url: directory.url, bind_dn: directory.adminDn, base_dn: directory.peopleDn },
      secrets: { bind_password: directory.adminPassword },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const created = (await response.json()) as { id: string };
  expect(JSON.stringify(created)).not.toContain(directory.adminPassword);
  sourceId = created.id;
  await api.dispose();
});
let sourceId: string | undefined;
// Disabled again afterwards: other specs of the run should not try a directory that is gone.
test.afterAll(async ({ playwright, adminAuth }) => {
  if (sourceId) {
    const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    await api.patch(`/api/v1/auth-sources/${sourceId}`, { headers: adminAuth, data: { enabled: false } });
    await api.dispose();
  }
  await directory?.stop();
});

test("a directory user signs in with their LDAP password and is created just in time with auth_source = the slug", async ({ page, request, adminAuth }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(LARA.uid, LARA.password);
  await expect(page.getByTestId("current-user")).toHaveText("Lara Lindqvist");

  const list = await request.get(`/api/v1/users?q=${LARA.uid}`, { headers: adminAuth });
  const { data } = (await list.json()) as { data: Array<Record<string, unknown>> };
  expect(data).toEqual([expect.objectContaining({ username: LARA.uid, email: LARA.mail, first_name: "Lara", last_name: "Lindqvist", auth_source: SLUG })]);
  const sessions = (await (await request.get(`/api/v1/users/${data[0].id}/sessions`, { headers: adminAuth })).json()) as { data: Array<{ auth_source: string }> };
  expect(sessions.data[0].auth_source).toBe(SLUG);

  // Federated users have no Gatehouse password to change.
  await page.goto("/change-password");
  await expect(page.getByText(`Your password is managed by your sign-in source (${SLUG})`)).toBeVisible();
});

test("a wrong directory password is refused with the generic message, and so is a user disabled in Gatehouse", async ({ page, request, adminAuth }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(LARA.uid, "not-the-directory-password");
  await expect(login.error).toHaveText("Invalid username or password.");

  const { data } = (await (await request.get(`/api/v1/users?q=${LARA.uid}`, { headers: adminAuth })).json()) as { data: Array<{ id: string }> };
  const patched = await request.patch(`/api/v1/users/${data[0].id}`, { headers: adminAuth, data: { is_active: false } });
  expect(patched.status()).toBe(200);
  await login.signIn(LARA.uid, LARA.password);
  await expect(login.error).toHaveText("Invalid username or password.");
  await expect(page).toHaveURL(/\/login/);
  await request.patch(`/api/v1/users/${data[0].id}`, { headers: adminAuth, data: { is_active: true } });
});

test("Test connection on the source's settings page talks to the directory", async ({ adminPage: page }) => {
  await page.goto("/admin/settings/auth-sources");
  await page.getByRole("link", { name: "E2E directory" }).click();
  await expect(page.getByLabel(/^Bind password/)).toHaveValue("");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Connection works." })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /finds \d+ entr/ })).toBeVisible();
});
