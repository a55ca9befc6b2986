import "server-only";
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { fetchForSms, SMS_HTTP_TIMEOUT_MS, SmsDeliveryError, type SmsMessage, type SmsProvider, type SmsSendResult } from "./provider";

export const SIGNATURE_HEADER = "X-Gatehouse-Signature";
export const TIMESTAMP_HEADER = "X-Gatehouse-Timestamp";
/** How old a signed request a receiver should still accept (and how far in the future). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/**
 * What is signed: the timestamp header, a dot, and the raw body. A captured request cannot be replayed once the
 * timestamp is stale, and the timestamp cannot be changed without breaking the signature.
 */
export function webhookSignature(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`, "utf8").digest("hex")}`;
}

/** For a receiver (and the tests): a valid signature over a fresh timestamp. Constant-time comparison. */
export function verifyWebhookSignature(input: {
  secret: string;
  rawBody: string;
  timestamp: string | null | undefined;
  signature: string | null | undefined;
  now?: Date;
  toleranceSeconds?: number;
}): boolean {
  const { timestamp, signature } = input;
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  const age = Math.abs((input.now ?? new Date()).getTime() / 1000 - Number(timestamp));
  if (age > (input.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS)) return false;
  const expected = Buffer.from(webhookSignature(input.secret, timestamp, input.rawBody));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export type WebhookOptions = { url: string; secret: string; timeoutMs?: number; now?: () => Date };

/**
 * POSTs each message as JSON `{ id, to, text, purpose, created_at }` to your own gateway, signed with
 * SMS_WEBHOOK_SECRET. Any 2xx is success; the gateway may answer `{ "id": "…" }` (or `message_id`) with its own
 * message id, otherwise ours (`id`, also usable as an idempotency key) is reported.
 */
export class WebhookSmsProvider implements SmsProvider {
  readonly id = "webhook";

  constructor(private readonly options: WebhookOptions) {}

  async send(message: SmsMessage): Promise<SmsSendResult> {
    const now = this.options.now?.() ?? new Date();
    const id = randomUUID();
    const body = JSON.stringify({ id, to: message.to, text: message.text, purpose: message.purpose, created_at: now.toISOString() });
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const response = await fetchForSms(
      this.id,
      this.options.url,
      {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "User-Agent": "Gatehouse-SMS/1",
          [TIMESTAMP_HEADER]: timestamp,
          [SIGNATURE_HEADER]: webhookSignature(this.options.secret, timestamp, body),
        },
        body,
      },
      this.options.timeoutMs ?? SMS_HTTP_TIMEOUT_MS,
    );
    const answer = await response.text().catch(() => "");
    if (!response.ok) throw new SmsDeliveryError(this.id, `the gateway answered HTTP ${response.status}`, response.status);
    return { providerMessageId: gatewayMessageId(answer) ?? id };
  }
}

function gatewayMessageId(answer: string): string | undefined {
  try {
    const parsed = JSON.parse(answer) as { id?: unknown; message_id?: unknown };
    const id = parsed.id ?? parsed.message_id;
    return typeof id === "string" && id.length > 0 && id.length <= 200 ? id : undefined;
  } catch {
    return undefined;
  }
}
