/**
 * T1-style "last one standing" races (security-test-plan.md): two holders of something that must never run out are
 * removed at the same instant by every pair of reducing operations. One `it` per pair; a mutation check proves the
 * guard's lock is what keeps the invariant.
 */
import { expect, it } from "vitest";

/** Concurrency tests interleave only on PostgreSQL: PGlite runs one transaction at a time. */
export const onPostgres = !!process.env.DATABASE_URL;

/** Lets `parties` transactions pass together, or each after `timeoutMs` (a transaction blocked on the lock never arrives). */
function barrier(parties: number, timeoutMs: number) {
  let arrived = 0;
  let release!: () => void;
  const all = new Promise<void>((resolve) => (release = resolve));
  return async () => {
    if (++arrived >= parties) release();
    await Promise.race([all, new Promise((r) => setTimeout(r, timeoutMs))]);
  };
}

/** One race: what each of the two requests got, and how many holders are left afterwards. */
export type Race = { outcomes: PromiseSettledResult<unknown>[]; remaining: number };

/**
 * Fires two requests at once. With `forceInterleaving`, the guard's test seam (`afterWrite`) holds each request after
 * its write until the other has written too, or 25 ms have passed.
 */
export async function fireTogether(
  seam: { afterWrite?: () => Promise<void> },
  forceInterleaving: boolean,
  requests: () => [Promise<unknown>, Promise<unknown>],
): Promise<PromiseSettledResult<unknown>[]> {
  seam.afterWrite = forceInterleaving ? barrier(2, 25) : undefined;
  try {
    return await Promise.allSettled(requests());
  } finally {
    seam.afterWrite = undefined;
  }
}

const codesOf = (outcomes: PromiseSettledResult<unknown>[]) =>
  outcomes.map((o) => (o.status === "fulfilled" ? "ok" : (o.reason as { code?: string }).code)).sort();

/**
 * For every unordered pair of operations (each with itself too): `trials` races, every other one with the worst
 * interleaving forced. Each must leave exactly one holder, with one request succeeding and the other getting 409.
 */
export function itRacesEveryPair<Op>(
  operations: Record<string, Op>,
  trials: number,
  race: (a: Op, b: Op, forceInterleaving: boolean) => Promise<Race>,
) {
  for (const [nameA, opA] of Object.entries(operations)) {
    for (const [nameB, opB] of Object.entries(operations)) {
      if (nameB < nameA) continue;
      it(`${nameA} × ${nameB}: ${trials} trials, never zero, exactly one wins`, async () => {
        for (let i = 0; i < trials; i++) {
          const { outcomes, remaining } = await race(opA, opB, i % 2 === 0);
          expect(remaining).toBe(1);
          expect(codesOf(outcomes)).toEqual(["conflict", "ok"]);
        }
      });
    }
  }
}

/** With the guard's lock disabled, 10 forced interleavings must find at least one state with no holder left. */
export function itFailsWithoutTheLock(title: string, disableLock: () => void, race: () => Promise<Race>) {
  it.runIf(onPostgres)(`mutation check: ${title}`, async () => {
    disableLock();
    let violations = 0;
    for (let i = 0; i < 10; i++) if ((await race()).remaining === 0) violations++;
    expect(violations).toBeGreaterThan(0);
  });
}
