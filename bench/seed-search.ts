// `npx tsx bench/seed-search.ts`: /api/search against the same Meilisearch request sent
// directly, on the bundled seed corpus, in one run (issue 4's figure). Word and phrase
// queries only: substring search has no Meilisearch equivalent.
import { request, Agent } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { resolveConfig } from "../core/config.ts";
import { start } from "../server/start.ts";
import { parseQuery } from "../core/query.ts";
import { activeFacets } from "../core/meili/filters.ts";
import { searchClient } from "../core/meili/keys.ts";
import { wordSearchQueries } from "../core/meili/requests.ts";
import { SearchQuerySchema } from "../core/api/schema.ts";
import { loadResources } from "../core/resources.ts";
import { createSegmenter } from "../core/text/segment.ts";

const ROOT = resolve(import.meta.dirname, "..");
const QUERIES = ["送温暖", "职代会", "困难职工", "工会 经费", '"送温暖 活动"', "教职工 -学校", "劳动竞赛", "女职工", "安全生产", "职工之家"];
const FILTERS = ["", "&sector=hospital", "&sector=school&sector=enterprise", "&docType=summary"];
const ROUNDS = 20;

const agent = new Agent({ keepAlive: true, maxSockets: 1 });
function timed(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<number> {
  return new Promise((ok, fail) => {
    const t0 = performance.now();
    const req = request(url, { method: init.method ?? "GET", headers: init.headers, agent }, (res) => {
      res.resume();
      res.on("end", () => (res.statusCode === 200 ? ok(performance.now() - t0) : fail(new Error(`${url}: ${res.statusCode}`))));
    });
    req.on("error", fail);
    req.end(init.body);
  });
}

const dataDir = mkdtempSync(join(tmpdir(), "wenyuan-seedbench-"));
const app = await start({ config: resolveConfig({ ...process.env, PORT: "0", WENYUAN_DATA_DIR: dataDir, MEILI_URL: "", MEILI_MASTER_KEY: "" }, ROOT), webDir: null, log: () => {} });
try {
  const resources = loadResources(ROOT);
  const seg = createSegmenter("node-rs", resources.dictionary);
  // The server's own search-only key (found by name, as the server found it).
  const key = (await searchClient(app.meili.master, [app.names.reports, app.names.passages])).config.apiKey;
  const ours: number[] = [];
  const direct: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    for (const q of QUERIES)
      for (const f of FILTERS) {
        const qs = `q=${encodeURIComponent(q)}${f}`;
        const params = new URLSearchParams(qs);
        const query = SearchQuerySchema.parse(Object.fromEntries([...new Set(params.keys())].map((k) => [k, params.getAll(k)])));
        const parsed = parseQuery(query.q, seg, resources.synonyms, { synonyms: query.synonyms });
        const queries = wordSearchQueries({
          indexUid: app.names.reports,
          q: parsed.meiliQ,
          filters: query,
          sort: query.sort,
          page: query.page,
          hitsPerPage: query.perPage,
          disjunctive: activeFacets(query),
        });
        const a = await timed(`${app.url}/api/search?${qs}`);
        const b = await timed(`${app.meili.url}/multi-search`, { method: "POST", headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" }, body: JSON.stringify({ queries }) });
        if (round > 0) {
          ours.push(a);
          direct.push(b);
        }
      }
  }
  const p = (xs: number[], q: number) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
  const fmt = (xs: number[]) => `p50 ${p(xs, 0.5).toFixed(2)} ms, p95 ${p(xs, 0.95).toFixed(2)} ms, p99 ${p(xs, 0.99).toFixed(2)} ms`;
  console.log(`seed corpus, ${ours.length} requests each (${QUERIES.length} queries × ${FILTERS.length} filter sets × ${ROUNDS} rounds)`);
  console.log(`  /api/search        ${fmt(ours)}`);
  console.log(`  Meilisearch direct ${fmt(direct)}`);
  console.log(`  overhead p50       ${(p(ours, 0.5) - p(direct, 0.5)).toFixed(2)} ms`);
} finally {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
