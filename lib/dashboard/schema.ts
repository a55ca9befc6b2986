import type { AuditEventDto } from "../audit/schema";

export type UserCounts = {
  total: number;
  active: number;
  inactive: number;
  expired: number;
  locked: number;
  service_accounts: number;
};

/** Among active people (service accounts never sign in interactively). */
export type MfaAdoption = { people: number; with_mfa: number; totp: number; passkeys: number; sms: number; email: number; face: number };

export type DailySignIns = { day: string; success: number; failure: number };

/** Each part is present only when the actor may see it (users.view, audit.view), scoped to their organizations. */
export type Dashboard = {
  scope: "all" | "organizations";
  users: UserCounts | null;
  mfa: MfaAdoption | null;
  sign_ins: DailySignIns[] | null;
  recent_failures: AuditEventDto[] | null;
};

export const SIGN_IN_DAYS = 30;
