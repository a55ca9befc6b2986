// Chromium for the e2e run: Debian's /usr/bin/chromium when present, otherwise Playwright's own (downloaded once).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync("/usr/bin/chromium")) {
  console.log("e2e: /usr/bin/chromium not found; installing Playwright's Chromium (first run only)…");
  const result = spawnSync("npx", ["playwright", "install", "chromium"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
