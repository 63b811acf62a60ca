// Builds web/dist when it is missing or older than its sources, so neither
// `npm start` nor the browser tests ever serve a stale build.
import { existsSync, readdirSync, statSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function webBuildIsStale(root: string): boolean {
  const built = join(root, "web", "dist", "index.html");
  if (!existsSync(built)) return true;
  const sources = ["web/src", "web/index.html", "web/vite.config.ts", "core"].map((p) => newestMtime(join(root, p)));
  return Math.max(...sources) > statSync(built).mtimeMs;
}

export function buildWeb(root: string, log: (m: string) => void = console.log): void {
  if (!webBuildIsStale(root)) return;
  log("Building the web app …");
  const vite = join(root, "node_modules", ".bin", "vite");
  const r = spawnSync(vite, ["build", "--config", "web/vite.config.ts", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) throw new Error("building the web app failed (see above)");
}
