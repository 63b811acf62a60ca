// POST /api/draft-check on the bundled seed corpus: the section kinds a hospital 工作总结 lacks,
// with the share recounted here from the stored reports' text (not through sectionKinds.ts), and
// the 400s. Issue 25 item 5.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DraftCheckResponse } from "../../core/api/schema.ts";
import type { Report } from "../../core/model.ts";
import { readStore } from "../../core/store.ts";
import { SEED_CORPUS, startApp, type TestApp } from "../helpers/app.ts";
import { hasProblems } from "../helpers/draftParts.ts";

let app: TestApp;
let reports: Report[];

beforeAll(async () => {
  app = await startApp({ corpus: SEED_CORPUS });
  reports = readStore(app.dataDir).entries.map((e) => e.report);
});
afterAll(() => app?.stop());

const post = async (body: unknown, raw?: string) => {
  const res = await fetch(`${app.url}/api/draft-check`, { method: "POST", headers: { "content-type": "application/json" }, body: raw ?? JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as DraftCheckResponse & { error?: { code: string; message: string; field?: string } } };
};

/** A hospital 工作总结 that reviews its year and plans the next one but never names a problem. */
const NO_PROBLEMS = [
  "某市人民医院工会2023年工作总结",
  "一、工会主要工作回顾",
  "一年来，院工会在医院党委和上级工会的领导下，深化院务公开，坚持职代会制度，维护职工合法权益。",
  "工会开展送温暖活动，走访慰问困难职工和一线医务人员，把党和组织的关怀送到职工心坎上。",
  "二、下一步工作打算",
  "新的一年，院工会将继续围绕医院中心工作，加强工会自身建设，丰富职工文化生活。",
].join("\n");
const WITH_PROBLEMS = [
  "某市人民医院工会2023年工作总结",
  "一、工会主要工作回顾",
  "一年来，院工会在医院党委和上级工会的领导下，深化院务公开，坚持职代会制度，维护职工合法权益。",
  "二、存在的问题",
  "工会干部队伍建设有待加强，服务职工的手段还不够多。",
  "三、下一步工作打算",
  "新的一年，院工会将继续围绕医院中心工作，加强工会自身建设。",
].join("\n");

describe("POST /api/draft-check (issue 25 item 5)", () => {
  it("shows 存在的问题 missing from a hospital 工作总结 without one, with its share recounted and examples that open at the part", async () => {
    const res = await post({ text: NO_PROBLEMS, sector: "hospital", docType: "summary" });
    expect(res.status).toBe(200);
    const live = reports.filter((r) => r.kind === "report" && r.duplicateOf === null);
    // the seed corpus has no hospital 工作总结: the comparison widens to hospital 工作总结 + 工作报告
    expect(live.filter((r) => r.sector === "hospital" && r.docType === "summary").length).toBeLessThan(res.body.basis.min);
    const basis = live.filter((r) => r.sector === "hospital" && (r.docType === "summary" || r.docType === "report"));
    expect(res.body.basis).toMatchObject({ sector: "hospital", docTypes: ["summary", "report"], reports: basis.length, widened: true });
    const withProblems = basis.filter((r) => hasProblems(r.text));
    expect(withProblems.length).toBeGreaterThan(0);
    const problems = res.body.kinds.find((k) => k.kind === "problems")!;
    expect(problems.reports).toBe(withProblems.length);
    expect(problems.share).toBeCloseTo(withProblems.length / basis.length, 10);
    expect(problems.share).toBeGreaterThanOrEqual(res.body.threshold);
    expect(problems).toMatchObject({ inDraft: false, missing: true });
    expect(problems.examples.length).toBeGreaterThan(0);
    for (const e of problems.examples) {
      const r = reports.find((x) => x.id === e.reportId)!;
      expect(withProblems).toContain(r);
      // the example is the report's own text at the offsets given
      expect(r.text.slice(e.start, e.end)).toBe(e.text);
    }
    // the draft's own parts are not missing; its outline is its two headings
    expect(res.body.parts.map((p) => p.kind)).toEqual(["review", "next"]);
    expect(res.body.outline.map((h) => [h.title, h.kind])).toEqual([
      ["一、工会主要工作回顾", "review"],
      ["二、下一步工作打算", "next"],
    ]);
    for (const k of res.body.kinds.filter((x) => x.kind !== "problems")) expect(k.missing).toBe(false);
    // (b) a row of closest sentences per paragraph that is not a heading, from hospital reports
    expect(res.body.paragraphs.map((p) => p.text)).toEqual(NO_PROBLEMS.split("\n").filter((l, i) => i > 0 && !/^[一二]、/.test(l)));
    expect(res.body.paragraphs[0].rows.length).toBeGreaterThan(0);
    for (const p of res.body.paragraphs) for (const row of p.rows) expect(row.sector).toBe("hospital");
  });

  it("does not list 存在的问题 for a draft that has the section", async () => {
    const res = await post({ text: WITH_PROBLEMS, sector: "hospital", docType: "summary" });
    expect(res.status).toBe(200);
    const problems = res.body.kinds.find((k) => k.kind === "problems")!;
    expect(problems).toMatchObject({ inDraft: true, missing: false });
    expect(res.body.kinds.filter((k) => k.missing)).toEqual([]);
    expect(res.body.outline.find((h) => h.title === "二、存在的问题")?.kind).toBe("problems");
  });

  it("names a synonym the corpus uses more often, with counts recounted from the reports' text", async () => {
    // 医务公开 is in the synonym list beside 院务公开, which hospital reports write
    const res = await post({ text: "一、工作回顾\n我院工会坚持医务公开，落实职工的知情权和监督权。", sector: "hospital", docType: "summary" });
    expect(res.status).toBe(200);
    const f = res.body.formulations.find((x) => x.term === "医务公开");
    const live = reports.filter((r) => r.kind === "report" && r.duplicateOf === null);
    const count = (needle: string) => live.reduce((n, r) => n + r.text.split(needle).length - 1, 0);
    expect(count("院务公开")).toBeGreaterThanOrEqual(3);
    expect(f).toMatchObject({ reason: "rarer", use: { count: count("医务公开") }, alternative: { term: "院务公开", count: count("院务公开") } });
    // the seed corpus dates too few reports to compare years: no "fell" row claims a trend
    const dated = live.filter((r) => r.year !== null).length;
    expect(res.body.corpus.withYear).toBe(dated);
    expect(dated).toBeLessThan(2 * res.body.corpus.periodMin);
    expect(res.body.corpus.yearsCompared).toBe(false);
    expect(res.body.formulations.filter((x) => x.reason === "fell")).toEqual([]);
  });

  it("answers a clear 400 for an empty, oversized or malformed draft, and keeps no text in a GET URL", async () => {
    for (const [body, field] of [
      [{ text: "", sector: "hospital", docType: "summary" }, "text"],
      [{ text: " \n，。", sector: "hospital", docType: "summary" }, "text"],
      [{ text: "工".repeat(30_001), sector: "hospital", docType: "summary" }, "text"],
      [{ text: "工会工作", sector: "hospitals", docType: "summary" }, "sector"],
      [{ text: "工会工作", sector: "hospital" }, "docType"],
      [{ text: 42, sector: "hospital", docType: "summary" }, "text"],
      [{ text: "工会工作", sector: "hospital", docType: "summary", store: true }, ""],
    ] as const) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error?.code).toBe("invalid_parameter");
      expect(res.body.error?.message).toMatch(new RegExp(field || "store"));
    }
    const long = await post({ text: "工".repeat(30_001), sector: "hospital", docType: "summary" });
    expect(long.body.error?.message).toMatch(/longer than 30000 characters/);
    const empty = await post({ text: "", sector: "hospital", docType: "summary" });
    expect(empty.body.error?.message).toMatch(/empty/);
    const broken = await post(null, "{not json");
    expect(broken.status).toBe(400);
    expect(broken.body.error?.code).toBe("invalid_json");
    // the draft goes in a POST body only
    const get = await fetch(`${app.url}/api/draft-check?text=${encodeURIComponent(NO_PROBLEMS)}`);
    expect(get.status).toBe(405);
  });
});
