// `npm start`: build the web app if needed, then start everything and serve. This process is the
// server a supervisor tracks (`node --import tsx server/cli.ts`, no wrapper in between); its own
// Meilisearch dies with it (core/meili/process.ts).
import { ConfigError, resolveConfig } from "../core/config.ts";
import { PRIVATE_UMASK } from "../core/datadir.ts";
import { start } from "./start.ts";
import { terminalProgress } from "../indexer/progress.ts";
import { formatSummary } from "../indexer/summary.ts";
import { buildWeb } from "./web-build.ts";

/**
 * When the reader of stdout or stderr goes away, writing to it fails with EPIPE. Unhandled, that
 * error reaches `uncaughtException`, whose log line fails again: a loop that spins a core forever.
 * A closed output is dropped instead; the server keeps serving and still stops on a signal.
 */
function dropOutputWhenClosed(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", () => {
      stream.write = (() => true) as typeof stream.write;
    });
  }
}

/** Logging that never throws (the console's stream may be gone). */
function say(line: string, stream: "stdout" | "stderr" = "stdout"): void {
  try {
    process[stream].write(line + "\n");
  } catch {
    // nowhere to report it
  }
}

/**
 * Under `npm start`, npm is our parent; if it is killed (even with SIGKILL, which it cannot pass
 * on) we are re-parented. Noticing that and stopping keeps a supervisor that tracks npm's pid from
 * leaking this server and its Meilisearch.
 */
function stopWhenOrphaned(stop: () => void): void {
  if (!process.env.npm_lifecycle_event) return;
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && stop(), 500).unref();
}

async function main(): Promise<void> {
  // Everything written in the data folder (and by the Meilisearch it starts) is the owner's alone.
  process.umask(PRIVATE_UMASK);
  dropOutputWhenClosed();
  const t0 = performance.now();
  const config = resolveConfig();
  // Under `npm run dev` Vite serves the web app itself.
  if (process.env.WENYUAN_WEB !== "off") buildWeb(config.projectRoot, (m) => say(m));
  const app = await start({ config, progress: terminalProgress(), log: (m) => say(m) });

  let stopping = false;
  const shutdown = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal}: stopping …`);
    await app.close().catch((e: unknown) => say(String(e), "stderr"));
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGHUP", () => void shutdown("SIGHUP"));
  process.on("uncaughtException", (e) => {
    if (stopping) return;
    say(`Fatal: ${e.stack ?? e.message}`, "stderr");
    void shutdown("crash", 1);
  });
  stopWhenOrphaned(() => void shutdown("parent gone"));

  if (app.indexed.mode !== "unchanged") say(formatSummary(app.indexed));
  const meili = app.meili.owned ? `Meilisearch started at ${app.meili.url}, pid ${app.meili.pid}` : `Meilisearch at ${app.meili.url}`;
  say(`\n文渊 Wenyuan is ready in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${app.url}\n(server pid ${process.pid}; ${meili};${app.livenessPort === null ? "" : ` liveness on port ${app.livenessPort};`} Ctrl-C stops everything)`);
}

main().catch((e: unknown) => {
  // One line: the variable at fault, or what went wrong (a taken port is a ListenError).
  if (e instanceof ConfigError) say(`Configuration error — ${e.message}`, "stderr");
  else say(`Wenyuan could not start: ${e instanceof Error ? e.message : String(e)}`, "stderr");
  process.exit(1);
});
