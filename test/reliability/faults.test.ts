// Faults: Meilisearch killed under the indexer, reindexing under searches, the
// server stopped with SIGTERM mid-request, a damaged corpus store. (Meilisearch
// stopped under a running server — 503 within 2 s, then recovery without a restart —
// is test/api/unavailable.test.ts.)
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../../core/config.ts";
import { meiliClient } from "../../core/meili/client.ts";
import { adminClient } from "../../core/meili/keys.ts";
import { freePort, type RunningMeili } from "../../core/meili/process.ts";
import { start } from "../../server/start.ts";
import { documentContext, toPassageDocuments } from "../../core/documents.ts";
import { loadResources } from "../../core/resources.ts";
import { runIndexer } from "../../indexer/run.ts";
import { createSegmenter } from "../../core/text/segment.ts";
import { readStore } from "../../core/store.ts";
import { FIXTURE_CORPUS, ROOT, getJson, startApp } from "../helpers/app.ts";
import { allIds, childrenOf, commandOf, generateCorpus, gone, privateMeili, runIndexCli, startServerCli } from "./helpers.ts";

const KEY = "wenyuan-test-master-key-faults-0";
const tmp = mkdtempSync(join(tmpdir(), "wenyuan-test-faults-"));
let meili: RunningMeili;
let port: number;

beforeAll(async () => {
  meili = await privateMeili(join(tmp, "meili"), KEY);
  port = Number(new URL(meili.url).port);
});
afterAll(async () => {
  await meili?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

const master = () => meiliClient(meili.url, KEY, "master");

describe("Meilisearch killed while the indexer loads", () => {
  it("fails with a clear message, and a second run converges to exactly the corpus", async () => {
    const corpus = join(tmp, "big-corpus");
    const dataDir = join(tmp, "kill-data");
    generateCorpus(corpus, 500);
    const run = runIndexCli({ dataDir, corpusDir: corpus, meiliUrl: meili.url, masterKey: KEY });

    // Kill the real server process (the watchdog's child) once documents are being added.
    const m = master();
    let killed = false;
    const deadline = Date.now() + 90_000;
    while (!killed && Date.now() < deadline) {
      const tasks = await m.tasks.getTasks({ types: ["documentAdditionOrUpdate"], statuses: ["enqueued", "processing"], limit: 1 }).catch(() => ({ results: [] }));
      if (tasks.results.length) {
        const server = childrenOf(meili.pid).find((p) => commandOf(p).includes("meilisearch"));
        expect(server).toBeDefined();
        process.kill(server!, "SIGKILL");
        killed = true;
      } else await new Promise((r) => setTimeout(r, 25));
    }
    expect(killed).toBe(true);
    const first = await run.done;
    expect(first.code).not.toBe(0);
    expect(first.stderr).toMatch(/Cannot index: Meilisearch stopped answering/);
    expect(first.stderr).not.toMatch(/^\s+at /m); // a message, not a stack trace
    await meili.stop();

    meili = await privateMeili(join(tmp, "meili"), KEY, port);
    const second = await runIndexCli({ dataDir, corpusDir: corpus, meiliUrl: meili.url, masterKey: KEY }).done;
    expect(second.code, second.stdout + second.stderr).toBe(0);

    const { entries } = readStore(dataDir);
    const wantReports = entries.map((e) => e.report.id).sort();
    const wantPassages = entries.flatMap((e) => toPassageDocuments(e.report, e.tokens, documentContext(new Map())).map((p) => p.id)).sort();
    expect(wantReports).toHaveLength(500);
    const gotReports = (await allIds(master(), "reports")).sort();
    const gotPassages = (await allIds(master(), "passages")).sort();
    expect(new Set(gotReports).size).toBe(gotReports.length);
    expect(new Set(gotPassages).size).toBe(gotPassages.length);
    expect(gotReports).toEqual(wantReports);
    expect(gotPassages).toEqual(wantPassages);
    // No half-built index left behind.
    const indexes = await master().getRawIndexes({ limit: 100 });
    expect(indexes.results.map((i) => i.uid).sort()).toEqual(["passages", "reports"]);
  }, 240_000);
});

describe("a corrupt or partial corpus store", () => {
  it("is named in health and in 503s from analytics, search keeps working, and `npm run index` rebuilds it", async () => {
    const corpus = join(tmp, "small-corpus");
    const dataDir = join(tmp, "store-data");
    cpSync(FIXTURE_CORPUS, corpus, { recursive: true });
    const index = async () => {
      const r = await runIndexCli({ dataDir, corpusDir: corpus, meiliUrl: meili.url, masterKey: KEY }).done;
      expect(r.code, r.stdout + r.stderr).toBe(0);
    };
    await index();
    const config = resolveConfig({ PORT: "0", WENYUAN_DATA_DIR: dataDir, WENYUAN_CORPUS_DIR: corpus, MEILI_URL: meili.url, MEILI_MASTER_KEY: KEY }, ROOT);
    const app = await start({ config, connection: { url: meili.url, master: master(), owned: false, pid: meili.pid, close: async () => {} }, log: () => {}, webDir: null });
    try {
      expect((await getJson(app.url, "/api/kwic?term=工会")).status).toBe(200);
      const damages: [string, () => void][] = [
        ["tokens.jsonl", () => truncateSync(join(dataDir, "store", "tokens.jsonl"), 100)],
        [
          "reports.jsonl",
          () => {
            const path = join(dataDir, "store", "reports.jsonl");
            const bytes = readFileSync(path);
            for (let i = 200; i < 210; i++) bytes[i] ^= 0x55;
            writeFileSync(path, bytes);
          },
        ],
      ];
      for (const [file, damage] of damages) {
        damage();
        app.reload();
        const health = await getJson<{ status: string; corpus: string; message?: string }>(app.url, "/api/health");
        // not ready (reports and analytics are down), though search is up
        expect(health.status).toBe(503);
        expect(health.body.corpus).toBe("unavailable");
        expect(health.body.message).toContain(file);
        for (const path of ["/api/kwic?term=工会", "/api/frequency", "/api/stats", "/api/ngrams?format=csv"]) {
          const res = await getJson<{ error: { code: string; message: string } }>(app.url, path);
          expect(res.status, path).toBe(503);
          expect(res.body.error.code, path).toBe("corpus_unavailable");
          expect(res.body.error.message, path).toContain(`store/${file}`);
          expect(res.body.error.message, path).not.toContain(tmp); // names the file, not this machine's paths
        }
        const search = await getJson<{ total: number }>(app.url, "/api/search?q=工会");
        expect(search.status).toBe(200);
        expect(search.body.total).toBeGreaterThan(0);

        await index();
        app.reload();
        expect((await getJson<{ corpus: string }>(app.url, "/api/health")).body.corpus).toBe("ok");
        expect((await getJson(app.url, "/api/kwic?term=工会")).status).toBe(200);
      }
    } finally {
      await app.close();
    }
  }, 120_000);
});

describe("reindexing while searches run", () => {
  it("never fails a search and never shows an empty index (atomic swap)", async () => {
    const corpus = join(tmp, "swap-corpus");
    generateCorpus(corpus, 150);
    const app = await startApp({ corpus });
    try {
      const resources = loadResources(ROOT);
      const reindex = runIndexer({
        corpusDir: app.corpusDir,
        dataDir: app.dataDir,
        reset: true,
        client: await adminClient(app.master),
        names: app.names,
        segmenter: createSegmenter("node-rs", resources.dictionary),
        dictionary: resources.dictionary,
        synonyms: resources.synonyms,
      });
      let finished = false;
      void reindex.finally(() => (finished = true));
      const seen: { status: number; total: number }[] = [];
      const queries = ["工会", "职工", "送温暖", "劳动竞赛"];
      while (!finished) {
        const q = queries[seen.length % queries.length];
        const res = await getJson<{ total?: number }>(app.url, `/api/search?q=${encodeURIComponent(q)}&mode=${seen.length % 2 ? "passage" : "report"}`);
        seen.push({ status: res.status, total: res.body.total ?? -1 });
      }
      await reindex;
      expect(seen.length).toBeGreaterThan(10);
      expect(seen.filter((s) => s.status !== 200)).toEqual([]);
      expect(seen.filter((s) => s.total <= 0)).toEqual([]);
    } finally {
      await app.stop();
    }
  }, 120_000);
});

describe("SIGTERM", () => {
  it("lets the in-flight request finish, stops its Meilisearch and leaves no process behind", async () => {
    const corpus = join(tmp, "term-corpus");
    const dataDir = join(tmp, "term-data");
    generateCorpus(corpus, 400, 14);
    const httpPort = await freePort();
    const { child, exited, tree, out } = await startServerCli({ dataDir, corpusDir: corpus, port: httpPort });
    const url = `http://localhost:${httpPort}`;
    expect(tree.some((p) => commandOf(p).includes("meilisearch"))).toBe(true);

    // A heavy analytic: SIGTERM goes out once the server counts it in flight (readiness says how
    // many requests a drain would wait for), so the request is in flight when the signal arrives.
    let respondedAt = 0;
    const pending = fetch(`${url}/api/formulas?min=2&limit=500&includeDuplicates=true`).then(async (r) => {
      const body = (await r.json()) as { rows: unknown[] };
      respondedAt = performance.now();
      return { status: r.status, body };
    });
    const inFlight = async () => ((await (await fetch(`${url}/api/health/ready`)).json()) as { inFlight: number }).inFlight;
    while (respondedAt === 0 && (await inFlight()) < 1) await new Promise((r) => setTimeout(r, 5));
    const killedAt = performance.now();
    child.kill("SIGTERM");
    const res = await pending;
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    expect(res.body.rows.length).toBeGreaterThan(0);
    expect(respondedAt).toBeGreaterThan(killedAt); // it really was in flight
    expect(await exited, out()).toBe(0);
    for (const pid of tree) expect(await gone(pid), `${pid} ${commandOf(pid)}`).toBe(true);
    // And nothing listens any more.
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
  }, 180_000);
});

describe("SIGKILL during an upload job", () => {
  it("leaves no orphan: the next start finishes the job, indexes its files and still answers for it", async () => {
    const corpus = join(tmp, "job-corpus");
    const dataDir = join(tmp, "job-data");
    generateCorpus(corpus, 20, 6);
    const httpPort = await freePort();
    const url = `http://localhost:${httpPort}`;
    const launch = () => startServerCli({ dataDir, corpusDir: corpus, port: httpPort });
    type JobBody = { state: string; phase: string; resumedAt: string | null; files: { name: string; path: string; outcome: string }[] };
    const job = async (id: string) => getJson<JobBody>(url, `/api/jobs/${id}`);

    const first = await launch();
    // An upload big enough to be still running when the kill goes out, and two files of one name.
    const uploads = generateCorpus(join(tmp, "job-uploads"), 200, 14).map((f) => ({ name: f.slice(f.lastIndexOf("/") + 1), bytes: readFileSync(f) }));
    uploads.push({ name: "same.txt", bytes: Buffer.from(`甲目录杀进程医院工会2023年工作总结\n\n${"一年来，工会围绕中心工作，组织职工开展读书分享会，建成职工书屋两处。".repeat(3)}`) });
    uploads.push({ name: "same.txt", bytes: Buffer.from(`乙目录杀进程学校工会2023年工作总结\n\n${"一年来，工会关心教职工生活，开展送温暖活动，慰问困难教职工。".repeat(3)}`) });
    const ids: string[] = [];
    for (const u of uploads) {
      const r = await fetch(`${url}/api/uploads/${encodeURIComponent(u.name)}`, { method: "PUT", headers: { "Content-Type": "application/octet-stream" }, body: u.bytes });
      expect(r.status).toBe(201);
      ids.push(((await r.json()) as { upload: string }).upload);
    }
    const started = await fetch(`${url}/api/jobs`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ add: ids }) });
    expect(started.status).toBe(202);
    const id = ((await started.json()) as { id: string }).id;
    // Killed once the files are kept in data/sources and the job is past reading them.
    const deadline = Date.now() + 60_000;
    let at = (await job(id)).body;
    while (!["segment", "load"].includes(at.phase) && at.state === "running" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      at = (await job(id)).body;
    }
    first.child.kill("SIGKILL");
    await first.exited;
    expect(at.state, "the job ended before the kill").toBe("running");
    for (const pid of first.tree) expect(await gone(pid), `${pid} ${commandOf(pid)}`).toBe(true);
    // What the kill left: the files kept but in no committed store.
    const kept = readdirSync(join(dataDir, "sources"));
    expect(kept.length).toBeGreaterThan(0);
    const registered = (JSON.parse(readFileSync(join(dataDir, "store", "sources.json"), "utf8")) as { path: string }[]).map((s) => s.path);
    expect(registered.filter((p) => p.startsWith("sources/"))).toEqual([]);

    const second = await launch();
    try {
      let after = (await job(id)).body;
      for (let i = 0; i < 1200 && after.state === "running"; i++) {
        await new Promise((r) => setTimeout(r, 100));
        after = (await job(id)).body;
      }
      expect(after.state, second.out()).toBe("done");
      expect(after.resumedAt).not.toBeNull();
      expect(after.files).toHaveLength(uploads.length);
      expect(after.files.filter((f) => f.name === "same.txt").map((f) => `${f.path}:${f.outcome}`)).toEqual(["sources/same.txt:added", "sources/same (2).txt:renamed"]);
      const sources = (await getJson<{ sources: { path: string; status: string }[] }>(url, "/api/sources")).body.sources.filter((s) => s.path.startsWith("sources/"));
      // 200 generated files with distinct texts plus the two same.txt: every one is a source of its own
      expect(sources.map((s) => s.path).sort()).toEqual([...uploads.slice(0, 200).map((u) => `sources/${u.name}`), "sources/same (2).txt", "sources/same.txt"].sort());
      // every report searchable: the corpus folder's 20 and one per upload, each file its own report
      expect((await getJson<{ total: number }>(url, `/api/search?q=${encodeURIComponent("工会")}&perPage=1`)).body.total).toBe(20 + uploads.length);
      for (const [path, title] of [["sources/same.txt", "甲目录杀进程医院工会2023年工作总结"], ["sources/same (2).txt", "乙目录杀进程学校工会2023年工作总结"]]) {
        const source = (await getJson<{ sources: { path: string; reports: string[] }[] }>(url, "/api/sources")).body.sources.find((x) => x.path === path)!;
        expect((await getJson<{ title: string }>(url, `/api/reports/${source.reports[0]}`)).body.title).toBe(title);
      }
      expect(readdirSync(join(dataDir, "incoming"))).toEqual([]);
    } finally {
      second.child.kill("SIGTERM");
      expect(await second.exited, second.out()).toBe(0);
    }
  }, 300_000);
});
