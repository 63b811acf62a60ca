// GET /api/export/{name} (issue 16): every row, streamed, with its provenance; CSV cells a
// spreadsheet would run as formulas neutralised. Row counts are recounted from the store's tokens.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../core/model.ts";
import { readManifest, readStore } from "../../core/store.ts";
import { createSegmenter } from "../../core/text/segment.ts";
import { toCsv } from "../../server/analytics/csv.ts";
import { ROOT, SEED_CORPUS, startApp, type TestApp } from "../helpers/app.ts";
import { parseCsv } from "../helpers/csv.ts";

let app: TestApp;
let live: Report[];
let tokensById: Map<string, string[]>;
const synonyms = JSON.parse(readFileSync(join(ROOT, "corpus", "synonyms.json"), "utf8")) as Record<string, string[]>;
const segmenter = createSegmenter("node-rs", readFileSync(join(ROOT, "corpus", "dict.txt"), "utf8"));

beforeAll(async () => {
  app = await startApp({ corpus: SEED_CORPUS });
  const { entries } = readStore(app.dataDir);
  live = entries.map((e) => e.report).filter((r) => r.kind === "report" && r.duplicateOf === null);
  tokensById = new Map(entries.map((e) => [e.report.id, e.tokens]));
});
afterAll(() => app?.stop());

function occurrences(word: string, reports: Report[]): number {
  const forms = [word, ...(synonyms[word] ?? [])].map((f) => segmenter.cut(f).filter((t) => t.trim()));
  let n = 0;
  for (const r of reports) {
    const s = tokensById.get(r.id)!.filter((t) => t.trim());
    for (let i = 0; i < s.length; i++) if (forms.some((seq) => seq.every((t, k) => s[i + k] === t))) n++;
  }
  return n;
}

describe("GET /api/export/{name}", () => {
  it("kwic as CSV: every occurrence (past the 500-line page), a BOM, and the corpus generation and fingerprint in headers", async () => {
    const expected = occurrences("工会", live);
    expect(expected).toBeGreaterThan(500);
    const res = await fetch(`${app.url}/api/export/kwic?term=${encodeURIComponent("工会")}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parseCsv(new TextDecoder().decode(bytes.slice(3)));
    expect(records[0]).toContain("match");
    expect(records.length - 1).toBe(expected);
    const matchCol = records[0].indexOf("match");
    expect(records.slice(1).every((r) => r[matchCol] === "工会")).toBe(true);
    expect(Number(res.headers.get("x-wenyuan-corpus-generation"))).toBe(readManifest(app.dataDir)!.generation);
    expect(res.headers.get("x-wenyuan-corpus-fingerprint")).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("kwic as JSON and the provenance sidecar: the query asked (filters included), the corpus, the time and the row count", async () => {
    const hospital = live.filter((r) => r.sector === "hospital");
    const expected = occurrences("工会", hospital);
    const json = await (await fetch(`${app.url}/api/export/kwic?term=${encodeURIComponent("工会")}&sector=hospital&format=json`)).json();
    expect(json.count).toBe(expected);
    expect(json.rows).toHaveLength(expected);
    expect(json.rows.every((r: { sector: string }) => r.sector === "hospital")).toBe(true);
    const side = await (await fetch(`${app.url}/api/export/kwic?term=${encodeURIComponent("工会")}&sector=hospital&format=provenance`)).json();
    expect(side.rows).toBe(expected);
    expect(side.endpoint).toBe("/api/kwic");
    expect(side.query).toMatchObject({ term: "工会", sector: ["hospital"] });
    expect(side.query).not.toHaveProperty("page");
    expect(side.corpus.generation).toBe(readManifest(app.dataDir)!.generation);
    expect(side.corpus.fingerprint).toBe(json.provenance.corpus.fingerprint);
    expect(Math.abs(Date.parse(side.exportedAt) - Date.now())).toBeLessThan(60_000);
  });

  it("the search results and the document table export every report they list", async () => {
    const withWord = live.filter((r) => occurrences("工会", [r]) > 0);
    const search = await (await fetch(`${app.url}/api/export/search?q=${encodeURIComponent("工会")}&format=json`)).json();
    expect(new Set(search.rows.map((h: { reportId: string }) => h.reportId))).toEqual(new Set(withWord.map((r) => r.id)));
    const table = parseCsv((await (await fetch(`${app.url}/api/export/reports?sector=agency`)).text()).slice(1));
    expect(table.length - 1).toBe(live.filter((r) => r.sector === "agency").length);
  });

  it("answers a bad parameter 400 before any row, and an unknown name 400", async () => {
    expect((await fetch(`${app.url}/api/export/kwic?format=csv`)).status).toBe(400);
    expect((await fetch(`${app.url}/api/export/nothing`)).status).toBe(400);
  });
});

describe("CSV cells", () => {
  it("neutralises text a spreadsheet would run as a formula, and leaves numbers alone", () => {
    const csv = toCsv([{ a: "=SUM(A1)", b: "+86", c: "-x", d: "@cmd", e: -3.2, f: "送温暖" }], ["a", "b", "c", "d", "e", "f"].map((key) => ({ key, header: key })));
    expect(csv.split("\r\n")[1]).toBe("'=SUM(A1),'+86,'-x,'@cmd,-3.2,送温暖");
  });
});
