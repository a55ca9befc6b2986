/**
 * A real OpenLDAP directory (Debian's slapd) for tests, started as a child process on 127.0.0.1 with a throwaway
 * config and database, seeded over LDAP so the memberof overlay runs. See ../shared/notes/test-peers-verified.md §1.
 * Install: `apt-get install slapd ldap-utils` with debconf `slapd/no_configuration=true` (.ci/run does it).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createConnection, createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "ldapts";

export const SLAPD = "/usr/sbin/slapd";
export const LDAP_BASE_DN = "dc=example,dc=test";
export const LDAP_ADMIN_DN = `cn=admin,${LDAP_BASE_DN}`;
export const LDAP_ADMIN_PASSWORD = "adminpass";

export type LdapUserSeed = { uid: string; password: string; mail?: string; givenName?: string; sn?: string; cn?: string; telephoneNumber?: string };

export type LdapDirectory = {
  url: string;
  /** With `tls`: an ldaps:// listener, and the self-signed certificate (PEM) that StartTLS and LDAPS present. */
  ldapsUrl?: string;
  caPem?: string;
  baseDn: string;
  peopleDn: string;
  adminDn: string;
  adminPassword: string;
  addUser(user: LdapUserSeed): Promise<string>;
  stop(): Promise<void>;
};

export const slapdAvailable = () => existsSync(SLAPD);

/** Distinct free ports: every probe stays open until all are chosen, so the OS cannot hand out one twice. */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<Server>((resolve, reject) => {
      const server = createServer();
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve(server));
    })),
  );
  const ports = servers.map((server) => (server.address() as { port: number }).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`slapd exited with code ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: "127.0.0.1", port }, () => {
        socket.end();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`slapd did not listen on ${port}`);
}

/** A self-signed certificate for 127.0.0.1 (openssl), as in the notes' LDAPS recipe. */
function selfSignedCertificate(dir: string): { cert: string; key: string } {
  const cert = path.join(dir, "tls.crt");
  const key = path.join(dir, "tls.key");
  const result = spawnSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", key, "-out", cert], { stdio: "ignore" });
  if (result.status !== 0) throw new Error("openssl could not create a test certificate");
  return { cert, key };
}

function slapdConfig(dir: string, tls?: { cert: string; key: string }): string {
  return [
    "include /etc/ldap/schema/core.schema",
    "include /etc/ldap/schema/cosine.schema",
    "include /etc/ldap/schema/inetorgperson.schema",
    "include /etc/ldap/schema/nis.schema",
    "modulepath /usr/lib/ldap",
    "moduleload back_mdb",
    "moduleload memberof",
    `pidfile ${dir}/slapd.pid`,
    `argsfile ${dir}/slapd.args`,
    ...(tls ? [`TLSCertificateFile ${tls.cert}`, `TLSCertificateKeyFile ${tls.key}`] : []),
    "database mdb",
    "maxsize 104857600",
    `suffix "${LDAP_BASE_DN}"`,
    `rootdn "${LDAP_ADMIN_DN}"`,
    `rootpw ${LDAP_ADMIN_PASSWORD}`,
    `directory ${dir}/data`,
    "index objectClass eq",
    "index uid,cn,mail eq,sub",
    "overlay memberof",
    "access to attrs=userPassword by self write by anonymous auth by * none",
    "access to * by * read",
    "",
  ].join("\n");
}

export async function startLdapDirectory(seed: LdapUserSeed[] = [], options: { tls?: boolean } = {}): Promise<LdapDirectory> {
  const dir = mkdtempSync(path.join(tmpdir(), "gatehouse-slapd-"));
  mkdirSync(path.join(dir, "data"));
  const conf = path.join(dir, "slapd.conf");
  const tls = options.tls ? selfSignedCertificate(dir) : undefined;
  writeFileSync(conf, slapdConfig(dir, tls));
  const [port, ldapsPort] = await freePorts(tls ? 2 : 1);
  const url = `ldap://127.0.0.1:${port}`;
  const ldapsUrl = ldapsPort ? `ldaps://127.0.0.1:${ldapsPort}` : undefined;
  const listeners = [`${url}/`, ...(ldapsUrl ? [`${ldapsUrl}/`] : [])].join(" ");
  // -d 0 keeps slapd in the foreground as our child, so stopping it leaves no zombie behind.
  const child = spawn(SLAPD, ["-d", "0", "-h", listeners, "-f", conf], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    await waitForPort(port, child);
  } catch (error) {
    child.kill();
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }

  const peopleDn = `ou=people,${LDAP_BASE_DN}`;
  const admin = new Client({ url, timeout: 5000, connectTimeout: 5000 });
  await admin.bind(LDAP_ADMIN_DN, LDAP_ADMIN_PASSWORD);
  await admin.add(LDAP_BASE_DN, { objectClass: ["dcObject", "organization"], dc: "example", o: "Example" });
  await admin.add(peopleDn, { objectClass: "organizationalUnit", ou: "people" });
  await admin.add(`ou=groups,${LDAP_BASE_DN}`, { objectClass: "organizationalUnit", ou: "groups" });

  async function addUser(user: LdapUserSeed): Promise<string> {
    const dn = `uid=${user.uid},${peopleDn}`;
    const entry: Record<string, string | string[]> = {
      objectClass: ["inetOrgPerson"],
      uid: user.uid,
      cn: user.cn ?? `${user.givenName ?? user.uid} ${user.sn ?? ""}`.trim(),
      sn: user.sn ?? user.uid,
      userPassword: user.password,
    };
    if (user.mail) entry.mail = user.mail;
    if (user.givenName) entry.givenName = user.givenName;
    if (user.telephoneNumber) entry.telephoneNumber = user.telephoneNumber;
    await admin.add(dn, entry);
    return dn;
  }
  for (const user of seed) await addUser(user);

  return {
    url,
    ldapsUrl,
    caPem: tls ? readFileSync(tls.cert, "utf8") : undefined,
    baseDn: LDAP_BASE_DN,
    peopleDn,
    adminDn: LDAP_ADMIN_DN,
    adminPassword: LDAP_ADMIN_PASSWORD,
    addUser,
    async stop() {
      await admin.unbind().catch(() => {});
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Tests that need slapd skip without it on a developer machine, but fail in CI, where .ci/run installs it. */
export function slapdRequired(): boolean {
  if (slapdAvailable()) return true;
  if (process.env.CI) throw new Error(`${SLAPD} is missing: install slapd (see .ci/run)`);
  console.warn(`${SLAPD} not installed: LDAP tests skipped (apt-get install slapd ldap-utils)`);
  return false;
}
