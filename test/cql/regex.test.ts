// match=regex through the API on the seed corpus: counts against String.matchAll over the store's
// texts, a bad expression is a 400, and one that backtracks without end is stopped at its budget
// with a 422 while the server goes on answering.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../core/model.ts";
import { readStore } from "../../core/store.ts";
import { REGEX_BUDGET_MS } from "../../server/analytics/regex.ts";
import { getJson, SEED_CORPUS, seedApp, startApp, type TestApp } from "../helpers/app.ts";

let app: TestApp;
let reports: Report[];

beforeAll(async () => {
  app = await seedApp();
  reports = readStore(app.dataDir)
    .entries.map((e) => e.report)
    .filter((r) => r.kind === "report" && r.duplicateOf === null);
});
afterAll(() => app?.stop());

const enc = encodeURIComponent;
const count = (text: string, source: string) => [...text.matchAll(new RegExp(source, "gu"))].filter((m) => m[0].length > 0).length;

describe("match=regex", () => {
  it("counts what matchAll counts, in KWIC and search, with filters", async () => {
    const source = "职工.{0,4}活动";
    const total = reports.reduce((n, r) => n + count(r.text, source), 0);
    expect(total).toBeGreaterThan(0);
    const k = await getJson<{ total: number; reports: number; lines: { match: string }[] }>(app.url, `/api/kwic?match=regex&perPage=500&term=${enc(source)}`);
    expect(k.status).toBe(200);
    expect(k.body.total).toBe(total);
    expect(k.body.reports).toBe(reports.filter((r) => count(r.text, source) > 0).length);
    for (const l of k.body.lines) expect(l.match).toMatch(new RegExp(`^${source}$`, "u"));
    const s = await getJson<{ total: number }>(app.url, `/api/search?match=regex&sector=school&q=${enc(source)}`);
    expect(s.body.total).toBe(reports.filter((r) => r.sector === "school" && count(r.text, source) > 0).length);
    // traditional characters folded, as every query is
    const t = await getJson<{ total: number }>(app.url, `/api/kwic?match=regex&perPage=1&term=${enc("職工.{0,4}活動")}`);
    expect(t.body.total).toBe(total);
  });

  it("answers an invalid expression with 400", async () => {
    const { status, body } = await getJson<{ error: { code: string; field: string } }>(app.url, `/api/search?match=regex&q=${enc("职工(")}`);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "regex_syntax", field: "q" });
  });

  it("stops a catastrophically backtracking expression at its budget with 422, and keeps serving", async () => {
    const t0 = performance.now();
    const { status, body } = await getJson<{ error: { code: string; message: string } }>(app.url, `/api/kwic?match=regex&term=${enc("(\\p{L}+)+\\d{5}")}`);
    const took = performance.now() - t0;
    expect(status).toBe(422);
    expect(body.error.code).toBe("regex_too_slow");
    expect(body.error.message).toContain(`${REGEX_BUDGET_MS} ms`);
    expect(took).toBeGreaterThanOrEqual(REGEX_BUDGET_MS - 50);
    expect(took).toBeLessThan(REGEX_BUDGET_MS + 3000);
    const after = await getJson<{ total: number }>(app.url, `/api/kwic?match=regex&perPage=1&term=${enc("职工")}`);
    expect(after.status).toBe(200);
    expect(after.body.total).toBe(reports.reduce((n, r) => n + count(r.text, "职工"), 0));
  }, 20_000);
});

describe("the regex budget", () => {
  let own: TestApp;
  const BUDGET = 1500;
  beforeAll(async () => {
    own = await startApp({ corpus: SEED_CORPUS, env: { WENYUAN_REGEX_BUDGET_MS: String(BUDGET) } });
  });
  afterAll(() => own?.stop());

  it("starts when a worker picks the expression up, not while it waits in the queue behind others", async () => {
    // Four expressions that backtrack without end (distinct, so none is shared from the cache) keep
    // both pool workers busy for two budgets; a quick one sent after them waits that long in the
    // queue. Counting the wait, it was stopped as "too slow" before it ran.
    const slow = [5, 6, 7, 8].map((n) => getJson<{ error: { code: string } }>(own.url, `/api/kwic?match=regex&perPage=1&term=${enc(`(\\p{L}+)+\\d{${n}}`)}`));
    await new Promise((r) => setTimeout(r, 100));
    const t0 = performance.now();
    const quick = await getJson<{ total: number }>(own.url, `/api/kwic?match=regex&perPage=1&term=${enc("职工.{0,2}活动")}`);
    const waited = performance.now() - t0;
    expect(quick.status).toBe(200);
    const texts = readStore(own.dataDir).entries.map((e) => e.report).filter((r) => r.kind === "report" && r.duplicateOf === null);
    expect(quick.body.total).toBe(texts.reduce((n, r) => n + count(r.text, "职工.{0,2}活动"), 0));
    expect(waited).toBeGreaterThan(BUDGET);
    for (const s of await Promise.all(slow)) {
      expect(s.status).toBe(422);
      expect(s.body.error.code).toBe("regex_too_slow");
    }
  }, 40_000);
});
