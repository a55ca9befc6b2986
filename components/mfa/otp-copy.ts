/** What SMS and email codes are, as the profile and the setup pages explain them. */
export const OTP_CHANNEL_DESCRIPTIONS = {
  sms: "A 6-digit code texted to your phone when you sign in. The number is confirmed with a code before it is used.",
  email:
    "A 6-digit code sent to your email address when you sign in. Lower assurance than a passkey or an authenticator app (NIST SP 800-63B): anyone who can read your mail can use it.",
} as const;
