// URL state of every view: stateToRoute / routeToState are a symmetric pair, and
// what they hand the API validates against the shared server schemas.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DOC_TYPES, FRAME_SORTS, KwicQuerySchema, LEVELS, SECTORS, SearchQuerySchema, KeynessQuerySchema } from "../../core/api/schema.ts";
import * as search from "../../web/src/state/search.ts";
import * as report from "../../web/src/state/report.ts";
import * as kwic from "../../web/src/state/kwic.ts";
import * as analytics from "../../web/src/state/analytics.ts";
import * as compare from "../../web/src/state/compare.ts";
import { KEYNESS_SORTS } from "../../web/src/lib/keynessSides.ts";
import * as write from "../../web/src/state/write.ts";
import type { FacetFilters } from "../../web/src/state/filters.ts";
import type { RouteCodec } from "../../web/src/state/route.ts";

const subset = <T extends string>(all: readonly T[]) => fc.subarray([...all]);
const year = fc.option(fc.integer({ min: 1990, max: 2030 }), { nil: null });
const text = (max: number) => fc.string({ maxLength: max, unit: fc.constantFrom("送", "温", "暖", "职", "工", " ", "\"", "&", "=", "#", "a", "-", "%", "+", "?") });

const filters: fc.Arbitrary<FacetFilters> = fc.record({
  sector: subset(SECTORS),
  docType: subset(DOC_TYPES),
  level: subset(LEVELS),
  yearFrom: year,
  yearTo: year,
  includeDuplicates: fc.boolean(),
  synonyms: fc.boolean(),
  subcorpus: fc.option(fc.constantFrom("hospital-reports-2015-2020", "agency", "sub-3fa9c1", "a"), { nil: null }),
});

const page = fc.integer({ min: 1, max: 10_000 });

const arbitraries = {
  search: fc.record({
    q: text(30),
    match: fc.constantFrom(...search.MATCH_MODES),
    mode: fc.constantFrom(...search.RESULT_MODES),
    sort: fc.constantFrom(...search.SORTS),
    page,
    filters,
  }),
  report: fc
    .record({ q: text(20), match: fc.constantFrom("word" as const, "substring" as const), at: fc.option(fc.nat(1_000_000), { nil: null }), len: fc.option(fc.integer({ min: 1, max: 500 }), { nil: null }), from: fc.constantFrom("", "/?q=送温暖&sector=hospital", "/kwic?term=工会&page=2") })
    .map(({ len, ...r }) => ({ ...r, end: r.at !== null && len !== null ? r.at + len : null })),
  kwic: fc.record({ term: text(20), match: fc.constantFrom("word" as const, "substring" as const, "cql" as const, "regex" as const), sort: fc.constantFrom(...kwic.KWIC_SORTS), width: fc.integer({ min: 1, max: 200 }), collocate: fc.constantFrom("", "活动", "送温暖"), window: fc.integer({ min: 1, max: 10 }), page, filters, theme: fc.constantFrom("", "relief") }),
  analytics: fc.record({
    tab: fc.constantFrom(...analytics.TABS),
    term: text(20),
    by: fc.constantFrom("sector" as const, "year" as const, "docType" as const, "level" as const),
    then: fc.constantFrom("" as const, "sector" as const, "year" as const, "docType" as const, "level" as const),
    measure: fc.constantFrom(...analytics.MEASURES),
    window: fc.integer({ min: 1, max: 20 }),
    minLength: fc.integer({ min: 1, max: 20 }),
    stopwords: fc.boolean(),
    n: fc.integer({ min: 2, max: 8 }),
    filters,
    // a coding's excluded categories: only with a coding, each once
    coding: fc.constantFrom("", "0123456789ab"),
    exclude: fc.uniqueArray(fc.constantFrom("无关", "套话", "a,b"), { maxLength: 3 }),
  }).map((s) => ({ ...s, exclude: s.coding ? s.exclude : [] })),
  compare: fc.record({ a: filters, b: filters, aq: text(20), bq: text(20), min: fc.integer({ min: 1, max: 100_000 }),
    lr: fc.constantFrom(...compare.MIN_LOG_RATIOS),
    top: fc.constantFrom(...compare.TOP_NS),
    sort: fc.constantFrom(...KEYNESS_SORTS),
    term: text(20),
  }),
  write: fc.record({ text: text(100), term: text(20), sector: fc.constantFrom("" as const, ...SECTORS), docType: fc.constantFrom("" as const, ...DOC_TYPES), yearFrom: fc.constantFrom(0, 1990, 2023), fsort: fc.constantFrom(...FRAME_SORTS), vs: text(20) }),
};

const codecs: [string, RouteCodec<unknown>, fc.Arbitrary<unknown>, unknown][] = [
  ["search", search as RouteCodec<unknown>, arbitraries.search, search.defaultSearchState()],
  ["report", report as RouteCodec<unknown>, arbitraries.report, report.defaultReportState()],
  ["kwic", kwic as RouteCodec<unknown>, arbitraries.kwic, kwic.defaultKwicState()],
  ["analytics", analytics as RouteCodec<unknown>, arbitraries.analytics, analytics.defaultAnalyticsState()],
  ["compare", compare as RouteCodec<unknown>, arbitraries.compare, compare.defaultCompareState()],
  ["write", write as RouteCodec<unknown>, arbitraries.write, write.defaultWriteState()],
];

describe.each(codecs)("%s URL state", (_name, codec, arb, defaults) => {
  it("round-trips: routeToState(stateToRoute(s)) equals s", () => {
    fc.assert(
      fc.property(arb, (s) => {
        // through a real URL string, as the browser would hold it
        const url = `?${codec.stateToRoute(s).toString()}`;
        expect(codec.routeToState(new URLSearchParams(url))).toEqual(s);
      }),
      { numRuns: 300 },
    );
  });

  it("writes an empty URL for the default state and reads defaults from it", () => {
    expect(codec.stateToRoute(defaults).toString()).toBe("");
    expect(codec.routeToState(new URLSearchParams(""))).toEqual(defaults);
  });

  it("is stable: stateToRoute(routeToState(r)) equals a canonical r", () => {
    fc.assert(
      fc.property(arb, (s) => {
        const r = codec.stateToRoute(s);
        expect(codec.stateToRoute(codec.routeToState(r)).toString()).toBe(r.toString());
      }),
      { numRuns: 100 },
    );
  });
});

describe("routeToState tolerates hand-edited URLs", () => {
  it("drops invalid values and falls back to defaults", () => {
    const s = search.routeToState(new URLSearchParams("q=送温暖&sector=hospital&sector=spaceship&yearFrom=abc&page=-3&sort=nope&mode=passage"));
    expect(s).toEqual({ ...search.defaultSearchState(), q: "送温暖", mode: "passage", filters: { ...search.defaultSearchState().filters, sector: [] } });
  });

  it("accepts comma-separated and repeated facet values, in any order", () => {
    const a = search.routeToState(new URLSearchParams("sector=school,hospital"));
    const b = search.routeToState(new URLSearchParams("sector=hospital&sector=school"));
    expect(a.filters.sector).toEqual(["hospital", "school"]);
    expect(b).toEqual(a);
  });

  it("keeps the two compare sides apart", () => {
    const s = compare.routeToState(new URLSearchParams("a.sector=hospital&b.sector=school&b.q=职工"));
    expect(s.a.sector).toEqual(["hospital"]);
    expect(s.b.sector).toEqual(["school"]);
    expect(s.bq).toBe("职工");
    expect(compare.isReady(s)).toBe(true);
  });
});

describe("API parameters built from URL state validate against the server schemas", () => {
  const toQuery = (p: Record<string, unknown>) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined).map(([k, v]) => [k, typeof v === "number" ? String(v) : v]));

  it("search", () => {
    fc.assert(
      fc.property(arbitraries.search, (s) => {
        expect(SearchQuerySchema.safeParse(toQuery(search.toSearchParams(s))).success).toBe(true);
      }),
    );
  });

  it("phrase mode quotes the query; substring mode sets match", () => {
    const base = search.defaultSearchState();
    expect(search.toSearchParams({ ...base, q: "送温暖 活动", match: "phrase" }).q).toBe('"送温暖 活动"');
    expect(search.toSearchParams({ ...base, q: "温暖", match: "substring" })).toMatchObject({ q: "温暖", match: "substring" });
  });

  it("kwic", () => {
    fc.assert(
      fc.property(arbitraries.kwic, (s) => {
        const p = toQuery(kwic.toKwicParams({ ...s, term: s.term.trim() || "工会" }));
        expect(KwicQuerySchema.safeParse(p).success).toBe(true);
      }),
    );
  });

  it("keyness", () => {
    fc.assert(
      fc.property(arbitraries.compare, (s) => {
        expect(KeynessQuerySchema.safeParse(toQuery(compare.toKeynessParams(s))).success).toBe(true);
      }),
    );
  });
});

describe("report links", () => {
  it("carry the query and offset", () => {
    expect(report.reportHref("abc", { q: "送温暖", at: 120 })).toBe(`/report/abc?q=${encodeURIComponent("送温暖")}&at=120`);
    expect(report.reportHref("a/b")).toBe("/report/a%2Fb");
  });
});
