// Analytics over the bundled seed corpus through the HTTP API, checked against
// independent scans of the corpus store (not against the analytics code).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../core/model.ts";
import { readStore } from "../../core/store.ts";
import { getJson, SEED_CORPUS, startApp, type TestApp } from "../helpers/app.ts";

let app: TestApp;
let reports: Report[];
let tokens: Map<string, string[]>;

beforeAll(async () => {
  app = await startApp({ corpus: SEED_CORPUS });
  // The store's files, parsed directly: the counts below don't go through the analytics code.
  const { entries } = readStore(app.dataDir);
  reports = entries.map((e) => e.report);
  tokens = new Map(entries.map((e) => [e.report.id, e.tokens]));
});
afterAll(() => app?.stop());

const live = () => reports.filter((r) => r.kind === "report" && r.duplicateOf === null);
const count = (hay: string, needle: string) => hay.split(needle).length - 1;

describe("analytics on the seed corpus", () => {
  it("kwic totals equal an independent scan of every report's text", async () => {
    for (const term of ["送温暖", "职代会", "工会", "困难职工"]) {
      const sub = await getJson<{ total: number; reports: number; lines: { left: string; match: string; right: string; offset: number; reportId: string }[] }>(app.url, `/api/kwic?match=substring&perPage=500&term=${encodeURIComponent(term)}`);
      expect(sub.status).toBe(200);
      const expected = live().reduce((n, r) => n + count(r.text, term), 0);
      expect(sub.body.total, term).toBe(expected);
      expect(sub.body.reports, term).toBe(live().filter((r) => r.text.includes(term)).length);
      const word = await getJson<{ total: number }>(app.url, `/api/kwic?perPage=1&term=${encodeURIComponent(term)}`);
      const expectedWords = live().reduce((n, r) => n + tokens.get(r.id)!.filter((t) => t === term).length, 0);
      expect(word.body.total, term).toBe(expectedWords);
      for (const l of sub.body.lines) {
        const text = reports.find((r) => r.id === l.reportId)!.text;
        expect(text.slice(l.offset - l.left.length, l.offset + l.match.length + l.right.length)).toBe(l.left + l.match + l.right);
      }
    }
  });

  it("breakdown rows sum to the overall figures", async () => {
    for (const by of ["sector", "year", "docType", "level"]) {
      const { body } = await getJson<{ rows: { key: string; count: number; docs: number; totalDocs: number }[] }>(app.url, `/api/breakdown?term=${encodeURIComponent("送温暖")}&by=${by}`);
      const sum = (k: "count" | "docs" | "totalDocs") => body.rows.reduce((n, r) => n + r[k], 0);
      expect(sum("count")).toBe(live().reduce((n, r) => n + tokens.get(r.id)!.filter((t) => t === "送温暖").length, 0));
      expect(sum("docs")).toBe(live().filter((r) => tokens.get(r.id)!.includes("送温暖")).length);
      expect(sum("totalDocs")).toBe(live().length);
    }
  });

  it("every analytics endpoint answers JSON and CSV with a BOM", async () => {
    const paths = [
      "/api/kwic?term=送温暖",
      "/api/frequency?limit=20",
      "/api/breakdown?term=送温暖&by=sector",
      "/api/keyness?a.sector=hospital&b.sector=school&min=3",
      "/api/collocates?term=职工&min=2",
      "/api/ngrams?n=3&min=3",
      "/api/themes?by=sector",
      "/api/phrasing?term=送温暖",
      "/api/formulas?min=3",
      "/api/similar?text=开展送温暖活动，慰问困难职工",
    ];
    for (const p of paths) {
      const json = await getJson<Record<string, unknown>>(app.url, encodeURI(p));
      expect(json.status, p).toBe(200);
      const csv = await fetch(app.url + encodeURI(p) + "&format=csv");
      expect(csv.headers.get("content-type"), p).toContain("text/csv");
      const bytes = new Uint8Array(await csv.arrayBuffer());
      expect([...bytes.slice(0, 3)], p).toEqual([0xef, 0xbb, 0xbf]);
    }
  });

  it("keyness finds hospital vocabulary in hospital reports against school reports", async () => {
    const { body } = await getJson<{ totals: { a: number; b: number }; rows: { term: string; g2: number }[] }>(app.url, "/api/keyness?a.sector=hospital&b.sector=school&min=3&limit=30");
    const top = body.rows.filter((r) => r.g2 > 0).map((r) => r.term);
    expect(top.some((t) => /医|院|患者|病/.test(t))).toBe(true);
    expect(body.totals.a).toBe(live().filter((r) => r.sector === "hospital").reduce((n, r) => n + tokens.get(r.id)!.filter((t) => /[\p{L}\p{N}]/u.test(t)).length, 0));
  });
});
