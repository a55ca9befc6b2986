import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./client";

const dir = mkdtempSync(path.join(tmpdir(), "gatehouse-lock-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("embedded database lock", () => {
  it("refuses a second opener of the same data directory with a clear error, and frees it on close", async () => {
    const dataDir = path.join(dir, "pglite");
    const first = await openDatabase({ dataDir });
    await expect(openDatabase({ dataDir })).rejects.toThrow(/already open in this process/);
    await first.close();
    const again = await openDatabase({ dataDir });
    await again.close();
  });

  it("refuses a data directory locked by another live process", async () => {
    const dataDir = path.join(dir, "other");
    writeFileSync(`${dataDir}.lock`, String(process.ppid));
    await expect(openDatabase({ dataDir })).rejects.toThrow(new RegExp(`in use by process ${process.ppid}`));
  });

  it("takes over a lock left by a process that no longer exists", async () => {
    const dataDir = path.join(dir, "stale");
    writeFileSync(`${dataDir}.lock`, "999999999");
    const handle = await openDatabase({ dataDir });
    await handle.close();
  });
});
