import { ADMIN_EMAIL, ADMIN_NAME, ADMIN_PASSWORD, ADMIN_USERNAME } from "./support/constants.mjs";
import { expect, test } from "./support/fixtures";

const SIGN_IN_FAILED = "Invalid username or password.";

test.describe("Sign-in", () => {
  test("the admin signs in to the dashboard, sees the users table and signs out again", async ({ page, loginPage }) => {
    await loginPage.goto();
    await loginPage.signIn(ADMIN_USERNAME, ADMIN_PASSWORD);

    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    // Other specs create users in parallel: find the admin the way a person would, with the search box.
    await page.getByLabel("Search users").fill(ADMIN_EMAIL);
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/q=admin/);
    const table = page.getByRole("table", { name: "Users" });
    await expect(table.getByRole("row").filter({ has: page.getByRole("cell", { name: ADMIN_USERNAME, exact: true }) })).toHaveCount(1);
    await expect(page.getByTestId("current-user")).toHaveText(ADMIN_NAME);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login(\?|$)/);
    await expect(loginPage.submit).toBeVisible();

    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/login(\?|$)/);
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toHaveCount(0);
  });

  test("a wrong password is refused with the generic message", async ({ page, loginPage }) => {
    await loginPage.goto();
    await loginPage.signIn(ADMIN_USERNAME, "not-the-password-1!");

    await expect(loginPage.error).toHaveText(SIGN_IN_FAILED);
    await expect(page).toHaveURL(/\/login(\?|$)/);
    await expect(page.getByTestId("current-user")).toHaveCount(0);
  });

  test("an unknown username gets the same message as a wrong password", async ({ page, loginPage }) => {
    await loginPage.goto();
    await loginPage.signIn("nobody-here", ADMIN_PASSWORD);

    await expect(loginPage.error).toHaveText(SIGN_IN_FAILED);
    await expect(page).toHaveURL(/\/login(\?|$)/);
  });
});
