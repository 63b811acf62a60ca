// Everything `npm start` does, as one function the tests can call too:
// Meilisearch (own or external) → index when the corpus changed → keys →
// corpus store → Express. Returns a handle that shuts it all down in order.
import type { Duplex } from "node:stream";
import { join } from "node:path";
import type { ResolvedConfig } from "../core/config.ts";
import type { Meilisearch } from "meilisearch";
import { connectMeili, type MeiliConnection } from "../core/meili/connect.ts";
import { dropQueuedPayloads } from "../core/meili/process.ts";
import { privateDataDir } from "../core/datadir.ts";
import { checkFreeSpace, diskFull, isDiskFull, isNoSpace, runFailedOnFullDisk } from "../core/disk.ts";
import { adminClient, searchClient } from "../core/meili/keys.ts";
import { documentCount, indexNames, type IndexNames } from "../core/meili/indexes.ts";
import { loadResources, segmentationDictionary } from "../core/resources.ts";
import { createSegmenter, type Segmenter } from "../core/text/segment.ts";
import { runIndexer, type IndexSummary, type Progress, type RunOptions } from "../indexer/run.ts";
import { CorrectionsError, readCorrections, type Corrections } from "../core/corrections.ts";
import { CorpusManager, watchStore } from "./corpus/manage.ts";
import { readManifest } from "../core/store.ts";
import { CorpusHolder } from "./corpus/holder.ts";
import { loadThemes, type ThemeDef } from "./analytics/themes-file.ts";
import { reportThemes } from "./analytics/reportThemes.ts";
import { createApp } from "./app.ts";
import { Lifecycle } from "./lifecycle.ts";
import { listen } from "./listen.ts";
import { startLiveness } from "./liveness.ts";

export interface StartOptions {
  config: ResolvedConfig;
  /** index name prefix (tests run several apps against one Meilisearch) */
  indexPrefix?: string;
  /** a Meilisearch connection to use instead of connecting (tests) */
  connection?: MeiliConnection;
  progress?: Progress;
  log?: (msg: string) => void;
  webDir?: string | null;
}

export interface Started {
  url: string;
  port: number;
  /** the liveness listener's port (WENYUAN_LIVENESS_PORT), or null */
  livenessPort: number | null;
  indexed: IndexSummary;
  meili: MeiliConnection;
  names: IndexNames;
  corpus: CorpusHolder;
  lifecycle: Lifecycle;
  /** reload the store (after `npm run index`) */
  reload(): void;
  /** bring the index up to date (add, remove, reset), then reload the store; readiness is 503 meanwhile */
  reindex(run?: Pick<RunOptions, "reset" | "rediscover" | "add" | "remove" | "what">): Promise<IndexSummary>;
  close(): Promise<void>;
}

/** Why Meilisearch must be rebuilt from the store's sources, or null when it holds what the store holds. */
async function searchIndexProblem(admin: Meilisearch, names: IndexNames, config: ResolvedConfig): Promise<string | null> {
  let manifest;
  try {
    manifest = readManifest(config.dataDir);
  } catch {
    return "the corpus store manifest is damaged";
  }
  if (!manifest) return null; // nothing indexed yet: the run builds everything anyway
  const documents = await documentCount(admin, names.reports).catch(() => null);
  if (documents === null) return "the search index is missing";
  if (documents !== manifest.reports) return "the search index does not match the corpus store";
  return null;
}

/** The corrections file, or none when it is unreadable (said once in the log, not fatal: the corpus still serves). */
function readCorrectionsSafe(dataDir: string): Corrections {
  try {
    return readCorrections(dataDir);
  } catch (e) {
    if (e instanceof CorrectionsError || e instanceof SyntaxError) console.error(`Warning: ${e.message} — corrections are not applied until it is fixed`);
    else throw e;
    return {};
  }
}

const CLIENT_ERRORS: Record<string, [number, string, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, "Request Header Fields Too Large", "request_too_large", "the URL and headers exceed 16 KB; shorten the query"],
  ERR_HTTP_REQUEST_TIMEOUT: [408, "Request Timeout", "request_timeout", "the request took too long to arrive"],
};

/**
 * Requests Node's HTTP parser rejects before Express sees them (a URL over 16 KB, a
 * malformed request line) get the API's JSON error body too, not a bare status line.
 */
function jsonClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, code, message] = CLIENT_ERRORS[err.code ?? ""] ?? [400, "Bad Request", "bad_request", "malformed HTTP request"];
  const body = JSON.stringify({ error: { code, message } });
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

export async function start(opts: StartOptions): Promise<Started> {
  const { config } = opts;
  const log = opts.log ?? ((m: string) => console.log(m));
  const resources = loadResources(config.projectRoot);
  // the indexer's (corpus/dict.txt alone: index-time discovery cuts with it) …
  const segmenter = createSegmenter(config.segmenter, resources.dictionary);
  // … and the one queries and analytics cut with: the dictionary the loaded store was built with,
  // corpus/dict.txt plus the corpus's discovered words (core/resources.ts), renewed on every load
  let queryDictionary = resources.dictionary;
  let querySegmenter = segmenter;
  const queries: Segmenter = { engine: segmenter.engine, cut: (t) => querySegmenter.cut(t), tag: (t) => querySegmenter.tag(t) };
  const names = indexNames(opts.indexPrefix);
  // Bound before anything else starts: a taken port fails at once, and a supervisor sees the
  // process live (not ready) while it indexes.
  const lifecycle = new Lifecycle();
  const listening = await listen(config, lifecycle);
  const { server } = listening;
  server.on("clientError", jsonClientError);
  // liveness that does not queue behind searches, when a port is given for it
  const liveness =
    config.livenessPort == null
      ? null
      : await startLiveness({ host: config.host, port: config.livenessPort, path: `${config.basePath}/api/health/live` }, lifecycle).catch((e: unknown) => {
          server.close();
          throw e;
        });
  const stopListening = () => {
    server.close();
    void liveness?.close();
  };
  let meili: MeiliConnection;
  try {
    const tightened = privateDataDir(config.dataDir);
    if (tightened) log(tightened);
    // a full disk is said now, not after Meilisearch's tasks have hung for ten minutes
    checkFreeSpace(config.dataDir);
    // Its own Meilisearch is restarted when it dies; when it cannot be, liveness fails (the whole
    // process needs restarting). An external one (MEILI_URL) is only reported by readiness.
    meili = opts.connection ?? (await connectMeili(config, { restarts: config.meiliRestarts, log, onFailure: (reason) => lifecycle.fail(reason) }));
  } catch (e) {
    stopListening();
    throw isNoSpace(e) && !(e instanceof Error && e.name === "DiskFullError") ? diskFull(config.dataDir, "Meilisearch could not start") : e;
  }
  try {
    const admin = await adminClient(meili.master);
    const problem = await searchIndexProblem(admin, names, config);
    const index = (run: Pick<RunOptions, "reset" | "rediscover" | "add" | "remove" | "what">, progress?: Progress) =>
      lifecycle.indexingRun(() =>
        runIndexer({
          corpusDir: config.corpusDir,
          dataDir: config.dataDir,
          client: admin,
          names,
          segmenter,
          dictionary: resources.dictionary,
          synonyms: resources.synonyms,
          progress,
          what: "npm start",
          // a running `npm run index` finishes first
          lockWaitMs: 10 * 60_000,
          // a start must be quick: sizes only (the load below verifies checksums and names damage)
          verifyStore: "sizes",
          ...run,
        }),
      );
    // Only what changed in the corpus folder is read (the store remembers its sources).
    if (problem) log(`Rebuilding the search index (${problem}) …`);
    const indexed: IndexSummary = await index({ reset: problem !== null }, opts.progress);
    if (indexed.mode !== "unchanged") log(`Indexed ${config.corpusDir}: ${indexed.mode === "rebuild" ? "everything" : `${indexed.added.length} added or changed, ${indexed.removed.length} removed`} (${indexed.seconds.toFixed(1)} s)`);
    const search = await searchClient(meili.master, [names.reports, names.passages]);
    const corpus = new CorpusHolder(config.dataDir, resources.stopwords, undefined, {
      timeoutMs: config.analyticsTimeoutMs,
      maxQueue: config.analyticsQueue,
      perClient: config.analyticsPerClient,
      onWorkerError: (e) => log(`analytics worker failed between tasks: ${e.message}`),
    });
    // The store generation loaded: search shows only documents of generations the server has
    // (core/documents.ts `gen`), so a hit always opens. Read before the load: a store committed
    // meanwhile stays hidden until the next load, never shown unloaded.
    let storeGeneration = 0;
    const themes: ThemeDef[] = [];
    const loadCorpus = () => {
      let generation = storeGeneration;
      try {
        generation = readManifest(config.dataDir)?.generation ?? 0;
      } catch {
        // a damaged manifest: load() names it
      }
      const dictionary = segmentationDictionary(resources.dictionary, config.dataDir);
      if (dictionary !== queryDictionary || !themes.length) {
        queryDictionary = dictionary;
        querySegmenter = dictionary === resources.dictionary ? segmenter : createSegmenter(config.segmenter, dictionary);
        // theme terms are cut as the texts now are (in place: the routes hold this array)
        themes.splice(0, themes.length, ...loadThemes(resources.themesPath, queries));
      }
      corpus.load();
      // Corrections live apart from the store (core/corrections.ts): applied after every load.
      for (const [id, c] of Object.entries(readCorrectionsSafe(config.dataDir))) {
        const { at: _at, ...fields } = c;
        corpus.correct(id, fields);
      }
      storeGeneration = generation;
    };
    loadCorpus();
    // Another process (`npm run index`) committing a new store: picked up within a second.
    const unwatch = watchStore(config.dataDir, () => storeGeneration, loadCorpus);
    const manager = new CorpusManager({
      dataDir: config.dataDir,
      corpus,
      admin,
      names,
      index: (run) => runIndexer({ corpusDir: config.corpusDir, dataDir: config.dataDir, client: admin, names, segmenter, dictionary: resources.dictionary, synonyms: resources.synonyms, lockWaitMs: 10 * 60_000, verifyStore: "sizes", ...run }),
      reload: loadCorpus,
    });
    // Jobs a killed server left unfinished are run again (their uploads were kept for it).
    for (const job of manager.resume()) log(`Resuming job ${job.id} (${job.kind} of ${job.sources.length === 1 ? job.sources[0] : `${job.sources.length} files`}), interrupted when the server stopped`);
    if (!corpus.status.ok) log(`Warning: ${corpus.status.message} — analytics are unavailable until \`npm run index\` rebuilds it.`);
    const app = createApp({
      config,
      search: { meili: search, names, segmenter: queries, synonyms: resources.synonyms, corpus, visibleGeneration: () => storeGeneration, regexBudgetMs: config.regexBudgetMs },
      manager,
      analytics: { corpus, segmenter: queries, themes, synonyms: resources.synonyms, regexBudgetMs: config.regexBudgetMs },
      reportThemes: (r) => {
        const c = corpus.peek();
        const doc = c?.byId.get(r.id);
        if (!c || !doc) return [];
        const nameEn = new Map(themes.map((t) => [t.id, t.nameEn]));
        return reportThemes(c, doc, themes).map((t) => ({ ...t, nameEn: nameEn.get(t.id) ?? t.id }));
      },
      webDir: opts.webDir === undefined ? join(config.projectRoot, "web", "dist") : opts.webDir,
      lifecycle,
      log: (m) => console.error(m),
    });
    listening.attach(app);
    lifecycle.markStarted();
    const port = listening.port;
    return {
      url: `http://${/^(0\.0\.0\.0|::)$/.test(config.host) ? "localhost" : config.host.includes(":") ? `[${config.host}]` : config.host}:${port}${config.basePath}`,
      port,
      livenessPort: liveness?.port ?? null,
      indexed,
      meili,
      names,
      corpus,
      lifecycle,
      reload: loadCorpus,
      async reindex(run = {}) {
        const summary = await index(run);
        loadCorpus();
        return summary;
      },
      async close() {
        // New requests get 503 + Connection: close while those in flight finish (10 s at most);
        // then stop listening and cut what is left.
        await lifecycle.drain(10_000);
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
          setTimeout(() => {
            server.closeAllConnections();
            resolve();
          }, 10_000).unref();
        });
        unwatch();
        await liveness?.close();
        await corpus.close();
        if (!opts.connection) await meili.close();
      },
    };
  } catch (e) {
    stopListening();
    if (!opts.connection) await meili.close();
    // The failed run removed what it could (indexer/load.ts abort); on a full disk Meilisearch could
    // not, so its queued batches are dropped here, now that it is stopped. What is left: one line.
    if (!isDiskFull(e)) throw e;
    throw runFailedOnFullDisk(config.dataDir, e, !opts.connection && meili.owned ? dropQueuedPayloads(config.dataDir) : 0);
  }
}
