// Issue 16: sorting search results by year must order them by year (newest or oldest first,
// undated reports last), in report and passage mode. The expected order is recomputed here from
// the corpus store, not from the search code.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SearchResponse } from "../../core/api/schema.ts";
import { readStore } from "../../core/store.ts";
import { getJson, SEED_CORPUS, startApp, type TestApp } from "../helpers/app.ts";

let app: TestApp;
let yearOf: Map<string, number | null>;

beforeAll(async () => {
  app = await startApp({ corpus: SEED_CORPUS });
  yearOf = new Map(readStore(app.dataDir).entries.map((e) => [e.report.id, e.report.year]));
});
afterAll(() => app?.stop());

const years = async (qs: string) => {
  const { status, body } = await getJson<SearchResponse>(app.url, `/api/search?perPage=100&${qs}`);
  expect(status).toBe(200);
  return body.hits.map((h) => yearOf.get(h.reportId) ?? null);
};

/** Dated years in the wanted order, then every undated one. */
function inOrder(ys: (number | null)[], dir: "asc" | "desc"): boolean {
  const firstUndated = ys.findIndex((y) => y === null);
  const dated = (firstUndated < 0 ? ys : ys.slice(0, firstUndated)) as number[];
  if (firstUndated >= 0 && ys.slice(firstUndated).some((y) => y !== null)) return false;
  return dated.every((y, i) => i === 0 || (dir === "desc" ? dated[i - 1] >= y : dated[i - 1] <= y));
}

describe("search sorted by year", () => {
  it.each(["送温暖", "工会"])("orders %s by year both ways, undated last, in report and passage mode", async (q) => {
    for (const mode of ["report", "passage"]) {
      const desc = await years(`q=${encodeURIComponent(q)}&mode=${mode}&sort=year:desc`);
      const asc = await years(`q=${encodeURIComponent(q)}&mode=${mode}&sort=year:asc`);
      const dated = desc.filter((y) => y !== null);
      // the bundled corpus has at least two distinct years among these hits, or the test proves nothing
      expect(new Set(dated).size, `${q} ${mode}`).toBeGreaterThan(1);
      expect(inOrder(desc, "desc"), `${q} ${mode} desc: ${desc.join(",")}`).toBe(true);
      expect(inOrder(asc, "asc"), `${q} ${mode} asc: ${asc.join(",")}`).toBe(true);
      expect(desc.length).toBe(asc.length);
    }
  });
});
