// Gries' DP in the word list (issue 16), against a recount over the store's tokens written here:
// DP = ½ Σ over reports |vᵢ/f − sᵢ|, sᵢ = the report's share of the word tokens.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../core/model.ts";
import { readStore } from "../../core/store.ts";
import { getJson, SEED_CORPUS, startApp, type TestApp } from "../helpers/app.ts";

let app: TestApp;
let live: Report[];
let tokensById: Map<string, string[]>;

beforeAll(async () => {
  app = await startApp({ corpus: SEED_CORPUS });
  const { entries } = readStore(app.dataDir);
  live = entries.map((e) => e.report).filter((r) => r.kind === "report" && r.duplicateOf === null);
  tokensById = new Map(entries.map((e) => [e.report.id, e.tokens]));
});
afterAll(() => app?.stop());

/** A word token: one with a letter or a digit (punctuation and whitespace are not words). */
const isWord = (t: string) => /[\p{L}\p{N}]/u.test(t);

function dp(term: string, reports: Report[]): number {
  const sizes = reports.map((r) => tokensById.get(r.id)!.filter(isWord).length);
  const total = sizes.reduce((a, b) => a + b, 0);
  const v = reports.map((r) => tokensById.get(r.id)!.filter((t) => t === term).length);
  const f = v.reduce((a, b) => a + b, 0);
  return 0.5 * v.reduce((sum, vi, i) => sum + Math.abs(vi / f - sizes[i] / total), 0);
}

type Freq = { rows: { term: string; count: number; dp: number }[] };

describe("the word list's DP", () => {
  it("equals the recount for the top words of the corpus and of the hospital reports, and tells spread words from concentrated ones", async () => {
    for (const [qs, reports] of [
      ["", live],
      ["&sector=hospital", live.filter((r) => r.sector === "hospital")],
    ] as const) {
      const { status, body } = await getJson<Freq>(app.url, `/api/frequency?limit=40${qs}`);
      expect(status).toBe(200);
      expect(body.rows.length).toBe(40);
      for (const row of body.rows) expect(row.dp, `${qs} ${row.term}`).toBeCloseTo(dp(row.term, reports), 9);
    }
    // 工会 is in every report; 医院 only in the hospital ones: the second is far less evenly spread
    const { body } = await getJson<Freq>(app.url, "/api/frequency?limit=5000");
    const of = (t: string) => body.rows.find((r) => r.term === t)!.dp;
    expect(of("医院")).toBeGreaterThan(of("工会") + 0.3);
  });
});

describe("a term report by report (breakdown by=report)", () => {
  it("lists every report of the selection with its title and the term's count in it", async () => {
    const hospital = live.filter((r) => r.sector === "hospital");
    const { status, body } = await getJson<{ rows: { key: string; label?: string; count: number }[] }>(app.url, `/api/breakdown?term=${encodeURIComponent("工会")}&by=report&sector=hospital`);
    expect(status).toBe(200);
    expect(body.rows.map((r) => r.key).sort()).toEqual(hospital.map((r) => r.id).sort());
    for (const row of body.rows) {
      const report = hospital.find((r) => r.id === row.key)!;
      expect(row.label).toBe(report.title);
      expect(row.count, report.title).toBe(tokensById.get(report.id)!.filter((t) => t === "工会").length);
    }
  });
});
