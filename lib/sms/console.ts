import "server-only";
import type { SmsMessage, SmsProvider, SmsSendResult } from "./provider";

/**
 * The development default (SMS_PROVIDER unset or "console"), like the mail log transport: nothing is sent, the text
 * is written to the server log so a developer can read the code. Never configure it where real people sign in.
 */
export class ConsoleSmsProvider implements SmsProvider {
  readonly id = "console";

  async send(message: SmsMessage): Promise<SmsSendResult> {
    console.info(`[sms] SMS_PROVIDER is "console"; this text was not sent.\nSMS to ${message.to}: ${message.text}\n[/sms]`);
    return {};
  }
}
