// The saved-query check (core/api/savedViews.ts) against the web app's own URL codecs: every URL a
// view writes is one the server accepts (else "Save query" would answer 400 on a view's own
// address), and what a view never writes is refused. And the browser history's list: one entry per
// URL, newest first, capped at HISTORY_MAX, page and lang left out of the URL it keeps.
import { describe, expect, it } from "vitest";
import { viewParamsProblem } from "../../core/api/savedViews.ts";
import * as analyticsUrl from "../../web/src/state/analytics.ts";
import * as compareUrl from "../../web/src/state/compare.ts";
import { emptyFilters, type FacetFilters } from "../../web/src/state/filters.ts";
import * as kwicUrl from "../../web/src/state/kwic.ts";
import * as searchUrl from "../../web/src/state/search.ts";
import { HISTORY_MAX, queryUrl, readHistory, recordQuery, removeQuery, clearHistory } from "../../web/src/lib/history.ts";

const full: FacetFilters = { sector: ["hospital", "school"], docType: ["summary"], level: ["unit"], yearFrom: 2015, yearTo: 2020, includeDuplicates: true, synonyms: false, subcorpus: "hospital-2015-2020" };

describe("a view's own URL is a URL it can save", () => {
  it("search, in every match mode, result mode and sort, with every filter", () => {
    for (const match of searchUrl.MATCH_MODES)
      for (const mode of searchUrl.RESULT_MODES)
        for (const sort of searchUrl.SORTS) {
          const p = searchUrl.stateToRoute({ ...searchUrl.defaultSearchState(), q: "职代会 -教代会", match, mode, sort, page: 3, filters: full });
          expect(viewParamsProblem("search", p), p.toString()).toBeNull();
        }
    expect(viewParamsProblem("search", searchUrl.stateToRoute(searchUrl.defaultSearchState()))).toBeNull();
  });

  it("kwic with a collocate, a theme and each sort", () => {
    for (const sort of kwicUrl.KWIC_SORTS) {
      const p = kwicUrl.stateToRoute({ ...kwicUrl.defaultKwicState(), term: "送温暖", sort, width: 50, collocate: "开展", window: 3, page: 2, theme: "democracy", filters: full });
      expect(viewParamsProblem("kwic", p), p.toString()).toBeNull();
    }
    // an empty concordance asks nothing: refused, naming the term
    expect(viewParamsProblem("kwic", kwicUrl.stateToRoute(kwicUrl.defaultKwicState()))).toMatch(/^term: /);
  });

  it("analytics, every tab", () => {
    for (const tab of analyticsUrl.TABS) {
      const p = analyticsUrl.stateToRoute({ ...analyticsUrl.defaultAnalyticsState(), tab, term: "职代会", by: "year", measure: "mi", window: 7, minLength: 3, stopwords: false, n: 4, filters: full });
      expect(viewParamsProblem("analytics", p), p.toString()).toBeNull();
    }
  });

  it("compare, both sides filtered and queried", () => {
    const p = compareUrl.stateToRoute({ ...compareUrl.defaultCompareState(), a: full, b: { ...emptyFilters(), sector: ["agency"] }, aq: "职代会", bq: "教代会", min: 10, lr: 1, top: 20, sort: "lr", term: "民主" });
    expect(viewParamsProblem("compare", p)).toBeNull();
  });

  it("refuses what no view writes: another view's keys, repeated scalars, values out of range", () => {
    expect(viewParamsProblem("search", new URLSearchParams("term=职代会"))).toMatch(/takes no parameter "term"/);
    expect(viewParamsProblem("kwic", new URLSearchParams("term=a&q=b"))).toMatch(/takes no parameter "q"/);
    expect(viewParamsProblem("search", new URLSearchParams("sort=relevance&sort=year:asc"))).toMatch(/^sort: /);
    expect(viewParamsProblem("analytics", new URLSearchParams("n=99"))).toMatch(/^n: /);
    expect(viewParamsProblem("compare", new URLSearchParams("a.sector=mars"))).toMatch(/^a\.sector/);
  });
});

class MemoryStorage implements Storage {
  private m = new Map<string, string>();
  get length() {
    return this.m.size;
  }
  clear() {
    this.m.clear();
  }
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
  setItem(k: string, v: string) {
    this.m.set(k, v);
  }
}

describe("the browser's history", () => {
  it("keeps one entry per URL, newest first, and the query's URL without page and lang", () => {
    const s = new MemoryStorage();
    expect(queryUrl("/kwic", "?term=%E6%85%B0%E9%97%AE&page=3&lang=en&sort=L1")).toBe("/kwic?term=%E6%85%B0%E9%97%AE&sort=L1");
    expect(queryUrl("/", "?page=2")).toBe("/");
    recordQuery({ view: "search", url: "/?q=a", count: 3, at: "2026-01-01T00:00:00Z" }, s);
    recordQuery({ view: "kwic", url: "/kwic?term=a", count: 9, at: "2026-01-01T00:01:00Z" }, s);
    recordQuery({ view: "search", url: "/?q=a", count: 4, at: "2026-01-01T00:02:00Z" }, s);
    expect(readHistory(s)).toEqual([
      { view: "search", url: "/?q=a", count: 4, at: "2026-01-01T00:02:00Z" },
      { view: "kwic", url: "/kwic?term=a", count: 9, at: "2026-01-01T00:01:00Z" },
    ]);
    expect(removeQuery("/?q=a", s).map((e) => e.url)).toEqual(["/kwic?term=a"]);
    clearHistory(s);
    expect(readHistory(s)).toEqual([]);
  });

  it(`keeps the last ${HISTORY_MAX}, and reads a damaged store as empty rather than failing`, () => {
    const s = new MemoryStorage();
    for (let i = 0; i < HISTORY_MAX + 7; i++) recordQuery({ view: "search", url: `/?q=${i}`, count: i, at: new Date(i * 1000).toISOString() }, s);
    const kept = readHistory(s);
    expect(kept).toHaveLength(HISTORY_MAX);
    expect(kept[0].url).toBe(`/?q=${HISTORY_MAX + 6}`);
    expect(kept.at(-1)!.url).toBe("/?q=7");
    s.setItem("wenyuan.history.v1", "{not json");
    expect(readHistory(s)).toEqual([]);
  });
});
