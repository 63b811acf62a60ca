// One question, one answer: a query plus filters selects the same reports in /api/search, in
// every analytic's subcorpus, in KWIC and breakdown for the same term, and in the facet counts.
// Every expected number is recounted here from the corpus store's files with plain loops over
// token strings — not through the product's query, filter or match code.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../core/model.ts";
import { readStore } from "../../core/store.ts";
import { getJson, SEED_CORPUS, startApp, type TestApp } from "../helpers/app.ts";
import { countSequences, SYNONYMS, tokenStreams, words } from "../helpers/recount.ts";

let app: TestApp;
let reports: Report[];
/** per report: its tokens with spaces (not line breaks) dropped, punctuation as "" (it never equals a word) */
let streams: Map<string, string[]>;

beforeAll(async () => {
  app = await startApp({ corpus: SEED_CORPUS });
  const { entries } = readStore(app.dataDir);
  reports = entries.map((e) => e.report);
  streams = tokenStreams(entries);
});
afterAll(() => app?.stop());

// ------------------------------------------------------------------ the recount

interface Filters {
  sector?: string[];
  docType?: string[];
  yearFrom?: number;
}
interface Part {
  text: string;
  negated: boolean;
  phrase: boolean;
}

/** Occurrences of one token sequence in a stream, left to right, not overlapping. */
function occurrencesOf(stream: string[], seq: string[]): { at: number; len: number }[] {
  const out: { at: number; len: number }[] = [];
  for (let i = 0; i + seq.length <= stream.length; i++) {
    if (seq.every((t, k) => stream[i + k] === t)) {
      out.push({ at: i, len: seq.length });
      i += seq.length - 1;
    }
  }
  return out;
}

function alternatives(part: Pick<Part, "text" | "phrase">, synonyms: boolean): string[][] {
  const alts = [words(part.text)];
  if (synonyms && !part.phrase) for (const s of SYNONYMS[part.text] ?? []) alts.push(words(s));
  return alts.filter((a) => a.length);
}

/** Occurrences of a part (any alternative; the longest wins where two start together, none overlap). */
function countPart(stream: string[], part: Pick<Part, "text" | "phrase">, synonyms: boolean): number {
  return countSequences(stream, alternatives(part, synonyms).sort((a, b) => b.length - a.length));
}

const live = () => reports.filter((r) => r.kind === "report" && r.duplicateOf === null);

function passes(r: Report, f: Filters): boolean {
  if (f.sector && !f.sector.includes(r.sector)) return false;
  if (f.docType && !f.docType.includes(r.docType)) return false;
  if (f.yearFrom !== undefined && (r.year === null || r.year < f.yearFrom)) return false;
  return true;
}

function expectedReports(parts: Part[], f: Filters, synonyms = true): Report[] {
  return live().filter((r) => {
    if (!passes(r, f)) return false;
    const s = streams.get(r.id)!;
    return parts.every((p) => (countPart(s, p, synonyms) > 0) !== p.negated);
  });
}

// ------------------------------------------------------------------ the API

const queryString = (parts: Part[]) => parts.map((p) => `${p.negated ? "-" : ""}${p.phrase ? `"${p.text}"` : p.text}`).join(" ");
function params(q: string, f: Filters, extra: Record<string, string> = {}): string {
  const u = new URLSearchParams();
  if (q) u.set("q", q);
  for (const s of f.sector ?? []) u.append("sector", s);
  for (const d of f.docType ?? []) u.append("docType", d);
  if (f.yearFrom !== undefined) u.set("yearFrom", String(f.yearFrom));
  for (const [k, v] of Object.entries(extra)) u.set(k, v);
  return u.toString();
}

interface SearchBody {
  total: number;
  facets: Record<string, Record<string, number>>;
  matched: { text: string; matches: string[]; negated: boolean }[];
  hits: { reportId: string; snippet: { text: string; marks: [number, number][] } }[];
}
const search = async (qs: string) => {
  const res = await getJson<SearchBody>(app.url, `/api/search?perPage=100&${qs}`);
  expect(res.status, qs).toBe(200);
  return res.body;
};
const breakdownOf = async (qs: string) => {
  const res = await getJson<{ rows: { key: string; count: number; docs: number; totalDocs: number }[] }>(app.url, `/api/breakdown?by=sector&${qs}`);
  expect(res.status, qs).toBe(200);
  return res.body.rows;
};
const kwicOf = async (qs: string) => {
  const res = await getJson<{ total: number; reports: number; matched: { matches: string[] }[] }>(app.url, `/api/kwic?perPage=1&${qs}`);
  expect(res.status, qs).toBe(200);
  return res.body;
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

// ------------------------------------------------------------------ cases from the issue

describe("one query, one answer (issue cases)", () => {
  it("职代会: search, KWIC, breakdown and the facet counts agree, with synonyms and without", async () => {
    for (const synonyms of [true, false]) {
      const extra: Record<string, string> = synonyms ? {} : { synonyms: "false" };
      const want = expectedReports([{ text: "职代会", negated: false, phrase: false }], {}, synonyms);
      const s = await search(params("职代会", {}, extra));
      expect(s.total).toBe(want.length);
      expect(sum(Object.values(s.facets.sector))).toBe(want.length);
      const k = await kwicOf(params("", {}, { term: "职代会", ...extra }));
      expect(k.reports).toBe(want.length);
      expect(k.total).toBe(sum(want.map((r) => countPart(streams.get(r.id)!, { text: "职代会", phrase: false }, synonyms))));
      const b = await breakdownOf(params("", {}, { term: "职代会", ...extra }));
      expect(sum(b.map((r) => r.docs))).toBe(want.length);
      // the word list's subcorpus for q=职代会 is the same set
      const sub = await breakdownOf(params("职代会", {}, { term: "工会", ...extra }));
      expect(sum(sub.map((r) => r.totalDocs))).toBe(want.length);
    }
    // the seed corpus: 12 reports write 职代会, 4 more only 职工代表大会
    expect(expectedReports([{ text: "职代会", negated: false, phrase: false }], {}, false)).toHaveLength(12);
    expect(expectedReports([{ text: "职代会", negated: false, phrase: false }], {}, true)).toHaveLength(16);
  });

  it("says what a word also matched", async () => {
    const s = await search(params("职代会", {}));
    expect(s.matched).toEqual([{ text: "职代会", role: "q", negated: false, matches: ["职代会", "职工代表大会"] }]);
    const off = await search(params("职代会", {}, { synonyms: "false" }));
    expect(off.matched[0].matches).toEqual(["职代会"]);
    expect((await kwicOf(params("", {}, { term: "职代会" }))).matched[0].matches).toEqual(["职代会", "职工代表大会"]);
  });

  it("q and -q partition the corpus (synonyms in exclusions too)", async () => {
    const all = live().length;
    for (const extra of [{}, { synonyms: "false" }] as Record<string, string>[]) {
      const yes = await search(params("职代会", {}, extra));
      const no = await search(params("-职代会", {}, extra));
      expect(yes.total + no.total).toBe(all);
      const sub = await breakdownOf(params("-职代会", {}, { term: "工会", ...extra }));
      expect(sum(sub.map((r) => r.totalDocs))).toBe(no.total);
    }
  });

  it("a word jieba splits matches only where its tokens are adjacent (我局, 一是, 师德)", async () => {
    for (const w of ["我局", "一是", "师德"]) {
      const s = await search(params(w, {}));
      const byText = live().filter((r) => r.text.includes(w));
      // adjacency of tokens and "the text contains the string" agree for these words
      expect(s.total, w).toBe(expectedReports([{ text: w, negated: false, phrase: false }], {}).length);
      expect(s.total, w).toBe(byText.length);
      expect((await kwicOf(params("", {}, { term: w }))).reports, w).toBe(byText.length);
    }
    expect(live().filter((r) => r.text.includes("我局"))).toHaveLength(4);
  });

  // issue 28: Meilisearch checks a phrase of three or more words pairwise (文化|体育, 体育|活动,
  // 文化 .. 活动 within two words), so with synonyms off 文化体育活动 found 4ecad79e1341a8ca, which
  // has 文化体育交流, 体育活动 and 文化活动 but not the phrase.
  it("a word jieba splits into three tokens matches only the phrase, synonyms on and off (文化体育活动)", async () => {
    const split = { text: "文化体育活动", negated: false, phrase: false };
    expect(words(split.text)).toEqual(["文化", "体育", "活动"]);
    const stray = reports.find((r) => r.id === "4ecad79e1341a8ca")!;
    expect(stray.text).not.toContain("文化体育活动");
    expect(stray.text).toContain("体育活动");
    for (const [text, synonyms] of [["文化体育活动", false], ["文化体育活动", true], ["文体活动", true], ["文体活动", false]] as const) {
      const part = { ...split, text };
      const extra: Record<string, string> = synonyms ? {} : { synonyms: "false" };
      const want = expectedReports([part], {}, synonyms);
      const label = `${text} synonyms=${synonyms}`;
      const s = await search(params(text, {}, extra));
      expect(new Set(s.hits.map((h) => h.reportId)), label).toEqual(new Set(want.map((r) => r.id)));
      expect(s.total, label).toBe(want.length);
      for (const h of s.hits) expect(h.snippet.marks.length, `${label} ${h.reportId}`).toBeGreaterThan(0);
      expect(sum(Object.values(s.facets.sector)), label).toBe(want.length);
      for (const sector of SECTORS) expect(s.facets.sector[sector] ?? 0, `${label} ${sector}`).toBe(want.filter((r) => r.sector === sector).length);
      const k = await kwicOf(params("", {}, { term: text, ...extra }));
      expect(k.reports, label).toBe(want.length);
      const sub = await breakdownOf(params(text, {}, { term: "工会", ...extra }));
      expect(sum(sub.map((r) => r.totalDocs)), label).toBe(want.length);
      // the document table and the exclusion select from the same rule
      const table = await getJson<{ total: number; reports: { id: string }[] }>(app.url, `/api/reports?perPage=100&${params(text, {}, extra)}`);
      expect(new Set(table.body.reports.map((r) => r.id)), label).toEqual(new Set(want.map((r) => r.id)));
      const no = await search(params(`-${text}`, {}, extra));
      expect(no.total, label).toBe(live().length - want.length);
      // a passage hit holds the phrase itself
      const passages = await search(params(text, {}, { mode: "passage", ...extra }));
      expect(passages.total, label).toBeGreaterThanOrEqual(want.length);
      for (const h of passages.hits) {
        expect(want.some((r) => r.id === h.reportId), `${label} ${h.reportId}`).toBe(true);
        expect(h.snippet.marks.length, `${label} ${h.reportId}`).toBeGreaterThan(0);
      }
    }
    expect(expectedReports([split], {}, false)).toHaveLength(7);
    expect(expectedReports([split], {}, false).map((r) => r.id)).not.toContain(stray.id);
    const quoted = await search(params('"文化 体育 活动"', {}));
    expect(quoted.total).toBe(7);
  });

  it("page titles are not searched: q=2023 finds only reports whose text has it", async () => {
    const s = await search(params("2023", {}));
    expect(s.total).toBe(live().filter((r) => streams.get(r.id)!.includes("2023")).length);
    expect(s.total).toBe((await kwicOf(params("", {}, { term: "2023" }))).reports);
  });

  it("phrase marks cover the phrase, not every word of it", async () => {
    const s = await search(params('"送温暖 活动"', {}));
    expect(s.total).toBeGreaterThan(0);
    for (const h of s.hits) {
      for (const [a, b] of h.snippet.marks) expect(h.snippet.text.slice(a, b).replace(/\s/g, "")).toBe("送温暖活动");
    }
  });
});

// ------------------------------------------------------------------ random queries

// Split words: jieba cuts each into several tokens that must be adjacent (issue 28). Most are
// three tokens whose pairs also occur close together in reports without the phrase (工会的工作:
// 12 of them in the seed corpus), where a pairwise phrase check goes wrong; 文体活动 is one word
// and 文化体育活动's synonym.
const SPLIT = ["文化体育活动", "文体活动", "工会的工作", "工会的各项", "职工的工作", "工作的开展", "组织职工开展", "职工的合法权益", "工会积极组织", "开展送温暖活动", "送温暖活动"];
const POOL = [...SPLIT, "工会", "职代会", "职工代表大会", "送温暖", "困难职工", "我局", "一是", "师德", "教代会", "劳模", "劳动模范", "女职工", "安全生产", "医院", "学校", "活动", "2023", "师德师风", "职工之家", "开展"];
const SECTORS = ["hospital", "school", "enterprise", "agency", "other"];

const partArb = fc.record({ text: fc.constantFrom(...POOL), negated: fc.boolean(), phrase: fc.boolean() });
const filtersArb = fc.record(
  {
    sector: fc.uniqueArray(fc.constantFrom(...SECTORS), { minLength: 1, maxLength: 2 }),
    docType: fc.uniqueArray(fc.constantFrom("report", "summary", "plan"), { minLength: 1, maxLength: 2 }),
    yearFrom: fc.constantFrom(2013, 2017),
  },
  { requiredKeys: [] },
);

describe("one query, one answer (random queries and filters)", () => {
  it("search total = analytics subcorpus = independent recount; facet counts too", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(partArb, { minLength: 1, maxLength: 3 }), filtersArb, fc.boolean(), async (parts, filters, synonyms) => {
        const extra: Record<string, string> = synonyms ? {} : { synonyms: "false" };
        const q = queryString(parts);
        const want = expectedReports(parts, filters, synonyms);
        const s = await search(params(q, filters, extra));
        expect(s.total, q).toBe(want.length);
        // the sector facet (disjunctive: the sector filter itself left out) recounted
        const facetWant = expectedReports(parts, { ...filters, sector: undefined }, synonyms);
        for (const sector of SECTORS) expect(s.facets.sector[sector] ?? 0, `${q} ${sector}`).toBe(facetWant.filter((r) => r.sector === sector).length);
        // every analytic's subcorpus: breakdown's per-group totals add up to it
        const rows = await breakdownOf(params(q, filters, { term: "工会", ...extra }));
        expect(sum(rows.map((r) => r.totalDocs)), q).toBe(want.length);
      }),
      { numRuns: 40 },
    );
  });

  it("split words and phrases, synonyms on and off: search's reports = independent recount = KWIC", async () => {
    const splitArb = fc.record({ text: fc.constantFrom(...SPLIT), negated: fc.constant(false), phrase: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(splitArb, fc.array(partArb, { maxLength: 2 }), filtersArb, fc.boolean(), async (split, others, filters, synonyms) => {
        const extra: Record<string, string> = synonyms ? {} : { synonyms: "false" };
        const parts = [split, ...others];
        const q = queryString(parts);
        const want = expectedReports(parts, filters, synonyms);
        const s = await search(params(q, filters, extra));
        expect(new Set(s.hits.map((h) => h.reportId)), `${q} synonyms=${synonyms}`).toEqual(new Set(want.map((r) => r.id)));
        expect(s.total, q).toBe(want.length);
        const facetWant = expectedReports(parts, { ...filters, sector: undefined }, synonyms);
        for (const sector of SECTORS) expect(s.facets.sector[sector] ?? 0, `${q} ${sector}`).toBe(facetWant.filter((r) => r.sector === sector).length);
        const rows = await breakdownOf(params(q, filters, { term: "工会", ...extra }));
        expect(sum(rows.map((r) => r.totalDocs)), q).toBe(want.length);
        if (split.phrase) return;
        const k = await kwicOf(params("", filters, { term: split.text, ...extra }));
        expect(k.reports, split.text).toBe(expectedReports([split], filters, synonyms).length);
      }),
      { numRuns: 40 },
    );
  });

  it("a term's reports are the same in search, KWIC and breakdown, and its occurrences recount", async () => {
    await fc.assert(
      fc.asyncProperty(partArb, filtersArb, fc.boolean(), async (part, filters, synonyms) => {
        const p = { ...part, negated: false };
        const extra: Record<string, string> = synonyms ? {} : { synonyms: "false" };
        const want = expectedReports([p], filters, synonyms);
        const term = p.text;
        const s = await search(params(queryString([{ ...p, phrase: false }]), filters, extra));
        expect(s.total, term).toBe(expectedReports([{ ...p, phrase: false }], filters, synonyms).length);
        if (p.phrase) return;
        const k = await kwicOf(params("", filters, { term, ...extra }));
        expect(k.reports, term).toBe(want.length);
        expect(k.total, term).toBe(sum(want.map((r) => countPart(streams.get(r.id)!, p, synonyms))));
        const b = await breakdownOf(params("", filters, { term, ...extra }));
        expect(sum(b.map((r) => r.docs)), term).toBe(want.length);
        expect(sum(b.map((r) => r.count)), term).toBe(k.total);
      }),
      { numRuns: 40 },
    );
  });
});

// occurrencesOf is the recount's primitive; keep it honest on a hand-made stream.
describe("the recount itself", () => {
  it("finds non-overlapping sequences and does not cross punctuation", () => {
    expect(occurrencesOf(["一", "是", "一", "是"], ["一", "是"])).toHaveLength(2);
    expect(occurrencesOf(["一", "", "是"], ["一", "是"])).toHaveLength(0);
    expect(countPart(["职代会", "", "职工代表大会"], { text: "职代会", phrase: false }, true)).toBe(2);
    expect(countPart(["职代会", "", "职工代表大会"], { text: "职代会", phrase: false }, false)).toBe(1);
  });
});
