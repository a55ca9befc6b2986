import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { personalAccessTokens } from "@/db/schema";
import { getDb } from "../db";
import { createTestUser } from "../testing/factories";
import { REAUTH_WINDOW_MINUTES } from "./schema";
import { authenticatedMinutesAgo, signedIn } from "./test-helpers";
import { createOwnToken, revokeOwnToken } from "./tokens";

const N = REAUTH_WINDOW_MINUTES;

async function tokensOf(userId: string) {
  const db = await getDb();
  return db.select({ id: personalAccessTokens.id }).from(personalAccessTokens).where(eq(personalAccessTokens.userId, userId));
}

describe("own tokens from the profile (T14)", () => {
  it(`are created and revoked ${N - 1} minutes after sign-in, and refused at ${N + 1} without writing anything`, async () => {
    const user = await createTestUser();
    const { actor, sessionId } = await signedIn(user);

    await authenticatedMinutesAgo(sessionId, N + 1);
    await expect(createOwnToken(actor, { name: "late" })).rejects.toMatchObject({ code: "unauthenticated", details: { fieldErrors: { reauthentication: expect.any(Array) } } });
    expect(await tokensOf(user.id)).toHaveLength(0);

    await authenticatedMinutesAgo(sessionId, N - 1);
    const created = await createOwnToken(actor, { name: "in time" });
    expect(await tokensOf(user.id)).toHaveLength(1);

    await authenticatedMinutesAgo(sessionId, N + 1);
    await expect(revokeOwnToken(actor, created.id)).rejects.toMatchObject({ code: "unauthenticated" });
    expect(await tokensOf(user.id)).toHaveLength(1);
    await authenticatedMinutesAgo(sessionId, N - 1);
    await revokeOwnToken(actor, created.id);
    expect(await tokensOf(user.id)).toHaveLength(0);
  });
});
