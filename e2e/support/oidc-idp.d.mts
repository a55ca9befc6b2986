export type OidcTestClient = { client_id: string; client_secret: string; redirect_uris: string[] };
export type OidcTestProvider = {
  issuer: string;
  setAccount(id: string, claims: Record<string, unknown>): void;
  close(): Promise<void>;
};
export function startOidcProvider(options: { clients: OidcTestClient[]; accounts?: Record<string, Record<string, unknown>> }): Promise<OidcTestProvider>;
