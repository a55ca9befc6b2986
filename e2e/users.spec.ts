import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { LoginPage } from "./support/login-page";
import { passwordLinkIn, waitForMail } from "./support/mailbox";

const unique = () => randomBytes(4).toString("hex");

async function openCreateUser(page: Page) {
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "+ Create user" }).click();
  await expect(page.getByRole("heading", { name: "Create user" })).toBeVisible();
}

/** A fresh browser context: nobody signed in. */
async function asVisitor(browser: Browser) {
  const context = await browser.newContext();
  return { page: await context.newPage(), close: () => context.close() };
}

test("an admin creates a local user with a password they must change; the user is made to change it at sign-in", async ({ adminPage: page, browser }) => {
  const username = `carol${unique()}`;
  await openCreateUser(page);
  await page.getByLabel(/^Username\*?$/).fill(username);
  await page.getByLabel(/^Email\*?$/).fill(`${username}@example.test`);
  await page.getByLabel("First name").fill("Carol");
  await page.getByLabel("Set the password now").check();
  await page.getByLabel(/^Password\*?$/).fill("Juniper-Falcon-Anchor-31");
  await page.getByLabel("Password must be changed at next sign-in").check();
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Carol" })).toBeVisible();

  const visitor = await asVisitor(browser);
  const login = new LoginPage(visitor.page);
  await login.goto();
  await login.signIn(username, "Juniper-Falcon-Anchor-31");
  await expect(visitor.page).toHaveURL(/\/change-password/);
  // Nothing else is reachable until the password is changed.
  await visitor.page.goto("/admin/users");
  await expect(visitor.page).toHaveURL(/\/change-password/);
  await visitor.page.getByLabel("Current password").fill("Juniper-Falcon-Anchor-31");
  await visitor.page.getByLabel(/^New password\*?$/).fill("Saffron-Glacier-Meteor-58");
  await visitor.page.getByLabel("Confirm new password").fill("Saffron-Glacier-Meteor-58");
  await visitor.page.getByRole("button", { name: "Change password" }).click();
  // A user without console permissions lands on their profile.
  await expect(visitor.page).toHaveURL(/\/profile$/);
  await expect(visitor.page.getByTestId("current-user")).toHaveText("Carol");
  await visitor.close();
});

test("an admin creates a service account, and it cannot sign in", async ({ adminPage: page, browser }) => {
  const username = `svc${unique()}`;
  await openCreateUser(page);
  await page.getByLabel(/^Username\*?$/).fill(username);
  await page.getByLabel(/^Email\*?$/).fill(`${username}@service.test`);
  await page.getByLabel("Service account").check();
  await expect(page.getByText("Password setting")).toBeHidden();
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Service account (tokens only)")).toBeVisible();

  const visitor = await asVisitor(browser);
  const login = new LoginPage(visitor.page);
  await login.goto();
  await login.signIn(username, "anything-at-all");
  await expect(login.error).toHaveText("Invalid username or password.");
  await expect(visitor.page).toHaveURL(/\/login/);
  await visitor.close();
});

test("creating a user with 'send a reset link' mails a single-use link that sets the password", async ({ adminPage: page, browser }) => {
  const username = `dave${unique()}`;
  const email = `${username}@example.test`;
  await openCreateUser(page);
  await page.getByLabel(/^Email\*?$/).fill(email);
  await expect(page.getByLabel("Send a link to set the password by email")).toBeChecked();
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}$/);

  const mail = await waitForMail(email, { subject: /set up/i });
  const link = passwordLinkIn(mail);
  expect(new URL(link).origin).toBe(new URL(page.url()).origin);

  const visitor = await asVisitor(browser);
  await visitor.page.goto(link);
  await visitor.page.getByLabel(/^New password\*?$/).fill("Cobalt-Orchard-Whistle-64");
  await visitor.page.getByLabel("Confirm new password").fill("Cobalt-Orchard-Whistle-64");
  await visitor.page.getByRole("button", { name: "Save password" }).click();
  await expect(visitor.page.getByText("Your password was saved.")).toBeVisible();

  const login = new LoginPage(visitor.page);
  await login.goto();
  await login.signIn(email, "Cobalt-Orchard-Whistle-64");
  await expect(visitor.page.getByTestId("current-user")).toBeVisible();

  // The link works once.
  await visitor.page.goto(link);
  await expect(visitor.page.getByText(/invalid or has expired/)).toBeVisible();
  await visitor.close();
});

test("bulk deactivation reports each row and skips protected users", async ({ adminPage: page }) => {
  await page.goto("/admin/users?q=cp-service");
  await page.getByLabel("Select cp-service").check();
  await page.getByRole("button", { name: "Deactivate" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByRole("status").getByText(/0 done, 1 skipped/)).toBeVisible();
  await expect(page.getByRole("status").getByText(/control plane/)).toBeVisible();
});
