// Property-based tests over every endpoint in ENDPOINTS (core/api/openapi.ts): random
// query strings — arbitrary Unicode, 10k-character values, repeated and empty
// parameters, quotes, backslashes, Meilisearch filter syntax, numbers out of range,
// NaN, arrays where scalars go, unknown names, broken percent-encoding — never get a
// 5xx, always 200 or a 4xx with a JSON error body, never a stack trace or an internal
// path, each within a bounded time. Then filter injection, specifically.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENDPOINTS } from "../../core/api/openapi.ts";
import { DOC_TYPES, FACETS, LEVELS, SECTORS } from "../../core/api/schema.ts";
import { startApp, type TestApp } from "../helpers/app.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const enc = encodeURIComponent;
const LEAKS = [/\/work\//, /node_modules/, /\n\s+at /, /file:\/\//, /\/tmp\//, /\bat [\w.<>]+ \(/];

const INJECTIONS = [
  'sector = "x" OR 1=1',
  "year > 0 AND",
  "_geoRadius(0,0,1)",
  'hospital" OR sector = "school',
  "hospital' OR '1'='1",
  "\\",
  '\\"',
  '"',
  "`",
  "报告",
  "医院\" OR kind = \"excerpt",
  "sector IN [hospital, school]",
  "NOT kind = report",
  "id EXISTS",
  "*",
  "%",
  "\u0000",
  "${jndi:ldap://x}",
  "<script>alert(1)</script>",
  "../../../etc/passwd",
];
const NUMBERS = ["NaN", "Infinity", "-Infinity", "1e309", "-1", "0", "-0", "2101", "1899", "99999999999999999999", "1.5", "0x10", " 12 ", "12abc", "", "1,2"];
/** Pieces put into the query string verbatim (not encoded): broken percent-encoding and separators. */
const RAW = ["%", "%ZZ", "%E4%B8", "%C0%AF", "%00", "&&", "==", "=", "&=x", "%FF%FE"];

const valueArb = (enums: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
    { weight: 3, arbitrary: fc.constantFrom(...INJECTIONS) },
    { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
    { weight: 1, arbitrary: fc.integer().map(String) },
    { weight: 1, arbitrary: fc.double().map(String) },
    { weight: 3, arbitrary: fc.constantFrom(...enums, "工会", "送温暖", "职工", "json", "csv", "true", "1") },
    { weight: 1, arbitrary: fc.constantFrom("a".repeat(10_000), "\\".repeat(10_000), "工".repeat(2_000), "工".repeat(10_000)) },
  );

type Param = { key: string; value: string; raw: boolean };

function paramsArb(keys: string[], enums: string[]): fc.Arbitrary<Param[]> {
  const keyArb = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...keys) },
    { weight: 1, arbitrary: fc.constantFrom(...keys.map((k) => `${k}[]`), ...keys.map((k) => `${k}[0]`), "__proto__", "constructor", "toString", "a.b.c", "") },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
  );
  const one = fc.oneof(
    { weight: 8, arbitrary: fc.record({ key: keyArb, value: valueArb(enums), raw: fc.constant(false) }) },
    { weight: 1, arbitrary: fc.record({ key: fc.constantFrom(...keys), value: fc.constantFrom(...RAW), raw: fc.constant(true) }) },
  );
  // Repeats come from drawing the same key twice, or from duplicating the list.
  return fc.oneof({ weight: 4, arbitrary: fc.array(one, { maxLength: 8 }) }, { weight: 1, arbitrary: fc.array(one, { minLength: 1, maxLength: 3 }).map((a) => [...a, ...a]) });
}

const toQuery = (params: Param[]) => params.map((p) => `${enc(p.key)}=${p.raw ? p.value : enc(p.value)}`).join("&");

async function probe(path: string, allowed: number[], init: RequestInit = {}): Promise<void> {
  const t0 = performance.now();
  const res = await fetch(app.url + path, { ...init, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  const ms = performance.now() - t0;
  const where = `${res.status} ${path.slice(0, 300)}\n${text.slice(0, 300)}`;
  expect(ms, where).toBeLessThan(5000);
  expect(res.status, where).not.toBeGreaterThanOrEqual(500);
  const long = path.length > 16_000; // over Node's 16 KB header limit: 431, with the same JSON body
  expect([...allowed, ...(long ? [431] : [])], where).toContain(res.status);
  for (const leak of LEAKS) expect(text, where).not.toMatch(leak);
  if (res.status >= 400) {
    expect(res.headers.get("content-type"), where).toMatch(/application\/json/);
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code, where).toBe("string");
    expect(typeof body.error?.message, where).toBe("string");
  } else {
    // the corpus export is a Parquet file (/api/export/parquet)
    expect(res.headers.get("content-type"), where).toMatch(/application\/json|text\/csv|application\/vnd\.apache\.parquet/);
  }
}

const ENUMS = [...SECTORS, ...DOC_TYPES, ...LEVELS, ...FACETS, "report", "excerpt", "passage", "substring", "word", "relevance", "year:desc", "L1", "doc", "mi", "llr"];

describe("every endpoint under random query strings", () => {
  it("covers every endpoint of the OpenAPI list", () => {
    expect(ENDPOINTS.length).toBeGreaterThanOrEqual(17);
  });

  for (const endpoint of ENDPOINTS.filter((e) => (e.method ?? "GET") === "GET")) {
    it(`${endpoint.path}: never 5xx, 200 or a JSON 4xx, no leaks, bounded time`, async () => {
      const keys = endpoint.query ? Object.keys(endpoint.query.shape) : ["q", "format"];
      const pathArb: fc.Arbitrary<{ path: string; allowed: number[] }> =
        endpoint.path === "/api/reports/{id}"
          ? fc
              .tuple(fc.oneof(fc.string({ unit: "binary", maxLength: 80 }), fc.constantFrom("..", "%2e%2e", "abc", "0123456789abcdef", "a".repeat(65), "工会", "'", '"', "\\")))
              .map(([id]) => ({ path: `/api/reports/${id === ".." || id.startsWith("%") ? id : enc(id)}`, allowed: [200, 400, 404] }))
          : endpoint.path === "/api/facets/{name}"
            ? fc.tuple(fc.oneof(fc.constantFrom(...FACETS), fc.string({ unit: "binary", maxLength: 20 }), fc.constantFrom(...INJECTIONS))).map(([name]) => ({
                path: `/api/facets/${enc(name)}`,
                allowed: [200, 400, 404],
              }))
            : fc.constant({ path: endpoint.path, allowed: [200, 400] });
      await fc.assert(
        fc.asyncProperty(pathArb, paramsArb(keys, ENUMS), async ({ path, allowed }, params) => {
          // An empty facet/report segment falls through to the API's 404; other paths are as listed.
          await probe(`${path}?${toQuery(params)}`, path.endsWith("/") ? [...allowed, 404] : allowed);
        }),
        { numRuns: 45 },
      );
    }, 120_000);
  }
});

// The corpus-management writes (loopback, no admin token: allowed) under random bodies and names.
describe("every write endpoint under random bodies", () => {
  const writes = ENDPOINTS.filter((e) => e.method && e.method !== "GET");
  it("are the table's PUT, POST and DELETE entries", () => {
    expect(writes.map((e) => `${e.method} ${e.path}`).sort()).toEqual([
      "DELETE /api/codings/{id}",
      "DELETE /api/queries/{id}",
      "DELETE /api/subcorpora/{id}",
      "POST /api/corrections/undo",
      "POST /api/draft-check",
      "POST /api/jobs",
      "POST /api/queries",
      "POST /api/subcorpora",
      "PUT /api/codings",
      "PUT /api/codings/{id}/assignments",
      "PUT /api/reports/metadata",
      "PUT /api/reports/{id}/metadata",
      "PUT /api/subcorpora/{id}",
      "PUT /api/uploads/{name}",
    ]);
  });

  const json = fc.oneof(fc.jsonValue(), fc.record({ add: fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }) }), fc.record({ remove: fc.array(fc.string({ maxLength: 30 }), { maxLength: 2 }) }), fc.record({ sector: fc.constantFrom(...SECTORS, "x"), year: fc.oneof(fc.integer(), fc.constant(null)), title: fc.string({ maxLength: 20 }) }, { requiredKeys: [] }));
  const segment = fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.constantFrom("..", "a.txt", "报告.docx", "x.exe", "0123456789abcdef", "'", "%00"));

  for (const e of writes) {
    it(`${e.method} ${e.path}: never 5xx, a JSON 2xx or 4xx, bounded time`, async () => {
      await fc.assert(
        fc.asyncProperty(segment, json, fc.uint8Array({ maxLength: 2000 }), async (seg, body, bytes) => {
          const path = e.path.replace(/\{\w+\}/, enc(seg) || "x");
          const raw = e.path.includes("uploads");
          await probe(path, [200, 201, 202, 400, 404, 413], {
            method: e.method,
            headers: { "content-type": raw ? "application/octet-stream" : "application/json" },
            body: raw ? Buffer.from(bytes) : JSON.stringify(body),
          });
        }),
        { numRuns: 30 },
      );
    }, 120_000);
  }
});

describe("filter injection", () => {
  it.each([
    ["/api/search", "sector", 'hospital" OR sector = "school'],
    ["/api/search", "sector", "hospital' OR 1=1 --"],
    ["/api/search", "docType", "报告"],
    ["/api/search", "level", "\\"],
    ["/api/search", "level", 'city\\" OR level = \\"unit'],
    ["/api/search", "kind", 'report" OR kind = "excerpt'],
    ["/api/search", "year", "2022 OR year > 0"],
    ["/api/search", "yearFrom", "0 OR 1=1"],
    ["/api/reports", "sector", "hospital OR school"],
    ["/api/facets/sector", "docType", '") OR ("'],
    ["/api/kwic?term=工会", "sector", '医院" OR sector EXISTS OR sector = "'],
    ["/api/keyness", "a.sector", 'hospital" OR "1" = "1'],
  ])("%s %s=%s → 400", async (path, name, value) => {
    const res = await fetch(`${app.url}${path}${path.includes("?") ? "&" : "?"}${name}=${enc(value)}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string; field?: string } };
    expect(body.error.code).toBe("invalid_parameter");
    expect(body.error.field).toBe(name);
  });

  it("filter syntax inside free text is searched as text, not as a filter", async () => {
    const all = (await (await fetch(`${app.url}/api/search?perPage=100`)).json()) as { total: number };
    for (const q of ['sector = "school" OR 1=1', '" OR kind = "excerpt', "工会\\\" OR year > 0", "_geoRadius(0,0,1)"]) {
      const res = await fetch(`${app.url}/api/search?q=${enc(q)}&sector=hospital`);
      expect(res.status, q).toBe(200);
      const body = (await res.json()) as { total: number; hits: { sector: string }[] };
      expect(body.hits.every((h) => h.sector === "hospital"), q).toBe(true);
      expect(body.total, q).toBeLessThan(all.total);
    }
  });

  it("a valid filter never broadens results: every hit satisfies it, and adding one never adds hits", async () => {
    const unfiltered = (await (await fetch(`${app.url}/api/search?perPage=100`)).json()) as { total: number };
    const filterArb = fc.record(
      {
        sector: fc.subarray([...SECTORS], { minLength: 1 }),
        docType: fc.subarray([...DOC_TYPES], { minLength: 1 }),
        level: fc.subarray([...LEVELS], { minLength: 1 }),
        yearFrom: fc.integer({ min: 2015, max: 2024 }),
        q: fc.constantFrom("工会", "职工", "送温暖", "医院"),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(filterArb, fc.constantFrom("sector", "docType", "level", "yearFrom"), async (f, extra) => {
        const qs = (g: typeof f) =>
          Object.entries(g)
            .flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => `${k}=${enc(x)}`) : [`${k}=${enc(String(v))}`]))
            .join("&");
        const a = (await (await fetch(`${app.url}/api/search?perPage=100&${qs(f)}`)).json()) as { total: number; hits: { sector: string; docType: string; level: string; year: number | null }[] };
        expect(a.total).toBeLessThanOrEqual(unfiltered.total);
        for (const h of a.hits) {
          if (f.sector) expect(f.sector).toContain(h.sector);
          if (f.docType) expect(f.docType).toContain(h.docType);
          if (f.level) expect(f.level).toContain(h.level);
          if (f.yearFrom !== undefined) expect(h.year ?? -1).toBeGreaterThanOrEqual(f.yearFrom);
        }
        const ALL = { sector: [...SECTORS], docType: [...DOC_TYPES], level: [...LEVELS] } as Record<string, string[]>;
        const narrower = { ...f, [extra]: extra === "yearFrom" ? Math.max(f.yearFrom ?? 0, 2022) : [((f as Record<string, string[] | undefined>)[extra] ?? ALL[extra])[0]] };
        const b = (await (await fetch(`${app.url}/api/search?perPage=100&${qs(narrower)}`)).json()) as { total: number };
        expect(b.total).toBeLessThanOrEqual(a.total);
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
