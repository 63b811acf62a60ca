// A corpus researchers manage must never lose a document: identical files, two runs at once, files
// added then a restart, uploads / corrections / removals in the running server, and a server that
// picks up what `npm run index` committed. Expected numbers come from the fixture files themselves.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterEach, describe, expect, it } from "vitest";
import { LockedError, tryLock } from "../../core/lock.ts";
import { adminClient } from "../../core/meili/keys.ts";
import { loadResources } from "../../core/resources.ts";
import { readSources, readStore } from "../../core/store.ts";
import { createSegmenter } from "../../core/text/segment.ts";
import { runIndexer, type RunOptions } from "../../indexer/run.ts";
import { getJson, ROOT, startApp, type TestApp } from "../helpers/app.ts";

const apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.stop();
});
const open = async (opts: Parameters<typeof startApp>[0] = {}) => {
  const app = await startApp(opts);
  apps.push(app);
  return app;
};

const resources = loadResources(ROOT);
const segmenter = createSegmenter("node-rs", resources.dictionary);
async function runOpts(app: TestApp, extra: Partial<RunOptions> = {}): Promise<RunOptions> {
  return { corpusDir: app.corpusDir, dataDir: app.dataDir, client: await adminClient(app.master), names: app.names, segmenter, dictionary: resources.dictionary, synonyms: resources.synonyms, ...extra };
}

async function meiliIds(app: TestApp, index: string): Promise<string[]> {
  const r = await app.master.index<{ id: string }>(index).getDocuments({ limit: 100000, fields: ["id"] });
  return r.results.map((d) => d.id).sort();
}

/** Meilisearch holds exactly the store's reports: the invariant every write keeps. */
async function expectConsistent(app: TestApp): Promise<void> {
  const store = readStore(app.dataDir).entries.map((e) => e.report.id).sort();
  expect(await meiliIds(app, app.names.reports)).toEqual(store);
}

const send = async (app: TestApp, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(app.url + path, {
    method,
    headers: body instanceof Uint8Array ? { "Content-Type": "application/octet-stream", ...headers } : { "Content-Type": "application/json", ...headers },
    body: body instanceof Uint8Array ? Buffer.from(body) : body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

async function untilDone(app: TestApp, id: string): Promise<{ state: string; summary: { added: string[]; removed: string[] } | null; error: string | null }> {
  for (let i = 0; i < 600; i++) {
    const job = await getJson<{ state: string; summary: { added: string[]; removed: string[] } | null; error: string | null }>(app.url, `/api/jobs/${id}`);
    if (job.body.state !== "running") return job.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("job did not finish");
}

/** A report of its own (no near-duplicate of a fixture), findable by `marker`. */
const report = (marker: string) =>
  [
    `${marker}2023年工作总结`,
    `一年来，${marker}围绕中心工作，组织职工开展读书分享会十二场，建成职工书屋两处。`,
    "二、关心职工生活。开展夏季送清凉活动，为一线职工发放防暑用品，组织青年职工联谊活动三次。",
    "三、加强自身建设。完善会员实名制管理，新发展会员四十六人，经费收支做到公开透明。",
  ].join("\n");
const total = async (app: TestApp, q: string) => (await getJson<{ total: number }>(app.url, `/api/search?q=${encodeURIComponent(q)}`)).body.total;

describe("byte-identical files", () => {
  it("are indexed once, the copy listed, and the corpus stays up", async () => {
    const app = await open();
    copyFileSync(join(app.corpusDir, "hospital-2022.txt"), join(app.corpusDir, "copy-of-hospital.txt"));
    const summary = await app.reindex();
    expect(summary.copies).toEqual([{ source: "copy-of-hospital.txt", copyOf: "hospital-2022.txt" }]);
    // the store loads (no "duplicate report id"), analytics answer, nothing was lost
    expect((await getJson(app.url, "/api/kwic?term=工会")).status).toBe(200);
    const sources = readSources(app.dataDir);
    expect(sources.find((s) => s.path === "copy-of-hospital.txt")).toMatchObject({ status: "copy", copyOf: "hospital-2022.txt", reports: [] });
    const ids = readStore(app.dataDir).entries.map((e) => e.report.id);
    expect(new Set(ids).size).toBe(ids.length);
    await expectConsistent(app);
  });
});

describe("one writer at a time", () => {
  it("a second run is refused naming the first, and the index matches the store afterwards", async () => {
    const app = await open();
    writeFileSync(join(app.corpusDir, "extra-a.txt"), report("甲厂工会"));
    writeFileSync(join(app.corpusDir, "extra-b.txt"), report("乙厂工会"));
    const results = await Promise.allSettled([runIndexer(await runOpts(app, { what: "run one" })), runIndexer(await runOpts(app, { what: "run two" }))]);
    const refused = results.filter((r) => r.status === "rejected");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const reason = (refused[0] as PromiseRejectedResult).reason as Error;
    expect(reason).toBeInstanceOf(LockedError);
    expect(reason.message).toMatch(/run (one|two), pid \d+/);
    await expectConsistent(app);
    expect(readSources(app.dataDir).map((s) => s.path)).toEqual(expect.arrayContaining(["extra-a.txt", "extra-b.txt"]));
  });

  it("a lock left by a dead process is taken over", () => {
    const dir = mkdtempSync(join(tmpdir(), "wenyuan-test-lock-"));
    // a pid above Linux's pid_max (2^22) belongs to no process
    writeFileSync(join(dir, "write.lock"), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), what: "a crashed run", since: "2026-01-01" }));
    const held = tryLock(dir, "a new run");
    expect(JSON.parse(readFileSync(join(dir, "write.lock"), "utf8")).what).toBe("a new run");
    expect(() => tryLock(dir, "a third")).toThrow(LockedError);
    held.release();
    expect(existsSync(join(dir, "write.lock"))).toBe(false);
  });
});

describe("added files", () => {
  it("survive a restart, and an unchanged restart reads nothing", async () => {
    const app = await open();
    const outside = join(app.dataDir, "..", `outside-${process.pid}.txt`);
    writeFileSync(outside, report("外来医院工会"));
    const added = await runIndexer(await runOpts(app, { add: [{ path: outside, origin: "cli" }] }));
    expect(added.mode).toBe("incremental");
    expect(added.added).toEqual([`sources/outside-${process.pid}.txt`]);
    const before = readStore(app.dataDir).entries.length;
    // restart on the same data folder: nothing is dropped, nothing is read again
    await app.restart();
    expect(app.indexed.mode).toBe("unchanged");
    expect(readStore(app.dataDir).entries.length).toBe(before);
    expect(await total(app, "外来医院工会")).toBeGreaterThan(0);
    await expectConsistent(app);
  });
});

describe("the running server", () => {
  it("uploads, corrects, removes — every view follows, and a restart keeps it all", async () => {
    const app = await open();
    const reports0 = readStore(app.dataDir).entries.length;
    const text = report("上传医院工会");
    // GB18030 bytes, as a researcher's Windows file would be
    const staged = await send(app, "PUT", `/api/uploads/${encodeURIComponent("上传的报告.txt")}`, new Uint8Array(iconv.encode(text, "gb18030")));
    expect(staged.status).toBe(201);
    const job = await send(app, "POST", "/api/jobs", { add: [staged.body.upload] });
    expect(job.status).toBe(202);
    const done = await untilDone(app, job.body.id as string);
    expect(done.state).toBe("done");
    expect(done.summary?.added).toEqual(["sources/上传的报告.txt"]);
    expect(readStore(app.dataDir).entries.length).toBeGreaterThan(reports0);

    // searchable, and the hit opens
    const hits = await getJson<{ total: number; hits: { reportId: string }[] }>(app.url, `/api/search?q=${encodeURIComponent("上传医院工会")}`);
    expect(hits.body.total).toBe(1);
    const id = hits.body.hits[0].reportId;
    expect((await getJson(app.url, `/api/reports/${id}`)).status).toBe(200);

    // correct its sector: the facet counts and the analytics follow
    const sectorCount = async (sector: string) => (await getJson<{ facets: { sector: Record<string, number> } }>(app.url, "/api/search?perPage=1")).body.facets.sector[sector] ?? 0;
    const agencies = await sectorCount("agency");
    const corrected = await send(app, "PUT", `/api/reports/${id}/metadata`, { sector: "agency", year: 2019 });
    expect(corrected.status).toBe(200);
    expect(await sectorCount("agency")).toBe(agencies + 1);
    const rows = (await getJson<{ rows: { key: string; docs: number }[] }>(app.url, `/api/breakdown?by=sector&term=${encodeURIComponent("上传医院工会")}`)).body.rows;
    expect(rows.find((r) => r.key === "agency")?.docs).toBe(1);
    expect((await getJson<{ sector: string; year: number }>(app.url, `/api/reports/${id}`)).body).toMatchObject({ sector: "agency", year: 2019 });
    expect(JSON.parse(readFileSync(join(app.dataDir, "corrections.json"), "utf8")).reports[id]).toMatchObject({ sector: "agency", year: 2019 });
    // a bad correction is a 400, not a 500
    expect((await send(app, "PUT", `/api/reports/${id}/metadata`, { sector: "martian" })).status).toBe(400);

    // restart: the upload and the correction are still there
    await app.restart();
    expect((await getJson<{ sector: string }>(app.url, `/api/reports/${id}`)).body.sector).toBe("agency");
    expect(await total(app, "上传医院工会")).toBe(1);

    // remove the upload: gone from search, the store and the sources list; kept gone after a restart
    const removal = await send(app, "POST", "/api/jobs", { remove: ["sources/上传的报告.txt"] });
    expect((await untilDone(app, removal.body.id as string)).state).toBe("done");
    expect(await total(app, "上传医院工会")).toBe(0);
    expect((await getJson(app.url, `/api/reports/${id}`)).status).toBe(404);
    await app.restart();
    expect(await total(app, "上传医院工会")).toBe(0);
    expect(readSources(app.dataDir).some((s) => s.path === "sources/上传的报告.txt")).toBe(false);
    expect(readStore(app.dataDir).entries.length).toBe(reports0);
    await expectConsistent(app);
  });

  it("keeps both files of one name (a folder upload), says per file what happened, and replaces only when asked", async () => {
    const app = await open();
    const put = async (name: string, text: string) => {
      const r = await send(app, "PUT", `/api/uploads/${encodeURIComponent(name)}`, new Uint8Array(Buffer.from(text)));
      expect(r.status).toBe(201);
      return r.body.upload as string;
    };
    type Files = { name: string; path: string; outcome: string; copyOf?: string }[];
    const job = async (body: unknown) => {
      const started = await send(app, "POST", "/api/jobs", body);
      expect(started.status).toBe(202);
      const done = await untilDone(app, started.body.id as string);
      expect(done.state).toBe("done");
      return (done as unknown as { files: Files }).files;
    };
    const a = report("甲目录同名医院工会");
    const b = report("乙目录同名学校工会");
    // dir1/same.txt and dir2/same.txt: the browser sends both as same.txt; then a copy of the first
    const files = await job({ add: [await put("dir1/same.txt", a), await put("dir2/same.txt", b), await put("same.txt", a)] });
    expect(files).toEqual([
      { name: "same.txt", path: "sources/same.txt", outcome: "added" },
      { name: "same.txt", path: "sources/same (2).txt", outcome: "renamed" },
      { name: "same.txt", path: "sources/same.txt", outcome: "duplicate", copyOf: "sources/same.txt" },
    ]);
    expect(readFileSync(join(app.dataDir, "sources", "same.txt"), "utf8")).toBe(a);
    expect(readFileSync(join(app.dataDir, "sources", "same (2).txt"), "utf8")).toBe(b);
    expect(await total(app, "甲目录同名医院工会")).toBe(1);
    expect(await total(app, "乙目录同名学校工会")).toBe(1);
    const listed = async () => (await getJson<{ sources: { path: string; status: string }[] }>(app.url, "/api/sources")).body.sources.filter((x) => x.path.startsWith("sources/")).map((x) => `${x.path}:${x.status}`).sort();
    expect(await listed()).toEqual(["sources/same (2).txt:indexed", "sources/same.txt:indexed"]);

    // a different file later under the same name: kept beside, the earlier one untouched
    const c = report("丙后来同名企业工会");
    expect(await job({ add: [await put("same.txt", c)] })).toEqual([{ name: "same.txt", path: "sources/same (3).txt", outcome: "renamed" }]);
    expect(await total(app, "甲目录同名医院工会")).toBe(1);
    expect(await total(app, "丙后来同名企业工会")).toBe(1);

    // replace: true is the one way to put a new version in a source's place
    const d = report("丁新版本机关工会");
    expect(await job({ add: [await put("same.txt", d)], replace: true })).toEqual([{ name: "same.txt", path: "sources/same.txt", outcome: "replaced" }]);
    expect(await total(app, "甲目录同名医院工会")).toBe(0);
    expect(await total(app, "丁新版本机关工会")).toBe(1);
    expect(await listed()).toEqual(["sources/same (2).txt:indexed", "sources/same (3).txt:indexed", "sources/same.txt:indexed"]);
    await expectConsistent(app);

    // too large an upload: a 413 that names the file and the limit
    const big = await send(app, "PUT", `/api/uploads/${encodeURIComponent("大文件.txt")}`, new Uint8Array(64 * 1024 * 1024 + 1));
    expect(big.status).toBe(413);
    expect(big.body.error).toMatchObject({ code: "payload_too_large" });
    expect((big.body.error as { message: string }).message).toMatch(/^大文件\.txt: .*64 MB/);
  });

  it("sees what `npm run index` commits, without a restart", async () => {
    const app = await open();
    writeFileSync(join(app.corpusDir, "later.txt"), report("后来医院工会"));
    await runIndexer(await runOpts(app, { what: "npm run index" }));
    let found = 0;
    for (let i = 0; i < 50 && !found; i++) {
      await new Promise((r) => setTimeout(r, 100));
      found = await total(app, "后来医院工会");
    }
    expect(found).toBe(1);
    const id = (await getJson<{ hits: { reportId: string }[] }>(app.url, `/api/search?q=${encodeURIComponent("后来医院工会")}`)).body.hits[0].reportId;
    expect((await getJson(app.url, `/api/reports/${id}`)).status).toBe(200);
  });

  it("refuses writes without the admin token when one is set", async () => {
    const app = await open({ env: { WENYUAN_ADMIN_TOKEN: "s3cret-admin-token-for-tests" } });
    const bytes = new Uint8Array(Buffer.from("工会工作报告"));
    expect((await send(app, "PUT", "/api/uploads/a.txt", bytes)).status).toBe(403);
    expect((await send(app, "PUT", "/api/uploads/a.txt", bytes, { Authorization: "Bearer s3cret-admin-token-for-tests" })).status).toBe(201);
    expect((await send(app, "PUT", "/api/uploads/a.exe", bytes, { Authorization: "Bearer s3cret-admin-token-for-tests" })).status).toBe(400);
    // a named subcorpus is a change to the instance too: saving, editing and deleting need the token
    const sub = { name: "hospital", definition: { kind: "filters", filters: { sector: ["hospital"] } } };
    const admin = { Authorization: "Bearer s3cret-admin-token-for-tests" };
    expect((await send(app, "POST", "/api/subcorpora", sub)).status).toBe(403);
    expect((await send(app, "POST", "/api/subcorpora", sub, admin)).status).toBe(201);
    expect((await send(app, "PUT", "/api/subcorpora/hospital", { ...sub, description: "x" })).status).toBe(403);
    expect((await send(app, "DELETE", "/api/subcorpora/hospital")).status).toBe(403);
    // reading stays open
    expect((await getJson(app.url, "/api/sources")).status).toBe(200);
    expect((await getJson<{ subcorpora: { id: string }[] }>(app.url, "/api/subcorpora")).body.subcorpora.map((s) => s.id)).toEqual(["hospital"]);
    expect((await getJson(app.url, "/api/search?subcorpus=hospital")).status).toBe(200);
    expect((await send(app, "DELETE", "/api/subcorpora/hospital", undefined, admin)).status).toBe(200);
  });
});

describe("a touched file", () => {
  it("keeps its reports: a new modification time with the same bytes is not a change", async () => {
    const app = await open();
    const before = readStore(app.dataDir).entries.map((e) => e.report.id).sort();
    const file = join(app.corpusDir, "school-2022.txt");
    utimesSync(file, new Date(), new Date(Date.now() + 60_000));
    const summary = await runIndexer(await runOpts(app));
    expect(summary.filesRead).toBe(1);
    expect(readStore(app.dataDir).entries.map((e) => e.report.id).sort()).toEqual(before);
    await expectConsistent(app);
  });
});
