// The app in its own process for the benchmarks (`node --import tsx bench/serve.ts`), so the load
// generator in bench/run.ts does not share the server's event loop. Configured by the usual
// environment variables (core/config.ts); prints one JSON line {"url", "pid"} when it listens,
// and shuts down gracefully on SIGTERM / SIGINT (which also flushes a --cpu-prof profile).
import { resolveConfig } from "../core/config.ts";
import { start } from "../server/start.ts";

const app = await start({ config: resolveConfig(process.env), webDir: null, log: (m) => console.error(m) });
process.stdout.write(JSON.stringify({ url: app.url, pid: process.pid, indexed: app.indexed.mode !== "unchanged" }) + "\n");
let closing = false;
const stop = async () => {
  if (closing) return;
  closing = true;
  await app.close();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
