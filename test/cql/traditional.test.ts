// A report written in traditional characters is found by simplified and by traditional queries,
// in search, KWIC and breakdown, while its stored text, KWIC lines and offsets stay as written.
// Counts are recounted here from the store: tokens spelled either way (a small map of this
// test's own), strings counted in both spellings with indexOf.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../core/model.ts";
import { readStore } from "../../core/store.ts";
import { FIXTURE_CORPUS, getJson, startApp, type TestApp } from "../helpers/app.ts";

const TRADITIONAL = [
  "醫院工會2023年工作總結",
  "",
  "一、職工代表大會制度建設",
  "",
  "全年召開職工代表大會兩次，職工代表提出提案三十六件。工會認真聽取職工意見，職工參與民主管理的熱情不斷提高。",
  "",
  "二、送溫暖活動",
  "",
  "春節期間開展送溫暖活動，走訪慰問職工家庭四十五戶。送溫暖活動覆蓋全院，職工滿意度明顯提升。",
  "",
  "三、職工文化建設",
  "",
  "開展職工運動會和讀書活動，豐富職工業餘生活。",
].join("\n");

// This test's own fold, enough for the words it asks about.
const MINE: Record<string, string> = { 職: "职", 溫: "温" };
const mine = (s: string) => s.replace(/[職溫]/gu, (c) => MINE[c]);

let app: TestApp;
let corpusDir: string;
let entries: { report: Report; tokens: string[] }[];

beforeAll(async () => {
  corpusDir = mkdtempSync(join(tmpdir(), "wenyuan-trad-"));
  cpSync(FIXTURE_CORPUS, corpusDir, { recursive: true });
  writeFileSync(join(corpusDir, "hospital-traditional.txt"), TRADITIONAL);
  app = await startApp({ corpus: corpusDir });
  entries = readStore(app.dataDir).entries.map((e) => ({ report: e.report, tokens: e.tokens }));
}, 120_000);
afterAll(async () => {
  await app?.stop();
  rmSync(corpusDir, { recursive: true, force: true });
});

const live = () => entries.filter((e) => e.report.kind === "report" && e.report.duplicateOf === null);
const trad = () => live().find((e) => e.report.text.includes("職工代表大會"))!;
const occurrences = (text: string, s: string) => text.split(s).length - 1;
/** word matches: tokens equal to the word in either spelling */
const wordCount = (e: { tokens: string[] }, word: string) => e.tokens.filter((t) => mine(t) === word).length;
/** substring matches: the string in either spelling (these texts never mix the two inside one occurrence) */
const stringCount = (e: { report: Report }, s: string) => occurrences(e.report.text, s) + occurrences(e.report.text, s.replace(/[职温]/gu, (c) => (c === "职" ? "職" : "溫")));
const enc = encodeURIComponent;

type Kwic = { total: number; reports: number; lines: { reportId: string; left: string; match: string; right: string; offset: number }[] };
type Search = { total: number; hits: { reportId: string; snippet: { text: string; marks: [number, number][] } }[] };
type Breakdown = { rows: { key: string; count: number; docs: number }[] };

describe("a report in traditional characters", () => {
  it("is stored as written, and cut as its simplified form is", () => {
    const e = trad();
    expect(e, "the traditional report is a live report").toBeDefined();
    expect(e.report.text).toContain("送溫暖活動");
    expect(e.tokens.join("")).toBe(e.report.text);
    // 職工 stands as a word of its own (the dictionary is simplified: unfolded, jieba would cut 職 and 工 apart)
    expect(e.tokens).toContain("職工");
    expect(e.tokens).toContain("送溫暖");
  });

  for (const word of ["职工", "職工", "送温暖", "送溫暖"]) {
    it(`${word} finds it in /api/search, /api/kwic and /api/breakdown, counted as the recount counts`, async () => {
      const folded = mine(word);
      const holding = live().filter((e) => wordCount(e, folded) > 0);
      const total = holding.reduce((n, e) => n + wordCount(e, folded), 0);
      expect(holding.map((e) => e.report.id)).toContain(trad().report.id);

      const search = await getJson<Search>(app.url, `/api/search?synonyms=false&perPage=100&q=${enc(word)}`);
      expect(search.status).toBe(200);
      expect(search.body.total).toBe(holding.length);
      expect(search.body.hits.map((h) => h.reportId).sort()).toEqual(holding.map((e) => e.report.id).sort());

      const kwic = await getJson<Kwic>(app.url, `/api/kwic?synonyms=false&perPage=500&term=${enc(word)}`);
      expect(kwic.status).toBe(200);
      expect(kwic.body.total).toBe(total);
      expect(kwic.body.reports).toBe(holding.length);
      const lines = kwic.body.lines.filter((l) => l.reportId === trad().report.id);
      expect(lines.length).toBe(wordCount(trad(), folded));
      for (const l of lines) {
        // the line is the text as written
        expect(l.match).toBe(folded === "职工" ? "職工" : "送溫暖");
        expect(trad().report.text.slice(l.offset - l.left.length, l.offset + l.match.length + l.right.length)).toBe(l.left + l.match + l.right);
      }

      const bd = await getJson<Breakdown>(app.url, `/api/breakdown?synonyms=false&by=report&term=${enc(word)}`);
      expect(bd.status).toBe(200);
      const rows = bd.body.rows.filter((r) => r.count > 0);
      expect(rows.map((r) => r.key).sort()).toEqual(holding.map((e) => e.report.id).sort());
      for (const r of rows) expect(r.count, r.key).toBe(wordCount(live().find((e) => e.report.id === r.key)!, folded));
    });
  }

  it("substring search finds both spellings, marks the text as written", async () => {
    for (const s of ["职工", "職工", "送温暖", "溫暖活"]) {
      const simplified = mine(s);
      const holding = live().filter((e) => stringCount(e, simplified) > 0);
      const res = await getJson<Search>(app.url, `/api/search?match=substring&perPage=100&q=${enc(s)}`);
      expect(res.status, s).toBe(200);
      expect(res.body.total, s).toBe(holding.length);
      expect(res.body.hits.map((h) => h.reportId).sort(), s).toEqual(holding.map((e) => e.report.id).sort());
      const hit = res.body.hits.find((h) => h.reportId === trad().report.id)!;
      expect(hit, s).toBeDefined();
      for (const [a, b] of hit.snippet.marks) expect(mine(hit.snippet.text.slice(a, b)), s).toBe(simplified);
      expect(hit.snippet.marks.some(([a, b]) => hit.snippet.text.slice(a, b) !== simplified), s).toBe(true);
    }
    // passages count occurrences within each passage; every one of the report's passages with the string is a hit
    const passages = await getJson<{ total: number; hits: { reportId: string }[] }>(app.url, `/api/search?match=substring&mode=passage&perPage=100&q=${enc("职工")}`);
    expect(passages.body.hits.filter((h) => h.reportId === trad().report.id).length).toBe(trad().report.paragraphs.filter((p) => stringCount({ report: { ...trad().report, text: trad().report.text.slice(p.start, p.end) } }, "职工") > 0).length);
  });

  it("substring KWIC finds both spellings and shows the text as written", async () => {
    for (const s of ["职工", "職工", "溫暖活"]) {
      const simplified = mine(s);
      const res = await getJson<Kwic>(app.url, `/api/kwic?match=substring&perPage=500&term=${enc(s)}`);
      expect(res.status, s).toBe(200);
      expect(res.body.total, s).toBe(live().reduce((n, e) => n + stringCount(e, simplified), 0));
      const mineLines = res.body.lines.filter((l) => l.reportId === trad().report.id);
      expect(mineLines.length, s).toBe(stringCount(trad(), simplified));
      for (const l of mineLines) expect(trad().report.text.slice(l.offset, l.offset + l.match.length), s).toBe(l.match);
      expect(mineLines.some((l) => l.match !== simplified), s).toBe(true);
    }
  });

  it("regex KWIC runs over the folded text and shows the text as written", async () => {
    const res = await getJson<Kwic>(app.url, `/api/kwic?match=regex&perPage=500&term=${enc("职工.{0,2}代表")}`);
    expect(res.status).toBe(200);
    const want = live().reduce((n, e) => n + (mine(e.report.text).match(/职工.{0,2}代表/gu)?.length ?? 0), 0);
    expect(res.body.total).toBe(want);
    expect(res.body.lines.filter((l) => l.reportId === trad().report.id).map((l) => l.match)).toContain("職工代表");
  });
});
