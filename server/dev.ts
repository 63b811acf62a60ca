// `npm run dev`: the API in watch mode plus Vite's dev server (which proxies /api).
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const bin = (name: string) => join(root, "node_modules", ".bin", name);
const children: ChildProcess[] = [
  spawn(bin("tsx"), ["watch", "--clear-screen=false", "server/cli.ts"], { cwd: root, stdio: "inherit", env: { ...process.env, WENYUAN_WEB: "off" } }),
  spawn(bin("vite"), ["--config", "web/vite.config.ts"], { cwd: root, stdio: "inherit" }),
];
const stop = () => {
  for (const c of children) c.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const c of children) c.on("exit", (code) => {
  stop();
  process.exitCode = code ?? 0;
});
