import { readFileSync } from "node:fs";
import { API_TOKEN_FILE } from "./constants.mjs";

/** The admin's Personal Access Token that start-server.mjs issued with `npm run token:create` for this run. */
export function readApiToken(): string {
  const token = readFileSync(API_TOKEN_FILE, "utf8").trim();
  if (!token) throw new Error(`${API_TOKEN_FILE} is empty`);
  return token;
}
