// The writer's frames table exports like every other table (issue 17 point 3): GET
// /api/export/frames as CSV holds the same rows as the JSON export, which holds the same rows as
// /api/frames itself (relations' rows then variants), past the 15 rows the screen shows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseExportCsv } from "../helpers/csv.ts";
import { getJson, SEED_CORPUS, startApp, type TestApp } from "../helpers/app.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startApp({ corpus: SEED_CORPUS });
});
afterAll(() => app?.stop());

interface FramesBody {
  relations: { name: string; rows: { word: string; count: number; reports: number; bySector: Record<string, number> }[] }[];
  variants: { pattern: string; count: number; reports: number }[];
}

describe("GET /api/export/frames", () => {
  it("CSV rows equal JSON rows, and both hold every row: /api/frames at its largest limit is where they begin, not where they end", async () => {
    const term = encodeURIComponent("职工");
    const csvRes = await fetch(`${app.url}/api/export/frames?term=${term}&format=csv`);
    expect(csvRes.status).toBe(200);
    expect(csvRes.headers.get("content-type")).toMatch(/^text\/csv/);
    const { records: [header, ...records], comments } = parseExportCsv(await csvRes.text());
    expect(comments.at(-1)).toBe(`rows: ${records.length}`);
    const json = (await (await fetch(`${app.url}/api/export/frames?term=${term}&format=json`)).json()) as { rows: Record<string, unknown>[]; count: number };
    expect(header.slice(0, 5)).toEqual(["relation", "word", "count", "reports", "logDice"]);
    expect(records.length).toBe(json.rows.length);
    expect(json.count).toBe(json.rows.length);
    // cell for cell: the CSV is the JSON rows written out
    const asCells = json.rows.map((r) => header.map((k) => (r[k] === undefined || r[k] === null ? "" : String(r[k]))));
    expect(records).toEqual(asCells);

    // an independent listing: the endpoint's own answer at the schema's largest limit
    const direct = (await getJson<FramesBody>(app.url, `/api/frames?term=${term}&limit=200`)).body;
    const expected = [...direct.relations.flatMap((rel) => rel.rows.map((x) => [rel.name, x.word, x.count])), ...direct.variants.map((v) => ["variant", v.pattern, v.count])];
    // the export lifts the limit (issue 24): per relation, the endpoint's top 200 come first, in its order, and more follow where there are more
    const exported = json.rows.map((r) => [r.relation, r.word, r.count]);
    const of = (rows: unknown[][], rel: string) => rows.filter((r) => r[0] === rel);
    for (const rel of new Set(expected.map((r) => r[0] as string))) expect(of(exported, rel).slice(0, of(expected, rel).length)).toEqual(of(expected, rel));
    expect(exported.length).toBeGreaterThan(expected.length);
    // more than a screen's 15 rows of verbs: the export is not the page shown
    expect(direct.relations.find((r) => r.name === "verb")!.rows.length).toBeGreaterThan(15);
  });
});
