import { test as base, expect } from "@playwright/test";
import { readApiToken } from "./api-token";
import { ADMIN_PASSWORD, ADMIN_USERNAME } from "./constants.mjs";
import { LoginPage } from "./login-page";

type PageFixtures = {
  loginPage: LoginPage;
  /** A page already signed in as the bootstrap super-admin. */
  adminPage: LoginPage["page"];
};
type WorkerFixtures = {
  /** `{ Authorization: "Bearer <admin PAT>" }` */
  adminAuth: Record<string, string>;
};

export const test = base.extend<PageFixtures, WorkerFixtures>({
  loginPage: async ({ page }, provide) => {
    await provide(new LoginPage(page));
  },
  adminPage: async ({ page }, provide) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(ADMIN_USERNAME, ADMIN_PASSWORD);
    await expect(page).toHaveURL(/\/admin(\/|$)/);
    await provide(page);
  },
  adminAuth: [async ({}, provide) => provide({ Authorization: `Bearer ${readApiToken()}` }), { scope: "worker" }],
});

export { expect };
