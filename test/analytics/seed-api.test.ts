// Analytics over the bundled seed corpus through the HTTP API, checked against
// independent scans of the corpus store (not against the analytics code).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../core/model.ts";
import { readStore } from "../../core/store.ts";
import { getJson, seedApp, type TestApp } from "../helpers/app.ts";

let app: TestApp;
let reports: Report[];
let tokens: Map<string, string[]>;

beforeAll(async () => {
  app = await seedApp();
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
      // the exact token only: synonyms off (test/api/consistency.test.ts recounts them on)
      const word = await getJson<{ total: number }>(app.url, `/api/kwic?perPage=1&synonyms=false&term=${encodeURIComponent(term)}`);
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

  it("collocates count each window position once and size E by the real windows (工会 ±5)", async () => {
    type Coll = { node: number; totalTokens: number; windowTokens: number; rows: { term: string; count: number; freq: number; expected: number }[] };
    const { body } = await getJson<Coll>(app.url, `/api/collocates?term=${encodeURIComponent("工会")}&window=5&measure=mi&min=1&limit=1000`);
    // recount from the store's tokens: words with their sentence number, ±5 words in the sentence
    const O = new Map<string, number>();
    const f = new Map<string, number>();
    let N = 0;
    let fn = 0;
    let W = 0;
    for (const r of live()) {
      const ws: string[] = [];
      const sentence: number[] = [];
      let s = 0;
      for (const t of tokens.get(r.id)!) {
        if (/[\p{L}\p{N}]/u.test(t)) {
          ws.push(t);
          sentence.push(s);
        } else if (/[。！？；!?;…\n]/.test(t)) s++;
      }
      const covered = new Set<number>();
      ws.forEach((t, i) => {
        N++;
        f.set(t, (f.get(t) ?? 0) + 1);
        if (t !== "工会") return;
        fn++;
        for (let j = i - 5; j <= i + 5; j++) if (j !== i && j >= 0 && j < ws.length && sentence[j] === sentence[i]) covered.add(j);
      });
      W += covered.size;
      for (const j of covered) O.set(ws[j], (O.get(ws[j]) ?? 0) + 1);
    }
    expect(body.node).toBe(fn);
    expect(body.totalTokens).toBe(N);
    expect(body.windowTokens).toBe(W);
    expect(W).toBeLessThan(fn * 10);
    // limit caps the rows at 1000 of the (more) collocates
    expect(body.rows).toHaveLength(Math.min(1000, O.size));
    for (const r of body.rows) {
      expect(r.count, r.term).toBe(O.get(r.term));
      expect(r.count, r.term).toBeLessThanOrEqual(f.get(r.term)!);
      expect(r.expected, r.term).toBeCloseTo((W * f.get(r.term)!) / N, 9);
    }
  });

  it("rates are per 10,000 characters of the clean text first, per million words beside", async () => {
    for (const r of reports) expect(r.chars, r.id).toBe(r.text.length);
    const chars = live().reduce((n, r) => n + r.text.length, 0);
    const words = live().reduce((n, r) => n + tokens.get(r.id)!.filter((t) => /[\p{L}\p{N}]/u.test(t)).length, 0);
    const { body } = await getJson<{ totalChars: number; rows: { term: string; count: number; per10k: number; perMillion: number }[] }>(app.url, "/api/frequency?limit=20");
    expect(body.totalChars).toBe(chars);
    for (const row of body.rows) {
      const count = live().reduce((n, r) => n + tokens.get(r.id)!.filter((t) => t === row.term).length, 0);
      expect(row.count, row.term).toBe(count);
      expect(row.per10k, row.term).toBeCloseTo((count / chars) * 10_000, 9);
      expect(row.perMillion, row.term).toBeCloseTo((count / words) * 1e6, 9);
    }
    const csv = await (await fetch(`${app.url}/api/frequency?limit=1&format=csv`)).text();
    expect(csv.replace(/^\uFEFF/, "").split(/\r?\n/)[0]).toBe("term,count,docs,dp,per10k,perMillion");
  });

  it("keyness finds hospital vocabulary in hospital reports against school reports", async () => {
    const { body } = await getJson<{ totals: { a: number; b: number }; rows: { term: string; g2: number }[] }>(app.url, "/api/keyness?a.sector=hospital&b.sector=school&min=3&limit=30");
    const top = body.rows.filter((r) => r.g2 > 0).map((r) => r.term);
    expect(top.some((t) => /医|院|患者|病/.test(t))).toBe(true);
    expect(body.totals.a).toBe(live().filter((r) => r.sector === "hospital").reduce((n, r) => n + tokens.get(r.id)!.filter((t) => /[\p{L}\p{N}]/u.test(t)).length, 0));
  });

  // Issue 25: examples best first. "Heading or list stub" is decided here by these regexes, not
  // by the product's score (server/analytics/shared/gdex.ts).
  const LIST_MARK = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|[一二三四五六七八九十]+是)/;
  const isStub = (sentence: string) => {
    const s = sentence.trim();
    if (!/[。！？；!?;]$/.test(s)) return true; // a heading: no sentence end
    const mark = LIST_MARK.exec(s);
    return mark !== null && s.length - mark[0].length - 1 < 10; // a list label: little after the marker
  };
  const isFull = (sentence: string) => !isStub(sentence) && !LIST_MARK.test(sentence.trim()) && sentence.trim().length >= 15;
  /** The sentence around chars [at, at + n) of a text: after the previous end or line break, to the next end. */
  const sentenceAt = (text: string, at: number, n: number) => {
    const before = text.slice(0, at);
    const from = Math.max(...["。", "！", "？", "；", "\n"].map((c) => before.lastIndexOf(c))) + 1;
    const rest = text.slice(at + n);
    const stop = rest.search(/[。！？；\n]/);
    return text.slice(from, at + n + (stop < 0 ? rest.length : rest[stop] === "\n" ? stop : stop + 1));
  };

  it.each(["职代会", "送温暖", "劳动竞赛"])("KWIC sort=best shows a full sentence first, never a heading or list stub (%s)", async (term) => {
    type Lines = { total: number; lines: { reportId: string; offset: number; match: string }[] };
    const all = await getJson<Lines>(app.url, `/api/kwic?perPage=500&term=${encodeURIComponent(term)}`);
    expect(all.status).toBe(200);
    expect(all.body.total).toBeLessThanOrEqual(500);
    const text = (id: string) => reports.find((r) => r.id === id)!.text;
    const sentences = all.body.lines.map((l) => sentenceAt(text(l.reportId), l.offset, l.match.length));
    // the corpus has both kinds for this term, or the test proves nothing
    expect(sentences.some(isStub), term).toBe(true);
    expect(sentences.some(isFull), term).toBe(true);
    const best = await getJson<Lines>(app.url, `/api/kwic?perPage=5&sort=best&term=${encodeURIComponent(term)}`);
    expect(best.status).toBe(200);
    expect(best.body.total).toBe(all.body.total);
    for (const l of best.body.lines) {
      const s = sentenceAt(text(l.reportId), l.offset, l.match.length);
      expect(isStub(s), `${term}: ${s}`).toBe(false);
    }
  });

  it.each(["职代会", "送温暖", "劳动竞赛"])("phrasing variants show a full sentence first, never a heading or list stub, in each cluster and among equally common clusters (%s)", async (term) => {
    const { status, body } = await getJson<{ clusters: { pattern: string; reports: number; sentences: number; examples: { text: string }[] }[] }>(app.url, `/api/phrasing?limit=100&term=${encodeURIComponent(term)}`);
    expect(status).toBe(200);
    const firsts = body.clusters.map((c) => c.examples[0].text);
    // the term has both kinds of first example, or the test proves nothing
    expect(firsts.some(isStub), term).toBe(true);
    expect(firsts.some(isFull), term).toBe(true);
    body.clusters.forEach((c, k) => {
      const texts = c.examples.map((e) => e.text);
      if (texts.some(isFull)) expect(isStub(texts[0]), `${term} / ${c.pattern}: ${texts.join(" | ")}`).toBe(false);
      // clusters are ordered by reports, then sentences; among ties a stub never precedes a full sentence
      const tiedBefore = body.clusters.slice(0, k).filter((p) => p.reports === c.reports && p.sentences === c.sentences);
      if (isFull(texts[0])) for (const p of tiedBefore) expect(isStub(p.examples[0].text), `${term}: "${p.examples[0].text}" before "${texts[0]}"`).toBe(false);
    });
  });
});
