import "server-only";
import type { UserRow } from "@/db/schema";
import { authenticateWithLdap, DirectoryUnavailableError } from "../auth-sources/ldap";
import { provisionFederatedUser, type ProvisionRefusal } from "../auth-sources/provision";
import { enabledSources } from "../auth-sources/queries";
import { INTERNAL_SOURCE } from "../auth-sources/schema";
import type { RequestMeta } from "./actor";
import { verifyPassword } from "./passwords";

export type BackendOutcome = { user: UserRow; source: string } | { refused: ProvisionRefusal } | null;

/**
 * The password backends, JumpServer's way: every enabled one in order (internal first, then LDAP sources by position),
 * or — with "only the user's own source" on and a known user — just that user's source. A directory that cannot be
 * reached is logged and skipped like a wrong password. Exactly one argon2 verification happens on every path, so an
 * unknown user, a federated one and a wrong password cost the same.
 */
export async function authenticatePassword(found: UserRow | undefined, identifier: string, password: string, onlyUserSource: boolean, meta: RequestMeta): Promise<BackendOutcome> {
  const directories = await enabledSources("ldap");
  const order = onlyUserSource && found ? [found.authSource] : [INTERNAL_SOURCE, ...directories.map((d) => d.slug)];
  let hashed = false;
  try {
    for (const slug of order) {
      if (slug === INTERNAL_SOURCE) {
        hashed = true;
        if (await verifyPassword(found?.authSource === INTERNAL_SOURCE ? found.passwordHash : null, password)) return { user: found!, source: INTERNAL_SOURCE };
        continue;
      }
      const directory = directories.find((d) => d.slug === slug);
      if (!directory) continue;
      const identity = await authenticateWithLdap(directory.config, directory.secrets, identifier, password).catch((error: unknown) => {
        if (!(error instanceof DirectoryUnavailableError)) throw error;
        console.error(`sign-in: LDAP source ${slug} unavailable: ${error.message}`);
        return null;
      });
      if (!identity) continue;
      const result = await provisionFederatedUser(slug, identity, meta);
      return "refused" in result ? { refused: result.refused } : { user: result.user, source: slug };
    }
    return null;
  } finally {
    if (!hashed) await verifyPassword(null, password);
  }
}
