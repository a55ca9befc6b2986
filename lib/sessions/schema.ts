/** A console session as the REST API and the user page show it. Never anything that would let someone resume it. */
export type SessionDto = {
  id: string;
  user_id: string;
  stage: "mfa" | "mfa_enroll" | "password_change" | "active";
  auth_source: string;
  methods: string[];
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  /** The session making this request. */
  current: boolean;
};

export type RevokedSessions = { revoked: number };
export type JwtRevocation = { jwt_revoked_before: string; sessions_revoked: number };
