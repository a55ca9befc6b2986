import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * One free port per run, chosen once by the runner; workers re-read this config but inherit E2E_PORT, so they agree.
 * (Fixed ports collide with other servers on shared machines.)
 */
function freePort(): string {
  const probe = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  const result = spawnSync(process.execPath, ["-e", probe], { encoding: "utf8" });
  const port = result.stdout.trim();
  if (result.status !== 0 || !/^\d+$/.test(port)) throw new Error(`could not find a free port: ${result.stderr}`);
  return port;
}

process.env.E2E_PORT ||= freePort();
const PORT = process.env.E2E_PORT;
const CI = !!process.env.CI;
const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: CI,
  retries: 0,
  // Generous: a 2-core machine under load (a build, a database) runs a browser flow in 10–30 s.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    // localhost, not 127.0.0.1: a WebAuthn rpID cannot be an IP address. APP_URL is the same origin.
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "node e2e/support/start-server.mjs",
    url: `http://127.0.0.1:${PORT}/login`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    // SIGTERM lets the launcher stop `next start` cleanly (PGlite lock released, PostgreSQL test database dropped).
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
