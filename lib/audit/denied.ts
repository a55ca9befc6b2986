import "server-only";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { audit } from "./audit";

/** Records a refused attempt (every 403 leaves a trace). A failure to record never changes the answer. */
export async function auditDenied(actor: Actor, metadata: Record<string, unknown>): Promise<void> {
  try {
    await audit(await getDb(), actor, "access.denied", null, null, { outcome: "denied", metadata });
  } catch (error) {
    console.error("could not audit a denied request", error);
  }
}
