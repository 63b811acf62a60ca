// `npm run index -- [paths…] [--reset]`
import { isAbsolute, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, resolveConfig } from "../core/config.ts";
import { adminClient, connectMeili } from "../core/meili/connect.ts";
import { indexNames } from "../core/meili/indexes.ts";
import { terminalProgress } from "./progress.ts";
import { loadResources } from "../core/resources.ts";
import { runIndexer } from "./run.ts";
import { createSegmenter } from "../core/text/segment.ts";
import { formatSummary } from "./summary.ts";

const USAGE = "usage: npm run index -- [file-or-folder …] [--reset]\n  default: $WENYUAN_CORPUS_DIR (./corpus/raw)\n  --reset  forget previously indexed files first";

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { reset: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } } });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = resolveConfig();
  const paths = args.positionals.length ? args.positionals.map((p) => (isAbsolute(p) ? p : resolve(process.cwd(), p))) : [config.corpusDir];
  const resources = loadResources(config.projectRoot);
  const conn = await connectMeili(config);
  try {
    const summary = await runIndexer({
      paths,
      // Sources are named relative to the corpus dir whatever paths were given, so re-indexing a file replaces it.
      root: config.corpusDir,
      dataDir: config.dataDir,
      reset: args.values.reset,
      client: await adminClient(conn.master),
      names: indexNames(),
      segmenter: createSegmenter(config.segmenter, resources.dictionary),
      dictionary: resources.dictionary,
      synonyms: resources.synonyms,
      progress: terminalProgress(),
    });
    console.log(formatSummary(summary));
    return 0;
  } finally {
    await conn.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof ConfigError) console.error(`Configuration error — ${e.message}`);
    else if (e instanceof Error && e.name === "MeiliUnavailableError") {
      // Not the server's "search will resume" message: the indexer was cut off mid-run.
      console.error("Cannot index: Meilisearch stopped answering while indexing (stopped, killed or unreachable). Start it again and rerun `npm run index`: the run starts over and replaces what was partly loaded.");
    } else if (e instanceof Error && (e.name === "MeiliConnectError" || e.name === "MeiliBinaryError")) {
      console.error(`Cannot index: ${e.message}`);
    } else console.error(`Indexing failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
