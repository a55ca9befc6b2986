import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, mfaOtpChannels } from "@/db/schema";
import { getDb } from "../db";
import { updateOwnProfile } from "../profile/profile";
import { signedIn } from "../profile/test-helpers";
import { actorFor, adminUser, createTestUser } from "../testing/factories";
import { updateUser } from "../users/update";

const channelsOf = async (userId: string) => (await (await getDb()).select().from(mfaOtpChannels).where(eq(mfaOtpChannels.userId, userId))).map((r) => r.channel).sort();

describe("an SMS or email factor follows the phone and email it proved", () => {
  it("is removed when the person changes that phone or email in their profile, and the change is audited", async () => {
    const user = await createTestUser({ phone: "+14155550100" });
    const db = await getDb();
    await db.insert(mfaOtpChannels).values([
      { userId: user.id, channel: "sms", target: "+14155550100" },
      { userId: user.id, channel: "email", target: user.email },
    ]);
    const { actor } = await signedIn(user);
    await updateOwnProfile(actor, { name: "Renamed" });
    expect(await channelsOf(user.id)).toEqual(["email", "sms"]);
    await updateOwnProfile(actor, { phone: "+14155550199" });
    expect(await channelsOf(user.id)).toEqual(["email"]);
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "user.profile_update"), eq(auditEvents.targetId, user.id)));
    expect(events.map((e) => (e.metadata as { mfa_channels_removed?: string[] }).mfa_channels_removed ?? null)).toEqual([null, ["sms"]]);
  });

  it("is removed when an admin changes the user's email", async () => {
    const user = await createTestUser();
    const db = await getDb();
    await db.insert(mfaOtpChannels).values({ userId: user.id, channel: "email", target: user.email.toUpperCase() });
    await updateUser(await actorFor(await adminUser()), user.id, { phone: "+14155550123" });
    expect(await channelsOf(user.id)).toEqual(["email"]); // same address, other case: still proved
    await updateUser(await actorFor(await adminUser()), user.id, { email: `new-${user.email}` });
    expect(await channelsOf(user.id)).toEqual([]);
  });
});
