// Runs index-time discovery (indexer/discover.ts `rediscover`) off the main thread: it segments and
// counts up to DISCOVERY_MAX_CHARS of text in one synchronous stretch (seconds), and the indexer
// also runs inside the server (uploads, the corpus page), whose event loop must keep answering.
// Registers tsx as server/pool/worker.mjs does, then loads the TypeScript it needs.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
try {
  const { discoverWords } = await import("../core/text/discover.ts");
  const { createSegmenter } = await import("../core/text/segment.ts");
  const segmenter = createSegmenter(workerData.engine, workerData.dictionary);
  parentPort.postMessage({ ok: true, words: discoverWords(workerData.texts, (t) => segmenter.cut(t)) });
} catch (error) {
  parentPort.postMessage({ ok: false, reason: error instanceof Error ? error.message : String(error) });
}
