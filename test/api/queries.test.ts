// Saved queries (GET/POST /api/queries, DELETE /api/queries/{id}; data/queries.json): created with
// the admin token, listed newest first, deleted; a bad view, parameters the view would not run or a
// bad name are a 400 with a message and save nothing; the file is 0600 and survives a restart and a
// reindex of the same data folder.
import { statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJson, startApp, type TestApp } from "../helpers/app.ts";

const TOKEN = "queries-test-admin-token";
let app: TestApp;

beforeAll(async () => {
  app = await startApp({ env: { WENYUAN_ADMIN_TOKEN: TOKEN } });
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

interface Saved {
  id: string;
  name: string;
  view: string;
  params: string;
  url: string;
  summary: string;
  count: number | null;
  who: string;
  at: string;
}
type ErrorBody = { error: { code: string; message: string; field?: string } };

async function post(body: unknown, token: string | null = TOKEN): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${app.url}/api/queries`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

async function del(id: string, token: string | null = TOKEN): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${app.url}/api/queries/${id}`, { method: "DELETE", headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: await res.json() };
}

const list = async () => (await getJson<{ queries: Saved[]; max: number }>(app.url, "/api/queries")).body;

describe("saved queries", () => {
  let search: Saved;
  let kwic: Saved;

  it("starts empty, and refuses a write without the admin token (nothing saved)", async () => {
    expect(await list()).toEqual({ queries: [], max: 1000 });
    const r = await post({ name: "x", view: "search", params: "q=职代会" }, null);
    expect(r.status).toBe(403);
    expect((r.body as ErrorBody).error.code).toBe("forbidden");
    expect((await list()).queries).toEqual([]);
  });

  it("saves a search and a KWIC query with the URL that re-runs them, who and when", async () => {
    const total = (await getJson<{ total: number }>(app.url, `/api/search?q=${encodeURIComponent("职代会")}&sector=hospital`)).body.total;
    expect(total).toBeGreaterThan(0);
    const before = Date.now();
    const a = await post({ name: "医院的职代会", view: "search", params: "q=职代会&sector=hospital", summary: "“职代会” · 医院", count: total });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    search = a.body as Saved;
    expect(search).toMatchObject({ name: "医院的职代会", view: "search", params: `q=${encodeURIComponent("职代会")}&sector=hospital`, url: `/?q=${encodeURIComponent("职代会")}&sector=hospital`, summary: "“职代会” · 医院", count: total });
    expect(search.id).toMatch(/^[0-9a-f]{12}$/);
    expect(search.who).toMatch(/^admin token \(/);
    expect(Date.parse(search.at)).toBeGreaterThanOrEqual(before - 1000);

    const b = await post({ name: "  送温暖 按 L1  ", view: "kwic", params: "?term=送温暖&sort=L1&match=substring" });
    expect(b.status, JSON.stringify(b.body)).toBe(201);
    kwic = b.body as Saved;
    // the name trimmed, a leading ? dropped, no count given: null
    expect(kwic).toMatchObject({ name: "送温暖 按 L1", view: "kwic", url: `/kwic?term=${encodeURIComponent("送温暖")}&sort=L1&match=substring`, count: null, summary: "" });

    const analytics = await post({ name: "breakdown by year", view: "analytics", params: "tab=term&term=职代会&by=year&sector=school" });
    expect(analytics.status, JSON.stringify(analytics.body)).toBe(201);
    const compare = await post({ name: "hospital vs school", view: "compare", params: "a.sector=hospital&b.sector=school&min=3" });
    expect(compare.status, JSON.stringify(compare.body)).toBe(201);

    const { queries } = await list();
    // newest first
    expect(queries.map((q) => q.name)).toEqual(["hospital vs school", "breakdown by year", "送温暖 按 L1", "医院的职代会"]);
    expect(queries[3]).toEqual(search);
  });

  it.each([
    [{ name: "v", view: "report", params: "q=x" }, "view", /view must be one of search, kwic, analytics, compare/],
    [{ name: "p", view: "search", params: "q=职代会&bogus=1" }, "params", /takes no parameter "bogus"/],
    [{ name: "s", view: "search", params: "sector=martian" }, "params", /sector/],
    [{ name: "m", view: "search", params: "q=a&match=fuzzy" }, "params", /match/],
    [{ name: "w", view: "kwic", params: "term=职代会&width=9999" }, "params", /width/],
    [{ name: "t", view: "kwic", params: "sort=L1" }, "params", /term/],
    [{ name: "r", view: "search", params: "mode=report&mode=passage" }, "params", /mode/],
    [{ name: "tab", view: "analytics", params: "tab=cloud" }, "params", /tab/],
    [{ name: "tt", view: "analytics", params: "tab=term" }, "params", /the term tab needs a term/],
    [{ name: "y", view: "compare", params: "a.yearFrom=1066" }, "params", /a\.yearFrom/],
    [{ name: "", view: "search", params: "q=x" }, "name", /the name is empty/],
    [{ name: "   ", view: "search", params: "q=x" }, "name", /the name is empty/],
    [{ name: "x".repeat(101), view: "search", params: "q=x" }, "name", /longer than 100/],
    [{ view: "search", params: "q=x" }, "name", /name is required/],
    [{ name: "n", view: "search" }, "params", /params is required/],
    [{ name: "c", view: "search", params: "q=x", count: -1 }, "count", /count/],
    [{ name: "e", view: "search", params: "q=x", extra: true }, "", /extra/],
    [{ name: "医院的职代会", view: "kwic", params: "term=职代会" }, "name", /already named "医院的职代会"/],
  ])("a bad request is a 400 with a message, and nothing is saved: %j", async (body, field, message) => {
    const before = (await list()).queries.length;
    const r = await post(body);
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    const e = (r.body as ErrorBody).error;
    expect(e.message).toMatch(message);
    if (field) expect(e.field).toBe(field);
    expect((await list()).queries.length).toBe(before);
  });

  it("keeps data/queries.json private (0600)", () => {
    expect(statSync(join(app.dataDir, "queries.json")).mode & 0o777).toBe(0o600);
  });

  it("deletes one (404 for none, 400 for a malformed id, 403 without the token)", async () => {
    expect((await del(kwic.id, null)).status).toBe(403);
    const missing = await del("0123456789ab");
    expect(missing.status).toBe(404);
    expect((missing.body as ErrorBody).error.message).toMatch(/no saved query 0123456789ab/);
    const bad = await del("not-an-id");
    expect(bad.status).toBe(400);
    expect((bad.body as ErrorBody).error.message).toMatch(/not a saved query's id/);
    const ok = await del(kwic.id);
    expect(ok.status).toBe(200);
    expect((ok.body as { deleted: Saved }).deleted).toEqual(kwic);
    expect((await list()).queries.map((q) => q.id)).not.toContain(kwic.id);
    expect((await list()).queries).toHaveLength(3);
  });

  it("survives a restart and a reindex of the same data folder, and its URL still runs", async () => {
    const kept = (await list()).queries;
    await app.restart();
    expect((await list()).queries).toEqual(kept);
    await app.reindex({ reset: true });
    expect((await list()).queries).toEqual(kept);
    const again = (await getJson<{ total: number }>(app.url, `/api/search?${search.params}`)).body.total;
    expect(again).toBe(search.count);
  }, 120_000);
});
