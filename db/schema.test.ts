import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestUser } from "@/lib/testing/factories";
import { getDb } from "@/lib/db";
import { auditEvents, personalAccessTokens, sessions, users } from "./schema";

describe("schema", () => {
  it("keeps usernames and emails unique regardless of case", async () => {
    await createTestUser({ username: "Casey", email: "Casey@Example.test" });
    await expect(createTestUser({ username: "casey" })).rejects.toThrow();
    await expect(createTestUser({ email: "CASEY@example.TEST" })).rejects.toThrow();
  });

  it("deleting a user removes their sessions and tokens but keeps audit events", async () => {
    const db = await getDb();
    const user = await createTestUser();
    await db.insert(sessions).values({ userId: user.id, stage: "active", authSource: "internal", methods: ["password"], expiresAt: new Date(Date.now() + 60_000) });
    await db.insert(personalAccessTokens).values({ userId: user.id, name: "t", tokenHash: "h".repeat(64), prefix: "gth_pat_x" });
    await db.insert(auditEvents).values({ actorKind: "user", actorId: user.id, action: "test.event", targetType: "user", targetId: user.id });
    await db.delete(users).where(eq(users.id, user.id));
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    expect(await db.select().from(personalAccessTokens).where(eq(personalAccessTokens.userId, user.id))).toHaveLength(0);
    expect(await db.select().from(auditEvents).where(eq(auditEvents.actorId, user.id))).toHaveLength(1);
  });
});
