import "server-only";
import { fetchForSms, SMS_HTTP_TIMEOUT_MS, SmsDeliveryError, type SmsMessage, type SmsProvider, type SmsSendResult } from "./provider";

export type TwilioOptions = { accountSid: string; authToken: string; from: string; baseUrl: string; timeoutMs?: number };

/**
 * Twilio's Messages API with plain fetch (no SDK): form-encoded To/From/Body, HTTP Basic with the account SID and
 * auth token. `baseUrl` points it at any Twilio-compatible API (or a local fake in tests). A `from` starting with
 * "MG" is a Messaging Service SID.
 */
export class TwilioSmsProvider implements SmsProvider {
  readonly id = "twilio";

  constructor(private readonly options: TwilioOptions) {}

  async send(message: SmsMessage): Promise<SmsSendResult> {
    const { accountSid, authToken, from, baseUrl } = this.options;
    const url = `${baseUrl.replace(/\/+$/, "")}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`;
    const form = new URLSearchParams({ To: message.to, Body: message.text });
    form.set(/^MG[0-9a-f]{32}$/i.test(from) ? "MessagingServiceSid" : "From", from);
    const response = await fetchForSms(
      this.id,
      url,
      {
        method: "POST",
        headers: {
          Authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`,
          "Content-Type": "application/x-www-form-urlencoded",
          Accept: "application/json",
        },
        body: form.toString(),
      },
      this.options.timeoutMs ?? SMS_HTTP_TIMEOUT_MS,
    );
    const answer = (await response.json().catch(() => null)) as { sid?: unknown; code?: unknown; message?: unknown } | null;
    if (!response.ok) {
      // Twilio errors look like { code: 21211, message: "The 'To' number … is not a valid phone number." }.
      const detail = answer && typeof answer.code === "number" ? ` (Twilio error ${answer.code}${typeof answer.message === "string" ? `: ${answer.message.slice(0, 200)}` : ""})` : "";
      throw new SmsDeliveryError(this.id, `the API answered HTTP ${response.status}${detail}`, response.status);
    }
    if (!answer || typeof answer.sid !== "string") throw new SmsDeliveryError(this.id, "the API accepted the message but returned no sid", response.status);
    return { providerMessageId: answer.sid };
  }
}
