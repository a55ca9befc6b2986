import "server-only";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { z } from "zod";

/** The only reader of process.env (DESIGN.md §7). */
const emptyAsUndefined = (v: unknown) => (v === "" ? undefined : v);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.preprocess(emptyAsUndefined, z.string().url().optional()),
  PGLITE_DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default(".data/pglite")),
  AUTH_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional()),
  APP_URL: z.preprocess(emptyAsUndefined, z.string().url().default("http://localhost:3000")),
  ADMIN_EMAIL: z.preprocess(emptyAsUndefined, z.string().email().optional()),
  ADMIN_PASSWORD: z.preprocess(emptyAsUndefined, z.string().min(8).optional()),
  USER_DEFAULT_EXPIRED_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().optional()),
  SMTP_URL: z.preprocess(emptyAsUndefined, z.string().optional()),
  MAIL_FROM: z.preprocess(emptyAsUndefined, z.string().default("Gatehouse <no-reply@gatehouse.local>")),
  /** How many reverse proxies in front of the app append to X-Forwarded-For. */
  TRUST_PROXY_HOPS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(5).default(0)),
  NEXT_PHASE: z.string().optional(),
  /**
   * Where SMS one-time codes go: "console" (development: logged, not sent), "webhook" (a signed JSON POST to your
   * own gateway) or "twilio" (the Twilio REST API, or any compatible one at SMS_TWILIO_BASE_URL). The chosen
   * provider's settings are checked when the first text is sent (lib/sms/index.ts), not at start-up.
   */
  SMS_PROVIDER: z.preprocess(emptyAsUndefined, z.enum(["console", "webhook", "twilio"]).default("console")),
  // Plain strings here: they are checked (present, well-formed) only for the chosen provider, when it sends.
  SMS_WEBHOOK_URL: z.preprocess(emptyAsUndefined, z.string().optional()),
  /** HMAC key for X-Gatehouse-Signature (at least 16 characters). */
  SMS_WEBHOOK_SECRET: z.preprocess(emptyAsUndefined, z.string().optional()),
  SMS_TWILIO_ACCOUNT_SID: z.preprocess(emptyAsUndefined, z.string().optional()),
  SMS_TWILIO_AUTH_TOKEN: z.preprocess(emptyAsUndefined, z.string().optional()),
  /** A sender number (E.164) or a Messaging Service SID (MG…). */
  SMS_TWILIO_FROM: z.preprocess(emptyAsUndefined, z.string().optional()),
  SMS_TWILIO_BASE_URL: z.preprocess(emptyAsUndefined, z.string().default("https://api.twilio.com")),
});

export type Env = z.infer<typeof envSchema>;

function loadEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${lines}`);
  }
  return parsed.data;
}

export const env: Env = loadEnv();

// next-auth v4 reads NEXTAUTH_URL itself; derive it from APP_URL so there is one setting.
process.env.NEXTAUTH_URL ??= env.APP_URL;

export const isEmbeddedDatabase = () => !env.DATABASE_URL;

let cachedSecret: string | undefined;

/**
 * AUTH_SECRET, or — for the embedded single-node setup only — a secret generated once into .data/.
 * A server on a shared PostgreSQL must be given AUTH_SECRET so every instance agrees on it.
 */
export function authSecret(): string {
  if (cachedSecret) return cachedSecret;
  if (env.AUTH_SECRET) return (cachedSecret = env.AUTH_SECRET);
  if (env.DATABASE_URL && env.NODE_ENV === "production") {
    throw new Error("AUTH_SECRET is required when DATABASE_URL is set in production (every instance must share it).");
  }
  const file = path.join(process.cwd(), ".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return (cachedSecret = readFileSync(file, "utf8").trim());
}
