import "server-only";
import { AndFilter, Client, EqualityFilter, FilterParser, InvalidCredentialsError, OrFilter, SizeLimitExceededError, type Filter } from "ldapts";
import type { ConnectionTestResult, LdapConfig, SourceSecrets } from "./schema";

/** Who the directory says a user is, mapped through the source's attribute settings. */
export type DirectoryIdentity = {
  externalId: string;
  dn: string;
  username: string;
  email: string;
  name: string;
  firstName: string;
  lastName: string;
  phone: string | null;
};

/** The directory could not be reached or refused the service account: a configuration problem, not a wrong password. */
export class DirectoryUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DirectoryUnavailableError";
  }
}

/** Throws on a filter that does not parse (checked when a source is saved). */
export const parseUserFilter = (filter: string): Filter => FilterParser.parseString(filter || "(objectClass=*)");

/** (&<user filter>(|(uid=<login>)(mail=<login>))) with the login escaped by ldapts, never spliced into the string. */
export function userSearchFilter(config: LdapConfig, login: string): Filter {
  const byLogin = new OrFilter({
    filters: [new EqualityFilter({ attribute: config.attr_username, value: login }), new EqualityFilter({ attribute: config.attr_email, value: login })],
  });
  return new AndFilter({ filters: [parseUserFilter(config.user_filter), byLogin] });
}

const tlsOptions = (config: LdapConfig) => (config.tls_ca ? { ca: [config.tls_ca] } : {});

/** ldapts opens TLS at once whenever it is given TLS options, even for ldap:// — so only LDAPS gets them here. */
function newClient(config: LdapConfig): Client {
  const ms = config.timeout_seconds * 1000;
  const ldaps = /^ldaps:/i.test(config.url);
  return new Client({ url: config.url, timeout: ms, connectTimeout: ms, ...(ldaps ? { tlsOptions: tlsOptions(config) } : {}) });
}

async function openServiceConnection(config: LdapConfig, secrets: SourceSecrets): Promise<Client> {
  const client = newClient(config);
  try {
    if (config.start_tls) await client.startTLS(tlsOptions(config));
    if (config.bind_dn) await client.bind(config.bind_dn, secrets.bind_password ?? "");
    return client;
  } catch (error) {
    await client.unbind().catch(() => {});
    const reason = error instanceof InvalidCredentialsError ? "the directory refused the bind DN or its password" : error instanceof Error ? error.message.trim() : String(error);
    throw new DirectoryUnavailableError(`LDAP service connection failed: ${reason}`, { cause: error });
  }
}

const first = (value: unknown): string => {
  const one = Array.isArray(value) ? value[0] : value;
  if (one === undefined || one === null) return "";
  return Buffer.isBuffer(one) ? one.toString("utf8") : String(one);
};

const mappedAttributes = (config: LdapConfig) =>
  [config.attr_username, config.attr_email, config.attr_name, config.attr_first_name, config.attr_last_name, config.attr_phone, config.attr_external_id].filter(Boolean);

function toIdentity(config: LdapConfig, entry: Record<string, unknown> & { dn: string }): DirectoryIdentity {
  const get = (attribute: string) => (attribute ? first(entry[attribute]).trim() : "");
  return {
    externalId: get(config.attr_external_id) || entry.dn,
    dn: entry.dn,
    username: get(config.attr_username),
    email: get(config.attr_email).toLowerCase(),
    name: get(config.attr_name),
    firstName: get(config.attr_first_name),
    lastName: get(config.attr_last_name),
    phone: get(config.attr_phone) || null,
  };
}

/**
 * Password check against the directory: search as the service account for exactly one entry matching the login,
 * then bind as that entry with the password. Null for an unknown login, an ambiguous one or a wrong password.
 * An empty password is refused before any bind: some servers (Active Directory) treat it as an anonymous success.
 */
export async function authenticateWithLdap(config: LdapConfig, secrets: SourceSecrets, login: string, password: string): Promise<DirectoryIdentity | null> {
  if (!password || !login) return null;
  const service = await openServiceConnection(config, secrets);
  let entry: (Record<string, unknown> & { dn: string }) | undefined;
  try {
    const { searchEntries } = await service.search(config.base_dn, { scope: "sub", filter: userSearchFilter(config, login), attributes: mappedAttributes(config), sizeLimit: 2 });
    if (searchEntries.length !== 1) return null;
    entry = searchEntries[0];
  } catch (error) {
    if (error instanceof SizeLimitExceededError) return null; // the login matches several entries: ambiguous, refused
    throw new DirectoryUnavailableError(`LDAP search failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    await service.unbind().catch(() => {});
  }

  const user = newClient(config);
  try {
    if (config.start_tls) await user.startTLS(tlsOptions(config));
    await user.bind(entry.dn, password);
    return toIdentity(config, entry);
  } catch (error) {
    if (error instanceof InvalidCredentialsError) return null;
    throw new DirectoryUnavailableError(`LDAP user bind failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    await user.unbind().catch(() => {});
  }
}

/** "Test connection": connect (and StartTLS), bind as the service account, and count users the filter finds. */
export async function testLdapConnection(config: LdapConfig, secrets: SourceSecrets): Promise<ConnectionTestResult> {
  let client: Client;
  try {
    client = await openServiceConnection(config, secrets);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  try {
    const { searchEntries } = await client.search(config.base_dn, { scope: "sub", filter: parseUserFilter(config.user_filter), attributes: ["dn"], sizeLimit: 1000 });
    return { ok: true, message: `Connected and bound. The user filter finds ${searchEntries.length} ${searchEntries.length === 1 ? "entry" : "entries"} under ${config.base_dn}.`, details: { users_found: searchEntries.length } };
  } catch (error) {
    if (error instanceof SizeLimitExceededError) return { ok: true, message: `Connected and bound. The user filter finds more than 1000 entries under ${config.base_dn}.`, details: { users_found: ">1000" } };
    return { ok: false, message: `Connected, but the search failed: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    await client.unbind().catch(() => {});
  }
}
