import { api } from "@/lib/api/handler";
import { ok } from "@/lib/api/responses";
import { sendPasswordResetLink } from "@/lib/auth/admin-password-reset";

/** POST /api/v1/users/{id}/password-reset — users.reset_password: mails a reset link and answers `{ reset_url, expires_at, mailed }`. */
export const POST = api<{ id: string }>({ permission: "users.reset_password" }, async ({ actor, params }) => ok(await sendPasswordResetLink(actor, params.id)));
