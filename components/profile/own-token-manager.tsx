"use client";

import { TokenManager, type TokenManagerProps } from "@/components/tokens/token-manager";
import { useReauth } from "./reauth-provider";

type Props = Omit<TokenManagerProps, "create" | "revoke"> & {
  create: NonNullable<TokenManagerProps["create"]>;
  revoke: NonNullable<TokenManagerProps["revoke"]>;
};

/** The token manager for one's own tokens: creating and revoking may first ask "confirm it's you". */
export function OwnTokenManager({ create, revoke, ...props }: Props) {
  const withReauth = useReauth();
  return <TokenManager {...props} create={(input) => withReauth(() => create(input))} revoke={(input) => withReauth(() => revoke(input))} />;
}
