// The regular-expression budget comes from the configuration (WENYUAN_REGEX_BUDGET_MS): a
// catastrophically backtracking expression is answered 422 with a message naming the configured
// budget, within that budget plus a second, in search and in the concordance.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_REGEX_BUDGET_MS, resolveConfig } from "../../core/config.ts";
import { getJson, SEED_CORPUS, startApp, type TestApp } from "../helpers/app.ts";

const BUDGET = 1200;
// nested repetition over letters, then digits that never come: backtracks without end on any long run of letters
const CATASTROPHIC = encodeURIComponent("(\\p{L}+)+\\d{5}");

let app: TestApp;
beforeAll(async () => {
  app = await startApp({ corpus: SEED_CORPUS, env: { WENYUAN_REGEX_BUDGET_MS: String(BUDGET) } });
  // The pool's workers up and holding the corpus: the timing below is the budget's, not a cold start's.
  const quick = encodeURIComponent("职工\\p{L}");
  for (const res of await Promise.all([`/api/search?match=regex&q=${quick}`, `/api/kwic?match=regex&perPage=1&term=${quick}`].map((p) => getJson(app.url, p)))) {
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
}, 120_000);
afterAll(() => app?.stop());

describe("WENYUAN_REGEX_BUDGET_MS", () => {
  it("is read by the one config resolver, with a default and a check", () => {
    expect(resolveConfig({}).regexBudgetMs).toBe(DEFAULT_REGEX_BUDGET_MS);
    expect(resolveConfig({ WENYUAN_REGEX_BUDGET_MS: "2500" }).regexBudgetMs).toBe(2500);
    expect(() => resolveConfig({ WENYUAN_REGEX_BUDGET_MS: "soon" })).toThrow(ConfigError);
    expect(() => resolveConfig({ WENYUAN_REGEX_BUDGET_MS: "10" })).toThrow(/WENYUAN_REGEX_BUDGET_MS/);
  });

  for (const path of [`/api/search?match=regex&q=${CATASTROPHIC}`, `/api/kwic?match=regex&term=${CATASTROPHIC}`]) {
    it(`stops ${path.split("?")[0]} at the configured budget with 422 and says why`, async () => {
      const t0 = performance.now();
      const { status, body } = await getJson<{ error: { code: string; message: string } }>(app.url, path);
      const took = performance.now() - t0;
      expect(status).toBe(422);
      expect(body.error.code).toBe("regex_too_slow");
      expect(body.error.message).toContain(`budget of ${BUDGET} ms`);
      expect(body.error.message).toContain("(a+)+");
      expect(took).toBeGreaterThanOrEqual(BUDGET - 50);
      expect(took).toBeLessThan(BUDGET + 1000);
      // and the server keeps answering (in word mode: a regular expression's budget also pays for
      // the fresh worker that replaces the stopped one, which on a loaded machine can take most of 1.2 s)
      const after = await getJson<{ total: number }>(app.url, `/api/kwic?perPage=1&term=${encodeURIComponent("职工")}`);
      expect(after.status).toBe(200);
      expect(after.body.total).toBeGreaterThan(0);
    }, 20_000);
  }
});
