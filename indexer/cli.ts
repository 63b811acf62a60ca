// `npm run index -- [paths…] [--remove path…] [--reset] [--rediscover]`
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, resolveConfig } from "../core/config.ts";
import { connectMeili } from "../core/meili/connect.ts";
import { PRIVATE_UMASK, privateDataDir } from "../core/datadir.ts";
import { checkFreeSpace, DiskFullError, diskFull, isDiskFull, isNoSpace, runFailedOnFullDisk } from "../core/disk.ts";
import { dropQueuedPayloads } from "../core/meili/process.ts";
import { MeiliBinaryError, MeiliConnectError, MeiliUnavailableError } from "../core/meili/errors/index.ts";
import { adminClient } from "../core/meili/keys.ts";
import { indexNames } from "../core/meili/indexes.ts";
import { terminalProgress } from "./progress.ts";
import { DISCOVERED_FILE, discoveredEntries, loadResources } from "../core/resources.ts";
import { LockedError } from "../core/lock.ts";
import { runIndexer } from "./run.ts";
import { createSegmenter } from "../core/text/segment.ts";
import { formatSummary } from "./summary.ts";

const USAGE = [
  "usage: npm run index -- [file-or-folder …] [--remove source …] [--reset] [--rediscover]",
  "  with no arguments: bring the index up to date with $WENYUAN_CORPUS_DIR (./corpus/raw)",
  "  file-or-folder  outside the corpus folder: added to the corpus (a copy is kept in the data folder);",
  "                  a file added again under the same name replaces its earlier version",
  "  --remove source take a source out (its path as the corpus page and the summary list it)",
  "  --reset         read every source again and rebuild the search index",
  "  --rediscover    find the corpus's own words again (data/dictionary.discovered.txt) and rebuild;",
  "                  a full build always does, adding or removing files never does",
].join("\n");

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: { reset: { type: "boolean", default: false }, rediscover: { type: "boolean", default: false }, remove: { type: "string", multiple: true, default: [] }, help: { type: "boolean", short: "h" } },
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = resolveConfig();
  // the store, the discovered words and Meilisearch's database are the owner's alone
  process.umask(PRIVATE_UMASK);
  const tightened = privateDataDir(config.dataDir);
  if (tightened) console.log(tightened);
  checkFreeSpace(config.dataDir);
  const paths = args.positionals.map((p) => (isAbsolute(p) ? p : resolve(process.cwd(), p)));
  // Paths inside the corpus folder are already sources: a run brings them up to date.
  const inside = (p: string) => !relative(config.corpusDir, p).startsWith("..") && !isAbsolute(relative(config.corpusDir, p));
  const add = paths.filter((p) => !inside(p)).map((path) => ({ path, origin: "cli" as const }));
  const resources = loadResources(config.projectRoot);
  const conn = await connectMeili(config);
  try {
    const summary = await runIndexer({
      corpusDir: config.corpusDir,
      dataDir: config.dataDir,
      add,
      remove: args.values.remove.map((p) => p.split(sep).join("/")),
      reset: args.values.reset,
      rediscover: args.values.rediscover,
      what: "npm run index",
      client: await adminClient(conn.master),
      names: indexNames(),
      segmenter: createSegmenter(config.segmenter, resources.dictionary),
      dictionary: resources.dictionary,
      synonyms: resources.synonyms,
      progress: terminalProgress(),
    });
    console.log(formatSummary(summary));
    if (summary.mode === "rebuild") {
      const words = discoveredEntries(resources.dictionary, config.dataDir).map((l) => l.split(/\s+/)[0]);
      console.log(`Discovered words (${join(config.dataDir, DISCOVERED_FILE)}, review and edit): ${words.length ? words.join(" ") : "none beyond corpus/dict.txt"}`);
    }
    return 0;
  } catch (e) {
    if (!isDiskFull(e)) throw e;
    // Meilisearch could not cancel the run's queued batches on a full disk: dropped once it is stopped
    await conn.close();
    throw runFailedOnFullDisk(config.dataDir, e, conn.owned ? dropQueuedPayloads(config.dataDir) : 0);
  } finally {
    await conn.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof ConfigError) console.error(`Configuration error — ${e.message}`);
    else if (e instanceof DiskFullError) console.error(`Cannot index: ${e.message}`);
    else if (isNoSpace(e)) console.error(`Cannot index: ${diskFull(resolveConfig().dataDir, `${(e as Error).message.split("\n")[0]}; the previous index and store are kept`).message}`);
    else if (e instanceof LockedError) console.error(`Cannot index now: ${e.message}`);
    else if (e instanceof MeiliUnavailableError) {
      // Not the server's "search will resume" message: the indexer was cut off mid-run.
      console.error("Cannot index: Meilisearch stopped answering while indexing (stopped, killed or unreachable). Start it again and rerun `npm run index`: the run starts over and replaces what was partly loaded.");
    } else if (e instanceof MeiliConnectError || e instanceof MeiliBinaryError) {
      console.error(`Cannot index: ${e.message}`);
    } else console.error(`Indexing failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
