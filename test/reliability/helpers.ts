// Shared by the reliability suites: a private Meilisearch (for tests that kill it
// or that run the indexer CLI, which always uses the unprefixed index names), the
// real indexer CLI in a child process, a generated corpus, and process-tree helpers.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findMeiliBinary } from "../../core/meili/binary.ts";
import type { Meilisearch } from "meilisearch";
import { startMeili, type RunningMeili } from "../../core/meili/process.ts";
import { ROOT, SEED_CORPUS } from "../helpers/app.ts";

export async function privateMeili(dataDir: string, masterKey: string, port?: number): Promise<RunningMeili> {
  return startMeili({ binary: findMeiliBinary(process.env.MEILI_BIN ?? null), dataDir, masterKey, port });
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run index -- <args>` as a user runs it, against the given Meilisearch. */
export function runIndexCli(opts: { dataDir: string; corpusDir: string; meiliUrl: string; masterKey: string; args?: string[] }): {
  pid: number;
  done: Promise<CliResult>;
  output: () => string;
} {
  const child = spawn(process.execPath, ["--import", "tsx", "indexer/cli.ts", ...(opts.args ?? [opts.corpusDir, "--reset"])], {
    cwd: ROOT,
    env: { ...process.env, WENYUAN_DATA_DIR: opts.dataDir, WENYUAN_CORPUS_DIR: opts.corpusDir, MEILI_URL: opts.meiliUrl, MEILI_MASTER_KEY: opts.masterKey },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<CliResult>((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
  return { pid: child.pid ?? -1, done, output: () => stdout + stderr };
}

/** Long paragraphs of the bundled seed corpus (real report prose). */
export function seedParagraphs(): string[] {
  return readdirSync(SEED_CORPUS)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .flatMap((f) => readFileSync(join(SEED_CORPUS, f), "utf8").split("\n"))
    .map((l) => l.trim())
    .filter((l) => l.length > 30);
}

/**
 * `n` distinct reports built from seed paragraphs (deterministic), one file each:
 * a title naming a sector and a year, ten paragraphs, and a sentence unique to the
 * report so that no two are near-duplicates.
 */
export function generateCorpus(dir: string, n: number, paragraphsPerReport = 10): string[] {
  mkdirSync(dir, { recursive: true });
  const paras = seedParagraphs();
  const units = ["市人民医院", "实验中学", "机械制造公司", "市财政局"];
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const lines = [`${units[i % units.length]}工会${2015 + (i % 9)}年工作总结（第${i}号）`];
    for (let k = 0; k < paragraphsPerReport; k++) lines.push(paras[Math.floor(rnd() * paras.length)]);
    lines.push(`本单位编号${i}的职工共计${1000 + i}人，工会会员${900 + i}人。`);
    const file = join(dir, `r${String(i).padStart(5, "0")}.txt`);
    writeFileSync(file, lines.join("\n\n"));
    files.push(file);
  }
  return files;
}

/** Every document id in a Meilisearch index (paged), duplicates kept so a test can see them. */
export async function allIds(client: Meilisearch, uid: string): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 5000) {
    const page = await client.index<{ id: string }>(uid).getDocuments({ fields: ["id"], limit: 5000, offset });
    ids.push(...page.results.map((d) => d.id));
    if (page.results.length < 5000) return ids;
  }
}

export { gone } from "../helpers/processes.ts";

/** Direct children of a process, from /proc (Linux). */
export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // pid (comm) state ppid …; comm may contain spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(name));
    } catch {
      // exited meanwhile
    }
  }
  return out;
}

/** A process and all its descendants. */
export function processTree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...childrenOf(all[i]));
  return all;
}

export function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
  } catch {
    return "";
  }
}

export interface ServerChild {
  child: ChildProcess;
  exited: Promise<number | null>;
  /** the server and its descendants (Meilisearch and its watchdog) once it is ready */
  tree: number[];
  /** its stdout and stderr so far */
  out(): string;
}

/** `server/cli.ts` in a child process owning its Meilisearch, as `npm start` runs it; resolves once it says it is ready. */
export async function startServerCli(opts: { dataDir: string; corpusDir: string; port: number }): Promise<ServerChild> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/cli.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(opts.port), WENYUAN_DATA_DIR: opts.dataDir, WENYUAN_CORPUS_DIR: opts.corpusDir, MEILI_URL: "", MEILI_MASTER_KEY: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  const deadline = Date.now() + 120_000;
  while (!/ready in/.test(out)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`not ready:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, exited, tree: processTree(child.pid!), out: () => out };
}
