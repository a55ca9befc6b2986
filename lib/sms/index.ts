import "server-only";
import { env, type Env } from "../env";
import { ConsoleSmsProvider } from "./console";
import type { SmsProvider } from "./provider";
import { TwilioSmsProvider } from "./twilio";
import { WebhookSmsProvider } from "./webhook";

export type { SmsMessage, SmsProvider, SmsSendResult } from "./provider";
export { SmsDeliveryError } from "./provider";

type SmsEnv = Pick<Env, Extract<keyof Env, `SMS_${string}`>>;

/** Names the settings a provider lacks or has malformed, so a misconfiguration says what to fix. */
function check(config: SmsEnv, names: (keyof SmsEnv)[], urls: (keyof SmsEnv)[] = []): void {
  const absent = names.filter((name) => !config[name]);
  if (absent.length) throw new Error(`SMS_PROVIDER=${config.SMS_PROVIDER} needs ${absent.join(", ")} to be set.`);
  for (const name of urls) {
    if (!URL.canParse(String(config[name])) || !/^https?:$/.test(new URL(String(config[name])).protocol)) throw new Error(`${name} must be an http(s) URL.`);
  }
  if (config.SMS_PROVIDER === "webhook" && config.SMS_WEBHOOK_SECRET!.length < 16) throw new Error("SMS_WEBHOOK_SECRET must be at least 16 characters.");
}

/**
 * The provider SMS_PROVIDER names, built from the current environment on each call (cheap; tests change `env`).
 * Only the chosen provider's settings are required, and only when a text is actually sent.
 */
export function getSmsProvider(config: SmsEnv = env): SmsProvider {
  switch (config.SMS_PROVIDER) {
    case "webhook":
      check(config, ["SMS_WEBHOOK_URL", "SMS_WEBHOOK_SECRET"], ["SMS_WEBHOOK_URL"]);
      return new WebhookSmsProvider({ url: config.SMS_WEBHOOK_URL!, secret: config.SMS_WEBHOOK_SECRET! });
    case "twilio":
      check(config, ["SMS_TWILIO_ACCOUNT_SID", "SMS_TWILIO_AUTH_TOKEN", "SMS_TWILIO_FROM"], ["SMS_TWILIO_BASE_URL"]);
      return new TwilioSmsProvider({
        accountSid: config.SMS_TWILIO_ACCOUNT_SID!,
        authToken: config.SMS_TWILIO_AUTH_TOKEN!,
        from: config.SMS_TWILIO_FROM!,
        baseUrl: config.SMS_TWILIO_BASE_URL,
      });
    case "console":
      return new ConsoleSmsProvider();
  }
}
