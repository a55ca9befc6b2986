import type { MfaMethod, UserMfa } from "./types";

/** What Profile → Security shows about the person's own MFA (client-safe type). */
export type OwnMfaView = UserMfa & { available_methods: MfaMethod[] };
