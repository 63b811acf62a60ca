// The test run's shared seed instance (test/helpers/app.ts seedApp): indexed once, then every
// file's server starts on it without indexing again; it refuses writes, so no file can change
// what another file reads.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedApp, type TestApp } from "../helpers/app.ts";

let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  a = await seedApp();
  b = await seedApp();
}, 120_000);
afterAll(async () => {
  await a?.stop();
  await b?.stop();
});

describe("seedApp", () => {
  it("a second server shares the first one's data folder and indexes, finding nothing to index", async () => {
    expect(b.dataDir).toBe(a.dataDir);
    expect(b.names).toEqual(a.names);
    expect(b.indexed.mode).toBe("unchanged");
    const rows = readFileSync(join(a.dataDir, "store", "reports.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { kind: string; duplicateOf: string | null });
    const reports = rows.filter((r) => r.kind === "report" && r.duplicateOf === null).length;
    expect(reports).toBeGreaterThan(30);
    for (const app of [a, b]) expect(((await (await fetch(`${app.url}/api/health`)).json()) as { reports: number }).reports).toBe(reports);
  });

  it("refuses a write (403) and leaves the store as it was", async () => {
    const store = readFileSync(join(a.dataDir, "store", "reports.jsonl"), "utf8");
    const id = (JSON.parse(store.split("\n")[0]!) as { id: string }).id;
    const res = await fetch(`${a.url}/api/reports/${id}/metadata`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ sector: "school" }) });
    expect(res.status).toBe(403);
    expect(readFileSync(join(a.dataDir, "store", "reports.jsonl"), "utf8")).toBe(store);
    await expect(b.reindex()).rejects.toThrow(/read-only/);
  });
});
