import { z } from "zod";
import { named, type Operation } from "../operation";

const session = z.looseObject({
  id: z.guid(),
  user_id: z.guid(),
  stage: z.enum(["mfa", "mfa_enroll", "password_change", "active"]),
  auth_source: z.string(),
  methods: z.array(z.string()),
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
  created_at: z.iso.datetime(),
  last_seen_at: z.iso.datetime(),
  expires_at: z.iso.datetime(),
  current: z.boolean().describe("The session making this request."),
});
const sessionList = named("SessionList", z.object({ data: z.array(session) }));
const lockStatus = named("LockStatus", z.looseObject({ failed_login_count: z.number().int(), locked_until: z.iso.datetime().nullable(), is_locked: z.boolean() }));

export const sessionOperations: Operation[] = [
  { method: "get", path: "/sessions", tag: "Sessions", permission: "authenticated", summary: "Your console sessions", success: { status: 200, schema: sessionList } },
  { method: "delete", path: "/sessions/{sid}", tag: "Sessions", permission: "users.revoke_sessions", summary: "End a session", description: "One of your own, or users.revoke_sessions on its owner.", success: { status: 204 } },
  { method: "get", path: "/users/{id}/sessions", tag: "Sessions", permission: "users.view", summary: "A user's live sessions", description: "users.view, or yourself.", success: { status: 200, schema: sessionList } },
  { method: "delete", path: "/users/{id}/sessions", tag: "Sessions", permission: "users.revoke_sessions", summary: "Revoke all IdP sessions of a user", description: "users.revoke_sessions, or yourself.", success: { status: 200, schema: named("RevokedSessions", z.looseObject({ revoked: z.number().int() })) } },
  { method: "delete", path: "/users/{id}/jwt-revocations", tag: "Sessions", permission: "users.revoke_sessions", summary: "Revoke all JWTs of a user", description: "Stores jwt_revoked_before = now: every JWT issued at or before it (console sessions included) is refused. PATs are not revoked by it.", success: { status: 204 } },
  { method: "get", path: "/users/{id}/lock", tag: "Users", permission: "users.view", summary: "A user's brute-force lock", success: { status: 200, schema: lockStatus } },
  { method: "delete", path: "/users/{id}/lock", tag: "Users", permission: "users.update", summary: "Clear a user's brute-force lock", success: { status: 200, schema: lockStatus } },
  { method: "post", path: "/users/{id}/password-reset", tag: "Users", permission: "users.reset_password", summary: "Send a password reset link", description: "Mails a single-use link and also returns it to the admin. Federated users and service accounts have no Gatehouse password: 409.", success: { status: 200, schema: named("PasswordResetLink", z.looseObject({ reset_url: z.string(), expires_at: z.iso.datetime(), mailed: z.boolean() })) }, errors: [{ status: 409, description: "No Gatehouse password to reset." }] },
];
