// Shared by the Playwright specs (TypeScript, see constants.d.mts) and the plain-Node server launcher.
import { fileURLToPath } from "node:url";

/** The super-admin the server bootstraps from ADMIN_PASSWORD on the e2e database. */
export const ADMIN_USERNAME = "admin";
export const ADMIN_EMAIL = "admin@gatehouse.local";
export const ADMIN_NAME = "Administrator";
export const ADMIN_PASSWORD = "E2e-Admin-Passw0rd!";

/** Fixed test-only secret (48 characters): sessions signed by one run are never reused by another. */
export const AUTH_SECRET = "e2e-only-auth-secret-not-for-production-01234567";

/** Everything an e2e run writes (the embedded database, the API token, mail) lives here; one folder per run's port. */
const RUN_DIR = `../../.data/e2e-${process.env.E2E_PORT ?? "run"}/`;
export const E2E_DATA_DIR = fileURLToPath(new URL(RUN_DIR, import.meta.url));
export const PGLITE_DATA_DIR = fileURLToPath(new URL(`${RUN_DIR}pglite`, import.meta.url));
/** A Personal Access Token of the admin, issued by `npm run token:create` before the server starts. */
export const API_TOKEN_FILE = fileURLToPath(new URL(`${RUN_DIR}api-token`, import.meta.url));
/** Every email the app sends during a run, one JSON file per message (see mail-sink.mjs). */
export const MAIL_DIR = fileURLToPath(new URL(`${RUN_DIR}mail`, import.meta.url));
/** Every text the app sends during a run, one JSON file per message (see sms-sink.mjs). */
export const SMS_DIR = fileURLToPath(new URL(`${RUN_DIR}sms`, import.meta.url));
/** Shared by the app's webhook SMS provider and the sink that verifies its signatures. */
export const SMS_WEBHOOK_SECRET = "e2e-only-sms-webhook-secret-0123456789";
