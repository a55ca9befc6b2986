import { expect, test } from "./support/fixtures";
import { createPerson, enrollAuthenticator, signInPerson } from "./support/people";

test("an admin sees a person's MFA policy and methods, a pending sign-in reaches nothing, and Reset MFA sends them through setup again", async ({
  browser,
  request,
  adminAuth,
  adminPage,
}) => {
  const person = await createPerson(request, adminAuth, "mfaadm", { mfa_policy: "force_enabled" });

  // The admin's view before anything is enrolled: the effective policy and why.
  await adminPage.goto(`/admin/users/${person.id}/mfa`);
  await expect(adminPage.getByText("Force enabled on this account by an administrator.")).toBeVisible();
  await expect(adminPage.getByRole("button", { name: "Reset MFA" })).toHaveCount(0);

  // Password proved, setup pending: neither the console nor the API accepts this session yet.
  const { page, close } = await signInPerson(browser, person.username);
  await expect(page).toHaveURL(/\/mfa\/setup$/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/mfa\/setup$/);
  const me = await page.request.get("/api/v1/me");
  expect(me.status()).toBe(401);

  await page.getByRole("link", { name: /Authenticator app/ }).click();
  await enrollAuthenticator(page);
  await page.getByRole("button", { name: /I have saved them/ }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await close();

  // The admin sees the new method, resets it after a confirmation, and the reset is audited.
  await adminPage.reload();
  const methods = adminPage.getByRole("region", { name: "Enrolled methods" });
  await expect(methods.getByText(/Authenticator app/).first()).toBeVisible();
  await adminPage.getByRole("button", { name: "Reset MFA" }).click();
  const dialog = adminPage.getByRole("dialog", { name: `Reset MFA of ${person.username}?` });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  const still = await request.get(`/api/v1/users/${person.id}/mfa`, { headers: adminAuth });
  expect((await still.json()).methods.totp.enrolled).toBe(true);

  await adminPage.getByRole("button", { name: "Reset MFA" }).click();
  await dialog.getByRole("button", { name: "Reset MFA" }).click();
  await expect(adminPage.getByText(`MFA of ${person.username} was reset`)).toBeVisible();
  await expect(adminPage.getByRole("button", { name: "Reset MFA" })).toHaveCount(0);
  const after = await request.get(`/api/v1/users/${person.id}/mfa`, { headers: adminAuth });
  expect(await after.json()).toMatchObject({ methods: { totp: { enrolled: false }, recovery_codes: { total: 0 } } });
  const events = await request.get("/api/v1/audit-events", { headers: adminAuth, params: { action: "user.mfa_reset", target: person.id } });
  expect(events.status()).toBe(200);
  expect((await events.json()).data).toHaveLength(1);

  // The old authenticator no longer counts: the next sign-in leads through setup again.
  const again = await signInPerson(browser, person.username);
  await expect(again.page).toHaveURL(/\/mfa\/setup$/);
  await again.close();
});
