import { named, type Operation } from "../operation";
import { userMfaSchema } from "../../mfa/types";

export const mfaOperations: Operation[] = [
  {
    method: "get",
    path: "/users/{id}/mfa",
    tag: "MFA",
    permission: "users.view",
    summary: "A user's MFA policy and enrolled methods",
    description: "The effective policy combines the global setting (off / optional / required for administrators / required for everyone) with the user's mfa_policy, and says why. Never returns a secret.",
    success: { status: 200, schema: named("UserMfa", userMfaSchema) },
  },
  {
    method: "delete",
    path: "/users/{id}/mfa",
    tag: "MFA",
    permission: "users.reset_mfa",
    summary: "Reset a user's MFA",
    description: "Removes the authenticator app, recovery codes, SMS/email channels and passkeys, and ends sign-ins waiting at the MFA step. Audited as user.mfa_reset.",
    success: { status: 204 },
  },
];
