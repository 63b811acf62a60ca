// `npm start`: build the web app if needed, then start everything and serve.
import { ConfigError, resolveConfig } from "../core/config.ts";
import { start } from "./start.ts";
import { terminalProgress } from "../indexer/progress.ts";
import { formatSummary } from "../indexer/summary.ts";
import { buildWeb } from "./web-build.ts";

async function main(): Promise<void> {
  const t0 = performance.now();
  const config = resolveConfig();
  // Under `npm run dev` Vite serves the web app itself.
  if (process.env.WENYUAN_WEB !== "off") buildWeb(config.projectRoot);
  const app = await start({ config, progress: terminalProgress() });
  if (app.indexed) console.log(formatSummary(app.indexed));
  console.log(`\n文渊 Wenyuan is ready in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${app.url}\n(Meilisearch ${app.meili.owned ? `started at ${app.meili.url}, pid ${app.meili.pid}` : `at ${app.meili.url}`}; Ctrl-C stops everything)`);

  let stopping = false;
  const shutdown = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping …`);
    await app.close().catch((e: unknown) => console.error(e));
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGHUP", () => void shutdown("SIGHUP"));
  process.on("uncaughtException", (e) => {
    console.error("Fatal:", e);
    void shutdown("crash", 1);
  });
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(`Configuration error — ${e.message}`);
  else console.error(`Wenyuan could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
