import "server-only";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { audit } from "../audit/audit";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { conflict, forbidden, parseInput } from "../errors";
import { getSettings } from "../settings/settings";
import { z } from "zod";
import { backendAllowed, effectivePolicy, enrolledMethods, isAdministrator, usableMethods } from "./policy";
import { mfaSelfFromActor } from "./self";
import { SETUP_ORDER } from "./setup";
import type { OwnMfaView } from "./own-view";

export type { OwnMfaView as OwnMfa } from "./own-view";

/** The signed-in person's own MFA: policy and why, enrolled methods, and the methods they may set up now. */
export async function getOwnMfa(actor: Actor): Promise<OwnMfaView> {
  if (actor.kind !== "user" || !actor.userId) throw forbidden("Only a signed-in person has their own MFA.");
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw forbidden();
  const { mfa } = await getSettings(db);
  const administrator = await isAdministrator(db, user);
  const methods = await enrolledMethods(db, user.id);
  return {
    policy: effectivePolicy(user, mfa, administrator),
    methods,
    usable_methods: usableMethods(methods, mfa, administrator),
    available_methods: ([...SETUP_ORDER, "face"] as const).filter((m) => backendAllowed(m, mfa, administrator)),
  };
}

export const setOwnMfaSchema = z.object({ enabled: z.boolean() }).strict();

/**
 * JumpServer's self-service switch: a person whose MFA is not enforced turns it on (needs a usable method) or off
 * (their methods stay, they are simply not asked). A sensitive change: recent authentication required.
 */
export async function setOwnMfaEnabled(actor: Actor, input: unknown): Promise<{ mfa_policy: "enabled" | "disabled" }> {
  const { enabled } = parseInput(setOwnMfaSchema, input);
  const self = await mfaSelfFromActor(actor);
  const db = await getDb();
  const { mfa } = await getSettings(db);
  const administrator = await isAdministrator(db, self.user);
  const policy = effectivePolicy(self.user, mfa, administrator);
  if (self.user.mfaPolicy === "force_enabled" || policy.required) throw conflict("A second factor is required for your account; it cannot be turned off.");
  if (mfa.policy === "off") throw conflict("MFA is switched off by your administrator.");
  if (enabled && !usableMethods(await enrolledMethods(db, self.user.id), mfa, administrator).length) throw conflict("Set up a second factor first.");
  const next = enabled ? "enabled" : "disabled";
  await db.transaction(async (tx) => {
    await tx.update(users).set({ mfaPolicy: next, updatedAt: new Date() }).where(eq(users.id, self.user.id));
    await audit(tx, self.actor, "user.mfa_policy_self", { type: "user", id: self.user.id, label: self.user.username }, { mfa_policy: { before: self.user.mfaPolicy, after: next } });
  });
  return { mfa_policy: next };
}
