import { accessTokenSchema, exchangeTokenSchema } from "../../jwt/schema";
import { createdTokenSchema, createTokenSchema, listTokensQuerySchema, tokenPageSchema, tokenSchema, updateTokenSchema } from "../../tokens/schema";
import { named, type Operation } from "../operation";

const tag = "Tokens";
const token = named("Token", tokenSchema);
const page = named("TokenPage", tokenPageSchema);
const createdToken = named("CreatedToken", createdTokenSchema);
const createBody = named("CreateTokenInput", createTokenSchema);
const renameBody = named("UpdateTokenInput", updateTokenSchema);
const CONTROL_PLANE = { status: 409 as const, description: "The control plane's built-in token (cp-service@idp.local): never viewed, changed or deleted here." };
const SELF =
  "Signed in, anyone manages their own tokens. With a token, only one whose scopes include users.manage_tokens (a PAT does not mint PATs otherwise).";
const OTHERS = "The user themself, or users.manage_tokens where the user is a member; a token for someone else may do nothing the caller could not.";

export const tokenOperations: Operation[] = [
  {
    method: "post", path: "/auth/token", tag, permission: "authenticated", summary: "Exchange a PAT for a JWT",
    description: "Send a Personal Access Token as the Bearer token; get an ES256 JWT valid 15 minutes (iss, sub, preferred_username, iat, exp, jti, scope), verifiable with /.well-known/jwks.json. The body is optional: `scopes` narrows the JWT. A JWT cannot be exchanged.",
    body: named("ExchangeTokenInput", exchangeTokenSchema), success: { status: 200, schema: named("AccessToken", accessTokenSchema) },
  },
  { method: "get", path: "/me/tokens", tag, permission: "authenticated", summary: "List your tokens", description: SELF, query: listTokensQuerySchema, success: { status: 200, schema: page } },
  { method: "post", path: "/me/tokens", tag, permission: "authenticated", summary: "Create a token for yourself", description: `${SELF} The token is in this response only.`, body: createBody, success: { status: 201, schema: createdToken } },
  { method: "get", path: "/me/tokens/{tokenId}", tag, permission: "authenticated", summary: "Get one of your tokens", description: SELF, success: { status: 200, schema: token } },
  { method: "patch", path: "/me/tokens/{tokenId}", tag, permission: "authenticated", summary: "Rename one of your tokens", description: "Only the name changes.", body: renameBody, success: { status: 200, schema: token } },
  { method: "delete", path: "/me/tokens/{tokenId}", tag, permission: "authenticated", summary: "Revoke one of your tokens", description: "The token and every JWT exchanged for it stop working.", success: { status: 204 } },
  { method: "get", path: "/users/{id}/tokens", tag, permission: "users.manage_tokens", summary: "List a user's tokens", description: `${OTHERS} Built-in tokens are never listed.`, query: listTokensQuerySchema, success: { status: 200, schema: page } },
  { method: "post", path: "/users/{id}/tokens", tag, permission: "users.manage_tokens", summary: "Create a token for a user", description: `${OTHERS} The only way for service accounts. Scopes ⊆ the owner's permissions (default: all); expiry 1–365 days within the tokens.max_days setting. The token is in this response only.`, body: createBody, success: { status: 201, schema: createdToken }, errors: [CONTROL_PLANE] },
  { method: "get", path: "/users/{id}/tokens/{tokenId}", tag, permission: "users.manage_tokens", summary: "Get a user's token", description: OTHERS, success: { status: 200, schema: token }, errors: [CONTROL_PLANE] },
  { method: "patch", path: "/users/{id}/tokens/{tokenId}", tag, permission: "users.manage_tokens", summary: "Rename a user's token", body: renameBody, success: { status: 200, schema: token }, errors: [CONTROL_PLANE] },
  { method: "delete", path: "/users/{id}/tokens/{tokenId}", tag, permission: "users.manage_tokens", summary: "Revoke a user's token", success: { status: 204 }, errors: [CONTROL_PLANE] },
];
