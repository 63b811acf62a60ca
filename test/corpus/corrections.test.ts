// Metadata corrections over a corpus that changes (issue 28): a correction retires with its report
// (listed as retired, not re-applied when the same bytes come back, restorable from the history);
// the document table filtered by text and facets and ordered by when sources were added; one write
// correcting several reports; the history of who changed what, and undo. Expected rows are
// recounted from the store and the sources registry, not from the server's own functions.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSources, readStore } from "../../core/store.ts";
import { getJson, startApp, type TestApp } from "../helpers/app.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

const send = async (method: string, path: string, body: unknown) => {
  const res = await fetch(app.url + path, {
    method,
    headers: { "Content-Type": body instanceof Uint8Array ? "application/octet-stream" : "application/json" },
    body: body instanceof Uint8Array ? Buffer.from(body) : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { id: string; upload: string; error: { message: string } } };
};

async function untilDone(id: string): Promise<string> {
  for (let i = 0; i < 600; i++) {
    const job = await getJson<{ state: string }>(app.url, `/api/jobs/${id}`);
    if (job.body.state !== "running") return job.body.state;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("job did not finish");
}

const reportText = (unit: string) =>
  [
    `${unit}工会2023年工作总结`,
    `一年来，${unit}工会组织职工开展读书分享会十二场，建成职工书屋两处。`,
    "二、关心职工生活。开展夏季送清凉活动，为一线职工发放防暑用品，组织青年职工联谊活动三次。",
    "三、加强自身建设。完善会员实名制管理，新发展会员四十六人，经费收支做到公开透明。",
  ].join("\n");

async function upload(name: string, text: string): Promise<void> {
  const staged = await send("PUT", `/api/uploads/${encodeURIComponent(name)}`, new Uint8Array(Buffer.from(text)));
  expect(staged.status).toBe(201);
  const job = await send("POST", "/api/jobs", { add: [staged.body.upload] });
  expect(await untilDone(job.body.id)).toBe("done");
}
const remove = async (path: string) => expect(await untilDone((await send("POST", "/api/jobs", { remove: [path] })).body.id)).toBe("done");

/** The store's reports of one source, read from the store itself. */
const storeIdsOf = (source: string) =>
  readStore(app.dataDir)
    .entries.map((e) => e.report)
    .filter((r) => r.source === source && r.kind === "report")
    .map((r) => r.id);
const reportOf = async (id: string) => (await getJson<{ sector: string; year: number | null; docType: string }>(app.url, `/api/reports/${id}`)).body;
const correctionsFile = () => JSON.parse(readFileSync(join(app.dataDir, "corrections.json"), "utf8")) as { reports: Record<string, unknown>; retired: { id: string; reason: string }[] };

describe("a correction whose report leaves the corpus", () => {
  it("is retired: not listed, not re-applied when the same bytes come back, kept in the history and restorable", async () => {
    const source = "sources/退休测试医院.txt";
    await upload("退休测试医院.txt", reportText("退休测试医院"));
    const [id] = storeIdsOf(source);
    expect(id).toBeDefined();
    const classified = (await reportOf(id)).sector;
    const target = classified === "agency" ? "school" : "agency";
    expect((await send("PUT", `/api/reports/${id}/metadata`, { sector: target })).status).toBe(200);
    expect((await getJson<{ reports: Record<string, unknown> }>(app.url, "/api/corrections")).body.reports[id]).toMatchObject({ sector: target });

    await remove(source);
    const listed = (await getJson<{ reports: Record<string, unknown>; retired: { id: string; reason: string; correction: { sector: string } }[] }>(app.url, "/api/corrections")).body;
    expect(listed.reports[id]).toBeUndefined();
    expect(listed.retired.find((r) => r.id === id)).toMatchObject({ correction: { sector: target }, reason: `source removed: ${source}` });
    expect(correctionsFile().reports[id]).toBeUndefined();
    const retire = (await getJson<{ entries: { seq: number; action: string; report: string; field: string; from: unknown }[] }>(app.url, `/api/corrections/history?report=${id}`)).body.entries.find((e) => e.action === "retire");
    expect(retire).toMatchObject({ report: id, field: "sector", from: target });

    // the same bytes again: the same id, with the classifier's sector, not the retired correction
    await upload("退休测试医院.txt", reportText("退休测试医院"));
    expect(storeIdsOf(source)).toEqual([id]);
    expect((await reportOf(id)).sector).toBe(classified);
    expect((await getJson<{ reports: Record<string, unknown> }>(app.url, "/api/corrections")).body.reports[id]).toBeUndefined();

    // undoing the retire entry puts the correction back, on purpose
    const undo = await send("POST", "/api/corrections/undo", { entry: retire!.seq });
    expect(undo.status).toBe(200);
    expect((await reportOf(id)).sector).toBe(target);
    expect(correctionsFile().reports[id]).toMatchObject({ sector: target });
    expect(correctionsFile().retired.some((r) => r.id === id)).toBe(false);
  }, 120_000);
});

describe("the document table", () => {
  it("filters by a title, source or id substring and by facets, and orders newest source first", async () => {
    await upload("检索甲.txt", reportText("星港检索甲厂"));
    await upload("检索乙.txt", reportText("星港检索乙局"));
    const store = readStore(app.dataDir).entries.map((e) => e.report);
    const canonical = store.filter((r) => r.kind === "report");
    const has = (s: string) => canonical.filter((r) => [r.title, r.source, r.id].some((x) => x.includes(s)));
    type Rows = { total: number; reports: { id: string; title: string; source: string; sector: string }[] };
    const table = async (qs: string) => (await getJson<Rows>(app.url, `/api/reports?includeDuplicates=true&perPage=100&${qs}`)).body;

    // title substring (inside a word, which Meilisearch cannot match)
    const byTitle = await table(`contains=${encodeURIComponent("检索乙")}&sort=title:asc`);
    expect(byTitle.reports.map((r) => r.id).sort()).toEqual(has("检索乙").map((r) => r.id).sort());
    expect(byTitle.total).toBe(1);
    // source substring, and an id's prefix
    expect((await table(`contains=${encodeURIComponent("sources/检索")}`)).total).toBe(has("sources/检索").length);
    const some = canonical[0];
    expect((await table(`contains=${some.id.slice(0, 10)}`)).reports.map((r) => r.id)).toContain(some.id);
    // with a facet filter: the substring AND the sector
    const sector = canonical.find((r) => r.source === "sources/检索甲.txt")!.sector;
    const both = await table(`contains=${encodeURIComponent("星港检索")}&sector=${sector}`);
    expect(both.reports.map((r) => r.id).sort()).toEqual(has("星港检索").filter((r) => r.sector === sector).map((r) => r.id).sort());
    // with a query: the reports it selects, narrowed by the substring (both uploads hold 读书分享会; 送温暖 in neither)
    expect((await table(`q=${encodeURIComponent("读书分享会")}&contains=${encodeURIComponent("星港检索")}`)).reports.map((r) => r.id).sort()).toEqual(has("星港检索").filter((r) => r.text.includes("读书分享会")).map((r) => r.id).sort());
    expect((await table(`q=${encodeURIComponent("送温暖")}&contains=${encodeURIComponent("星港检索")}`)).total).toBe(has("星港检索").filter((r) => r.text.includes("送温暖")).length);
    // nothing found is an empty table, not an error
    expect((await table(`contains=${encodeURIComponent("绝无此名")}`)).total).toBe(0);

    // added:desc: rows in the order of their source's addedAt, newest first (the registry's own times)
    const addedAt = new Map(readSources(app.dataDir).map((s) => [s.path, s.addedAt]));
    const newest = await table("sort=added:desc");
    expect(newest.total).toBe(canonical.length);
    const times = newest.reports.map((r) => addedAt.get(r.source)!);
    expect(times).toEqual([...times].sort().reverse());
    expect(newest.reports[0].source).toBe("sources/检索乙.txt");
    expect((await getJson(app.url, "/api/reports?sort=added:up")).status).toBe(400);
  }, 120_000);
});

describe("bulk correction, history and undo", () => {
  it("sets one field on several reports in one write, records who changed what, and undoes", async () => {
    const a = storeIdsOf("sources/检索甲.txt")[0];
    const b = storeIdsOf("sources/检索乙.txt")[0];
    const before = { a: await reportOf(a), b: await reportOf(b) };

    // a bad id: 400 naming it, and nothing changed
    const bad = await send("PUT", "/api/reports/metadata", { ids: [a, "no-such-report", "nope2"], set: { docType: "plan" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('"no-such-report"');
    expect(bad.body.error.message).toContain('"nope2"');
    expect((await reportOf(a)).docType).toBe(before.a.docType);
    expect((await send("PUT", "/api/reports/metadata", { ids: [a], set: {} })).status).toBe(400);

    const ok = await send("PUT", "/api/reports/metadata", { ids: [a, b], set: { docType: "plan", year: 2031 } });
    expect(ok.status).toBe(200);
    for (const id of [a, b]) expect(await reportOf(id)).toMatchObject({ docType: "plan", year: 2031 });
    // search's facets follow: both are the only reports of 2031
    expect((await getJson<{ total: number }>(app.url, "/api/search?year=2031&perPage=1")).body.total).toBe(2);

    // the history: one entry per report and field, newest first, old → new and who
    type Entry = { seq: number; action: string; who: string; report: string; field: string; from: unknown; to: unknown; fromCorrected: boolean; undoes?: number };
    const history = async () => (await getJson<{ total: number; entries: Entry[] }>(app.url, "/api/corrections/history")).body;
    const h = await history();
    const written = h.entries.filter((e) => e.action === "set" && (e.report === a || e.report === b) && e.to === 2031);
    expect(written).toHaveLength(2);
    expect(h.entries.filter((e) => e.action === "set" && e.field === "docType" && e.to === "plan").map((e) => e.report).sort()).toEqual([a, b].sort());
    expect(written.find((e) => e.report === a)).toMatchObject({ field: "year", from: before.a.year, fromCorrected: false });
    expect(written[0].who).toMatch(/^local \((::ffff:)?(127\.0\.0\.1|::1)\)$/);
    const seqs = h.entries.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => y - x));
    // kept beside corrections.json, one line per entry
    expect(readFileSync(join(app.dataDir, "corrections-history.jsonl"), "utf8").trim().split("\n")).toHaveLength(h.total);

    // a later single correction of a, then undo a's latest write: only that one goes back
    expect((await send("PUT", `/api/reports/${a}/metadata`, { docType: "report" })).status).toBe(200);
    expect((await send("POST", "/api/corrections/undo", { report: a })).status).toBe(200);
    expect(await reportOf(a)).toMatchObject({ docType: "plan", year: 2031 });
    // undo again: the bulk write goes back for a (its classifier's own values), b keeps it
    expect((await send("POST", "/api/corrections/undo", { report: a })).status).toBe(200);
    expect(await reportOf(a)).toMatchObject({ docType: before.a.docType, year: before.a.year });
    expect(correctionsFile().reports[a]).toBeUndefined();
    expect(await reportOf(b)).toMatchObject({ docType: "plan", year: 2031 });
    expect((await getJson<{ total: number }>(app.url, "/api/search?year=2031&perPage=1")).body.total).toBe(1);

    // undo one entry of b (its year), then that entry again is refused: the field changed since
    const yearOfB = (await history()).entries.find((e) => e.report === b && e.field === "year" && e.action === "set")!;
    expect((await send("POST", "/api/corrections/undo", { entry: yearOfB.seq })).status).toBe(200);
    expect(await reportOf(b)).toMatchObject({ docType: "plan", year: before.b.year });
    const again = await send("POST", "/api/corrections/undo", { entry: yearOfB.seq });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toMatch(/changed after entry/);
    const undos = (await history()).entries.filter((e) => e.action === "undo");
    expect(undos.find((e) => e.undoes === yearOfB.seq)).toMatchObject({ report: b, field: "year", from: 2031, to: before.b.year });
    expect((await send("POST", "/api/corrections/undo", { entry: 999_999 })).status).toBe(404);
  }, 120_000);
});
