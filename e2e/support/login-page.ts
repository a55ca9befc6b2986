import type { Locator, Page } from "@playwright/test";

/** The sign-in page (/login), driven the way a person would: by labels and roles. */
export class LoginPage {
  readonly identifier: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  /** The form's error message. Next also renders an empty role=alert route announcer, hence the filter. */
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.identifier = page.getByLabel("Username or email");
    this.password = page.getByLabel("Password", { exact: true });
    this.submit = page.getByRole("button", { name: "Sign in", exact: true });
    this.error = page.getByRole("alert").filter({ hasText: /./ });
  }

  async goto() {
    await this.page.goto("/login");
  }

  async signIn(identifier: string, password: string) {
    await this.identifier.fill(identifier);
    await this.password.fill(password);
    await this.submit.click();
  }
}
