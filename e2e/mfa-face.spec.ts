import { rmSync } from "node:fs";
import { chromium, type Browser, type Page } from "@playwright/test";
import { HUMAN_VENDOR_BASE } from "../components/mfa/face-vendor";
import { fakeCameraFile, type FaceName } from "./support/face-camera.mjs";
import { expect, test } from "./support/fixtures";
import { createPerson, enrollAuthenticator, nextStepCode, signInPerson as signIn } from "./support/people";

// Face models run on the server for every capture, and in each browser for guidance: give the flow room.
test.setTimeout(180_000);

const cameras: { browser: Browser; file: string }[] = [];

/** A Chromium of its own whose webcam plays a picture of one person (the fake camera is fixed at launch). */
async function cameraBrowser(face: FaceName): Promise<Browser> {
  const file = fakeCameraFile(face);
  const launch = test.info().project.use.launchOptions ?? {};
  const browser = await chromium.launch({
    ...launch,
    args: [...(launch.args ?? []), "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${file}`],
  });
  cameras.push({ browser, file });
  return browser;
}

test.afterAll(async () => {
  for (const { browser, file } of cameras) {
    await browser.close();
    rmSync(file, { force: true });
  }
});

test.beforeAll(async ({ request, adminAuth }) => {
  // The admin enables the face backend only (partial PATCH: the global policy and other backends stay as they are).
  const response = await request.patch("/api/v1/settings/mfa", { headers: adminAuth, data: { face: true } });
  expect(response.status(), await response.text()).toBe(200);
  expect(await response.json()).toMatchObject({ face: true });
});

/** At the MFA step: choose facial recognition, turn the camera on, let it take the pictures. */
async function verifyWithFace(page: Page) {
  await expect(page).toHaveURL(/\/login\/mfa$/);
  await page.getByRole("radio", { name: "Facial recognition" }).check();
  await page.getByRole("button", { name: "Turn on camera" }).click();
  await page.getByRole("button", { name: "Verify with my face" }).click();
}

test("the face models and wasm come from Gatehouse itself, whitelisted and cached", async ({ request }) => {
  const bundle = await request.get(`${HUMAN_VENDOR_BASE}human.esm.js`);
  expect(bundle.status()).toBe(200);
  expect(bundle.headers()["content-type"]).toMatch(/^text\/javascript/);
  expect(bundle.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  const wasm = await request.get(`${HUMAN_VENDOR_BASE}wasm/tfjs-backend-wasm-simd.wasm`);
  expect(wasm.headers()["content-type"]).toBe("application/wasm");
  expect((await request.get(`${HUMAN_VENDOR_BASE}models/blazeface.json`)).headers()["content-type"]).toBe("application/json");
  for (const refused of ["models/faceres.json", "..%2Fpackage.json", "%2e%2e/%2e%2e/package.json", "dist/human.esm.js"]) {
    expect((await request.get(`${HUMAN_VENDOR_BASE}${refused}`)).status(), refused).toBe(404);
  }
  expect((await request.get("/vendor/human/0.0.1/human.esm.js")).status()).toBe(404);
});

test("a person enrolls their face after an authenticator app, passes the MFA step with it; another face fails and the app still works", async ({ request, adminAuth }) => {
  const person = await createPerson(request, adminAuth, "face");
  const alice = await cameraBrowser("alice");

  const first = await signIn(alice, person.username);
  const page = first.page;
  await expect(page).toHaveURL(/\/profile$/);
  // Facial recognition never stands alone: not before another method exists.
  await page.goto("/profile/security/mfa/face");
  await expect(page.getByText(/Add another method first/)).toBeVisible();
  await page.goto("/profile/security/mfa/totp");
  const { secret } = await enrollAuthenticator(page);
  await page.getByRole("button", { name: "I have saved them" }).click();
  await page.goto("/profile/security");
  await page.getByRole("link", { name: "Set up Facial recognition" }).click();
  await expect(page).toHaveURL(/\/profile\/security\/mfa\/face$/);
  await expect(page.getByText(/no image of you\s+is stored/)).toBeVisible();

  await page.getByRole("button", { name: "Turn on camera" }).click();
  // Live guidance from the detector served by /vendor/human (the fake camera shows one centred face).
  await expect(page.getByRole("status").filter({ hasText: "Good. Hold still." })).toBeVisible({ timeout: 60_000 });
  const capture = page.getByRole("button", { name: "Capture and save" });
  await expect(capture).toBeDisabled(); // consent first
  await page.getByLabel(/I agree that Gatehouse computes encrypted face templates/).check();
  await capture.click();
  await expect(page.getByText("Facial recognition set up")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/\d face templates?, saved/)).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await first.close();

  // The same face passes the MFA step.
  const second = await signIn(alice, person.username);
  await verifyWithFace(second.page);
  await expect(second.page).toHaveURL(/\/profile$/, { timeout: 60_000 });
  await second.close();

  // Another person's face is refused; the authenticator app is still offered and works.
  const other = await cameraBrowser("other");
  const third = await signIn(other, person.username);
  await verifyWithFace(third.page);
  await expect(third.page.getByRole("alert").filter({ hasText: /didn't match/ })).toBeVisible({ timeout: 60_000 });
  await expect(third.page).toHaveURL(/\/login\/mfa$/);
  await third.page.getByRole("radio", { name: "Authenticator app" }).check();
  await third.page.getByLabel(/^Authentication code\*?$/).fill(await nextStepCode(secret));
  await third.page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(third.page).toHaveURL(/\/profile$/);
  await third.close();
});
