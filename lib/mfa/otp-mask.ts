/** Where a code went, as shown on screen, in audit events and in answers: enough to recognise, not to harvest. */

// E.164 country codes: 1 and 7 are one digit; these zones use three digits; every other code has two.
const THREE_DIGIT_COUNTRY = /^(2[1-689]|3[578]|42|5[09]|6[7-9]|8[035789]|9[679])/;

function countryCode(digits: string): string {
  if (digits.startsWith("1") || digits.startsWith("7")) return digits.slice(0, 1);
  return THREE_DIGIT_COUNTRY.test(digits) ? digits.slice(0, 3) : digits.slice(0, 2);
}

/** "+14155550123" → "+1 ••• ••• 0123". */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 8) return "•••";
  return `+${countryCode(digits)} ••• ••• ${digits.slice(-4)}`;
}

/** "ada@example.com" → "a•••@example.com". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "•••";
  return `${email.slice(0, 1)}•••${email.slice(at)}`;
}

export const maskTarget = (channel: "sms" | "email", target: string) => (channel === "sms" ? maskPhone(target) : maskEmail(target));
