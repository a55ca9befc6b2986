/**
 * What the browser's WebAuthn errors mean to a person (client-safe: no server imports). @simplewebauthn/browser
 * throws a WebAuthnError with a `code`, or passes the DOMException through with its `name`.
 */
export function passkeyCeremonyMessage(error: unknown, ceremony: "register" | "authenticate"): string {
  const { name, code, message } = (error ?? {}) as { name?: string; code?: string; message?: string };
  if (code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED" || name === "InvalidStateError") {
    return "This device already holds a passkey for your account. Use another device or security key.";
  }
  if (name === "NotAllowedError" || name === "AbortError" || code === "ERROR_CEREMONY_ABORTED") {
    return ceremony === "register" ? "No passkey was created: the request was cancelled or timed out." : "The passkey request was cancelled or timed out.";
  }
  if (code === "ERROR_INVALID_DOMAIN" || code === "ERROR_INVALID_RP_ID" || name === "SecurityError") {
    return "Passkeys cannot be used at this address. Open Gatehouse at its usual address (HTTPS or localhost).";
  }
  if (code === "ERROR_AUTHENTICATOR_MISSING_USER_VERIFICATION_SUPPORT" || code === "ERROR_AUTHENTICATOR_NO_SUPPORTED_PUBKEYCREDPARAMS_ALG") {
    return "This authenticator cannot be used here. Try another device or security key.";
  }
  if (typeof message === "string" && /not supported/i.test(message)) return "This browser does not support passkeys.";
  return "Something went wrong with the passkey. Try again.";
}
