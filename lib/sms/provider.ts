import "server-only";

/** One text message. `text` is the only place a one-time code may appear (never in logs or errors). */
export type SmsMessage = {
  /** E.164, e.g. +14155550123. */
  to: string;
  text: string;
  /** "mfa": a sign-in code; "verify-phone": proves a number before it becomes a second factor. */
  purpose: "mfa" | "verify-phone";
};

export type SmsSendResult = { providerMessageId?: string };

export interface SmsProvider {
  readonly id: string;
  send(message: SmsMessage): Promise<SmsSendResult>;
}

/** A provider could not deliver a message. The message is for server logs: it never contains the text. */
export class SmsDeliveryError extends Error {
  constructor(
    readonly providerId: string,
    message: string,
    readonly status?: number,
  ) {
    super(`${providerId}: ${message}`);
    this.name = "SmsDeliveryError";
  }
}

/** Provider HTTP calls give up after this long (a code that arrives minutes late is useless anyway). */
export const SMS_HTTP_TIMEOUT_MS = 10_000;

/** fetch with a timeout; network failures and timeouts become SmsDeliveryError. */
export async function fetchForSms(providerId: string, url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(url, { ...init, redirect: "error", signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    const reason = timedOut ? `no answer within ${timeoutMs} ms` : `request failed: ${cause.slice(0, 200)}`;
    throw new SmsDeliveryError(providerId, `${reason} (${new URL(url).origin})`);
  }
}
