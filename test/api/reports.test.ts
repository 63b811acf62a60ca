// The document table, one report, facet value search and completion.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../core/model.ts";
import type { ReportDetail, ReportsResponse, SearchResponse } from "../../core/api/schema.ts";
import { ReportSchema, ReportsResponseSchema, SearchResponseSchema } from "../../core/api/schema.ts";
import { getJson, SEED_CORPUS, startApp, type TestApp } from "../helpers/app.ts";

let app: TestApp;
let reports: Report[];

beforeAll(async () => {
  app = await startApp({ corpus: SEED_CORPUS });
  reports = readFileSync(join(app.dataDir, "store", "reports.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as Report);
});
afterAll(() => app?.stop());

const live = () => reports.filter((r) => r.kind === "report" && r.duplicateOf === null);

describe("GET /api/reports", () => {
  it("lists canonical reports with the requested page size and the true total", async () => {
    const { status, body } = await getJson<ReportsResponse>(app.url, "/api/reports?perPage=7&page=2");
    expect(status).toBe(200);
    ReportsResponseSchema.parse(body);
    expect(body.total).toBe(live().length);
    expect(body.reports).toHaveLength(7);
    expect(live().length).toBeGreaterThanOrEqual(40);
    for (const r of body.reports) expect(r.duplicateOf).toBeNull();
  });

  it("applies filters and sorts by length", async () => {
    const { body } = await getJson<ReportsResponse>(app.url, "/api/reports?sector=school&sort=chars:desc&perPage=100");
    expect(body.total).toBe(live().filter((r) => r.sector === "school").length);
    const chars = body.reports.map((r) => r.chars);
    expect(chars).toEqual([...chars].sort((a, b) => b - a));
  });

  it("rejects perPage over 100", async () => {
    expect((await getJson(app.url, "/api/reports?perPage=101")).status).toBe(400);
  });
});

describe("GET /api/reports/:id", () => {
  it("returns the full report with evidence, sections, duplicates and themes", async () => {
    const withDups = reports.find((r) => r.duplicates.length > 0)!;
    const { status, body } = await getJson<ReportDetail>(app.url, `/api/reports/${withDups.id}?highlight=${encodeURIComponent("职工")}`);
    expect(status).toBe(200);
    ReportSchema.parse(body);
    expect(body.text).toBe(withDups.text);
    expect(body.sectorEvidence.length).toBeGreaterThan(0);
    expect(body.sectorConfidence).toBeGreaterThan(0);
    expect(body.duplicates.map((d) => d.id).sort()).toEqual([...withDups.duplicates].sort());
    expect(body.sections.length).toBeGreaterThan(0);
    for (const s of body.sections) expect(body.text.slice(s.start)).toMatch(/^\S/);
    expect(body.marks.length).toBeGreaterThan(0);
    for (const [s, e] of body.marks) expect(body.text.slice(s, e)).toBe("职工");
    expect(body.themes.length).toBeGreaterThan(0);

    const copy = await getJson<ReportDetail>(app.url, `/api/reports/${withDups.duplicates[0]}`);
    expect(copy.body.canonical?.id).toBe(withDups.id);
  });

  it("gives a compilation's report its own title and the page's title as pageTitle, in the report, the table and search hits", async () => {
    // seed 000 篇4 opens "各位代表、同志们:" / "我受供暖处工会第八届委员会委托,向大会作工作报告,请审议。"; the page is "2023关于工会工作报告(精选27篇)"
    const r = reports.find((x) => x.source === "000_587a12ad226c1928.txt" && x.piece === 4)!;
    const title = "我受供暖处工会第八届委员会委托，向大会作工作报告，请审议…";
    const page = "2023关于工会工作报告";
    const detail = await getJson<ReportDetail>(app.url, `/api/reports/${r.id}`);
    expect(ReportSchema.parse(detail.body)).toMatchObject({ title, pageTitle: page });
    const rows = await getJson<ReportsResponse>(app.url, `/api/reports?q=${encodeURIComponent("供暖处")}`);
    expect(ReportsResponseSchema.parse(rows.body).reports.map((x) => [x.title, x.pageTitle])).toEqual([[title, page]]);
    const hits = await getJson<SearchResponse>(app.url, `/api/search?q=${encodeURIComponent("供暖处")}&mode=report`);
    expect(SearchResponseSchema.parse(hits.body).hits.map((h) => [h.title, h.pageTitle])).toEqual([[title, page]]);
  });

  it("answers 404 JSON for an unknown id and 400 for a malformed one", async () => {
    const missing = await getJson<{ error: { code: string } }>(app.url, "/api/reports/0000000000000000");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("not_found");
    expect((await getJson(app.url, `/api/reports/${encodeURIComponent('x" OR 1=1')}`)).status).toBe(400);
  });

  it("marks excerpts as such", async () => {
    const excerpt = reports.find((r) => r.kind === "excerpt")!;
    const { body } = await getJson<ReportDetail>(app.url, `/api/reports/${excerpt.id}`);
    expect(body.kind).toBe("excerpt");
  });
});

describe("facets and completion", () => {
  it("searches facet values with counts that ignore the facet's own selection", async () => {
    const { status, body } = await getJson<{ values: { value: string; count: number }[] }>(app.url, "/api/facets/sector?sector=hospital&query=sch");
    expect(status).toBe(200);
    expect(body.values).toEqual([{ value: "school", count: live().filter((r) => r.sector === "school").length }]);
    expect((await getJson(app.url, "/api/facets/nope")).status).toBe(400);
  });

  it("completes partial Chinese input from the corpus vocabulary", async () => {
    const { body } = await getJson<{ suggestions: { term: string; count: number }[] }>(app.url, `/api/suggest?q=${encodeURIComponent("送温")}`);
    expect(body.suggestions.map((s) => s.term)).toContain("送温暖");
    const counts = body.suggestions.map((s) => s.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});
