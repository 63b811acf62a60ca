// Runs the real CLI in a child process, as a supervisor or a user would: `node --import tsx
// server/cli.ts` (what deploy/wenyuan.service runs) or `npm start`. The ready line names the
// URL, the server's pid and its Meilisearch's pid.
import { spawn, type ChildProcess } from "node:child_process";
import { ROOT } from "../helpers/app.ts";

export interface Launched {
  child: ChildProcess;
  output: () => string;
  ready: Promise<{ url: string; serverPid: number; meiliPid: number | null }>;
  exited: Promise<number | null>;
}

export function launch(env: Record<string, string>, how: "node" | "npm" = "node"): Launched {
  const [cmd, args] = how === "npm" ? ["npm", ["start", "--silent"]] : [process.execPath, ["--import", "tsx", "server/cli.ts"]];
  const child = spawn(cmd, args as string[], {
    cwd: ROOT,
    env: { ...process.env, MEILI_URL: "", MEILI_MASTER_KEY: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  const ready = new Promise<{ url: string; serverPid: number; meiliPid: number | null }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 90 s:\n${out}`)), 90_000);
    const check = () => {
      const m = /ready in [\d.]+ s: (http:\/\/\S+)\n\(server pid (\d+); Meilisearch (?:started at \S+, pid (\d+)|at \S+);/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], serverPid: Number(m[2]), meiliPid: m[3] ? Number(m[3]) : null });
      }
    };
    child.stdout!.on("data", check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${out}`));
    });
  });
  ready.catch(() => {});
  return { child, output: () => out, ready, exited };
}
