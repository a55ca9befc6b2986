import { randomBytes } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { LoginPage } from "./support/login-page";

const unique = () => randomBytes(4).toString("hex");
const PASSWORD = "Harbor-Violet-Compass-93";

async function createPerson(request: APIRequestContext, headers: Record<string, string>, username: string) {
  const response = await request.post("/api/v1/users", { headers, data: { email: `${username}@example.test`, username, password: PASSWORD } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; username: string };
}

test("an admin builds a group from both sides, assigns an org role, and the member's console shows exactly what it allows", async ({ adminPage: page, request, adminAuth, browser }) => {
  const member = await createPerson(request, adminAuth, `ann${unique()}`);
  const other = await createPerson(request, adminAuth, `ben${unique()}`);
  const groupName = `Ops ${unique()}`;

  // Create the group.
  await page.goto("/admin/groups");
  await page.getByLabel(/^Name\*?$/).fill(groupName);
  await page.getByRole("button", { name: "Create group" }).click();
  await expect(page).toHaveURL(/\/admin\/groups\/[0-9a-f-]{36}$/);

  // Add a member from the group page.
  await page.getByLabel("Find users").fill(member.username);
  await page.getByRole("checkbox", { name: new RegExp(member.username) }).check();
  await page.getByRole("button", { name: "Add members" }).click();
  await expect(page.getByRole("table", { name: `Members of ${groupName}` }).getByText(member.username).first()).toBeVisible();

  // Add the other user from their user page.
  await page.goto(`/admin/users/${other.id}/groups`);
  await page.getByLabel("Find groups").fill(groupName);
  await page.getByRole("checkbox", { name: new RegExp(groupName) }).check();
  await page.getByRole("button", { name: "Add to groups" }).click();
  await expect(page.getByRole("table", { name: `Groups of ${other.username}` }).getByText(groupName).first()).toBeVisible();

  // Both memberships are visible through the API as well.
  const members = await (await request.get(`/api/v1/users/${member.id}/groups`, { headers: adminAuth })).json();
  expect(JSON.stringify(members)).toContain(groupName);

  // Give the member the Org Auditor role in the current (Default) organization.
  await page.goto(`/admin/users/${member.id}/roles`);
  await page.getByRole("checkbox", { name: "Org Auditor" }).check();
  await page.getByRole("button", { name: "Save roles" }).click();
  await expect(page.getByRole("status").getByText(/saved|updated/i).first()).toBeVisible();

  // The member sees what Org Auditor allows — users and groups, read-only — and nothing more.
  const context = await browser.newContext();
  const memberPage = await context.newPage();
  const login = new LoginPage(memberPage);
  await login.goto();
  await login.signIn(member.username, PASSWORD);
  const nav = memberPage.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Users" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Groups" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);
  await memberPage.goto("/admin/users");
  await expect(memberPage.getByRole("table", { name: "Users" })).toBeVisible();
  await expect(memberPage.getByRole("link", { name: "+ Create user" })).toHaveCount(0);
  await expect(memberPage.getByRole("checkbox", { name: "Select all users on this page" })).toHaveCount(0);
  await memberPage.goto("/admin/users/new");
  await expect(memberPage.getByText(/You do not have access/)).toBeVisible();
  await context.close();
});
