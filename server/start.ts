// Everything `npm start` does, as one function the tests can call too:
// Meilisearch (own or external) → index when the corpus changed → keys →
// corpus store → Express. Returns a handle that shuts it all down in order.
import type { Duplex } from "node:stream";
import { join } from "node:path";
import type { ResolvedConfig } from "../core/config.ts";
import { adminClient, connectMeili, searchClient, type MeiliConnection } from "../core/meili/connect.ts";
import { documentCount, indexNames, type IndexNames } from "../core/meili/indexes.ts";
import { loadResources } from "../core/resources.ts";
import { createSegmenter } from "../core/text/segment.ts";
import { corpusFingerprint, runIndexer, type IndexSummary, type Progress } from "../indexer/run.ts";
import { listFiles } from "../indexer/read.ts";
import { readManifest } from "../core/store.ts";
import { CorpusHolder } from "./corpus/holder.ts";
import { loadThemes } from "./analytics/themes-file.ts";
import { reportThemes } from "./analytics/reportThemes.ts";
import { createApp } from "./app.ts";
import { Lifecycle } from "./lifecycle.ts";
import { listen } from "./listen.ts";
import type { MeiliClient } from "../core/meili/client.ts";

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
  indexed: IndexSummary | null;
  meili: MeiliConnection;
  names: IndexNames;
  corpus: CorpusHolder;
  lifecycle: Lifecycle;
  /** reload the store (after `npm run index`) */
  reload(): void;
  /** reindex the corpus dir, then reload the store; readiness is 503 meanwhile */
  reindex(): Promise<IndexSummary>;
  close(): Promise<void>;
}

async function needsIndex(admin: MeiliClient, names: IndexNames, config: ResolvedConfig, fingerprint: string): Promise<string | null> {
  let manifest;
  try {
    manifest = readManifest(config.dataDir);
  } catch {
    return "the corpus store manifest is damaged";
  }
  if (!manifest) return "nothing indexed yet";
  if (manifest.corpusHash !== fingerprint) return "the corpus changed";
  const documents = await documentCount(admin, names.reports).catch(() => null);
  if (documents === null) return "the search index is missing";
  if (documents !== manifest.reports) return "the search index does not match the corpus store";
  return null;
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
  const segmenter = createSegmenter(config.segmenter, resources.dictionary);
  const names = indexNames(opts.indexPrefix);
  const lifecycle = new Lifecycle();
  const listening = await listen(config, lifecycle);
  const { server } = listening;
  server.on("clientError", jsonClientError);
  let meili: MeiliConnection;
  try {
    meili = opts.connection ?? (await connectMeili(config));
  } catch (e) {
    server.close();
    throw e;
  }
  try {
    const admin = await adminClient(meili.master);
    const listed = await listFiles([config.corpusDir], config.corpusDir);
    const fingerprint = corpusFingerprint(listed.files, config.corpusDir, { dictionary: resources.dictionary, synonyms: resources.synonyms, segmenter: segmenter.engine });
    const reason = await needsIndex(admin, names, config, fingerprint);
    let indexed: IndexSummary | null = null;
    const index = (progress?: Progress) =>
      lifecycle.indexingRun(() =>
        runIndexer({
        paths: [config.corpusDir],
        root: config.corpusDir,
        dataDir: config.dataDir,
        reset: true,
        client: admin,
        names,
        segmenter,
        dictionary: resources.dictionary,
        synonyms: resources.synonyms,
        progress,
      }),
      );
    if (reason) {
      log(`Indexing ${config.corpusDir} (${reason}) …`);
      indexed = await index(opts.progress);
    }
    const search = await searchClient(meili.master, [names.reports, names.passages]);
    const corpus = new CorpusHolder(config.dataDir, resources.stopwords, undefined, {
      timeoutMs: config.analyticsTimeoutMs,
      maxQueue: config.analyticsQueue,
      perClient: config.analyticsPerClient,
    });
    // load() also builds what the first substring search needs (the term → report postings).
    const loadCorpus = () => corpus.load();
    loadCorpus();
    if (!corpus.status.ok) log(`Warning: ${corpus.status.message} — analytics are unavailable until \`npm run index\` rebuilds it.`);
    const themes = loadThemes(resources.themesPath, segmenter);
    const app = createApp({
      config,
      search: { meili: search, names, segmenter, synonyms: resources.synonyms, corpus },
      analytics: { corpus, segmenter, themes, synonyms: resources.synonyms },
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
      indexed,
      meili,
      names,
      corpus,
      lifecycle,
      reload: loadCorpus,
      async reindex() {
        const summary = await index();
        loadCorpus();
        return summary;
      },
      async close() {
        await lifecycle.drain(10_000);
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
          setTimeout(() => {
            server.closeAllConnections();
            resolve();
          }, 10_000).unref();
        });
        await corpus.close();
        if (!opts.connection) await meili.close();
      },
    };
  } catch (e) {
    server.close();
    if (!opts.connection) await meili.close();
    throw e;
  }
}
