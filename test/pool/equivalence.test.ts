// Regression guard for the move of analytics into the worker pool over the corpus image (issue
// 13): every analytic's HTTP answer must be byte-identical to the same analytic computed the old
// way — on this thread, over a corpus built from the JSONL store (buildCorpus) with indexes built
// from it, no image, no worker. On the seed corpus and on a 5k-report synthetic corpus.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API } from "../../core/api/endpoints.ts";
import { buildCorpus } from "../../core/corpus/build.ts";
import { loadResources, segmentationDictionary } from "../../core/resources.ts";
import { iterateStore } from "../../core/store.ts";
import { createSegmenter } from "../../core/text/segment.ts";
import { loadThemes } from "../../server/analytics/themes-file.ts";
import { ResultCache } from "../../server/cache.ts";
import { CorpusIndexes } from "../../server/corpus/indexes.ts";
import { runTask, type TaskScope } from "../../server/pool/tasks.ts";
import { analyticsTasks, type TaskBuilders } from "../../server/routes/analytics.ts";
import { synthesize } from "../../bench/synth.ts";
import { ROOT, seedApp, startApp, type TestApp } from "../helpers/app.ts";

/** Distinct parameters per analytic, filters and synonyms included. */
const CASES: [keyof TaskBuilders, string][] = [
  ["kwic", "term=职工&perPage=50"],
  ["kwic", "term=送温暖&sort=L1&perPage=20&sector=hospital"],
  ["kwic", "term=工程&match=substring&perPage=30"],
  ["kwic", "term=职代会&sort=R1&q=工会"],
  ["frequency", "limit=200"],
  ["frequency", "limit=50&sector=school&stopwords=false&minLength=2"],
  ["breakdown", "term=送温暖&by=sector"],
  ["breakdown", "term=职代会&by=year&synonyms=false"],
  ["trends", "minReports=1&minYears=3&limit=20"],
  ["trends", `minReports=1&minYears=3&terms=${encodeURIComponent("职代会\n关爱: 送温暖|困难职工")}`],
  ["keyness", "a.sector=hospital&b.sector=school&limit=100"],
  ["keyness", "a.sector=enterprise&limit=50"],
  ["collocates", "term=职工&window=5&limit=50"],
  ["collocates", "term=送温暖&measure=logdice&min=1"],
  ["ngrams", "n=3&limit=100"],
  ["ngrams", "n=5&min=2&limit=50&sector=agency"],
  ["themes", "by=sector"],
  ["themes", "by=year&q=工会"],
  ["phrasing", "term=送温暖&limit=10"],
  ["phrasing", "term=职代会"],
  ["formulas", "min=2&limit=100"],
  ["formulas", "min=3&limit=20&sector=hospital"],
  ["similar", `text=${encodeURIComponent("工会坚持以职工为中心，深入开展送温暖活动，切实维护职工合法权益。")}&limit=10`],
  ["similar", `text=${encodeURIComponent("推进厂务公开")}&limit=5&sector=enterprise`],
];

function oldWay(app: TestApp): { scope: TaskScope; tasks: TaskBuilders } {
  const resources = loadResources(ROOT);
  // the dictionary the store was cut with: corpus/dict.txt plus the words its index discovered
  const segmenter = createSegmenter("node-rs", segmentationDictionary(resources.dictionary, app.dataDir));
  const corpus = buildCorpus(iterateStore(app.dataDir), resources.stopwords);
  const tasks = analyticsTasks({ segmenter, synonyms: resources.synonyms, themes: loadThemes(resources.themesPath, segmenter) });
  return { scope: { corpus, ix: new CorpusIndexes(corpus), cache: new ResultCache(), generation: 1 }, tasks };
}

// Every HTTP answer is fetched before any reference is computed: the server runs in this process,
// and a reference computed between two requests blocks its event loop for seconds, past the
// server's keep-alive timeout, so the next request could go out on a socket the server was about
// to close (ECONNRESET).
async function compare(app: TestApp): Promise<number> {
  const answers: { status: number; body: string }[] = [];
  for (const [name, params] of CASES) {
    const res = await fetch(`${app.url}${API[name].path}?${params}`);
    answers.push({ status: res.status, body: await res.text() });
  }
  const searches: { params: string; body: Record<string, unknown> }[] = [];
  for (const q of ["工程", "职工之家", "会开展"]) {
    for (const mode of ["report", "passage"]) {
      const params = `q=${encodeURIComponent(q)}&match=substring&mode=${mode}&perPage=20`;
      const res = await fetch(`${app.url}/api/search?${params}`);
      searches.push({ params, body: (await res.json()) as Record<string, unknown> });
    }
  }

  const { scope, tasks } = oldWay(app);
  let compared = 0;
  CASES.forEach(([name, params], i) => {
    const { status, body } = answers[i]!;
    expect(status, `${name}?${params}: ${body.slice(0, 200)}`).toBe(200);
    const query = API[name].query!.parse(Object.fromEntries(new URLSearchParams(params)));
    const expected = JSON.stringify(runTask(scope, tasks[name](query as never)));
    expect(body === expected, `${name}?${params} differs`).toBe(true);
    compared++;
  });
  // substring search too (its tookMs aside)
  for (const { params, body } of searches) {
    const { total, hits, facets } = body;
    const query = API.search.query!.parse(Object.fromEntries(new URLSearchParams(params)));
    const expected = runTask(scope, { name: "substring", query }) as Record<string, unknown>;
    expect(JSON.stringify({ total, hits, facets }), params).toBe(JSON.stringify({ total: expected.total, hits: expected.hits, facets: expected.facets }));
    compared++;
  }
  return compared;
}

describe("analytics in the pool answer byte for byte what they answered on the main thread", () => {
  describe("seed corpus", () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await seedApp();
    }, 120_000);
    afterAll(() => app?.stop());

    it("every analytic and substring search", async () => {
      expect(await compare(app)).toBe(CASES.length + 6);
    }, 120_000);
  });

  describe("5k synthetic corpus", () => {
    let app: TestApp;
    let dir: string;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), "wenyuan-synth-5k-"));
      await synthesize({ reports: 5000, seed: 42, out: dir });
      app = await startApp({ corpus: dir });
    }, 600_000);
    afterAll(async () => {
      await app?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it("every analytic and substring search", async () => {
      expect(await compare(app)).toBe(CASES.length + 6);
    }, 600_000);
  });
});
