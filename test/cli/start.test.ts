// `npm start` as a user runs it: the real CLI in a child process with its own
// Meilisearch. Stopping it — politely or not — must leave no Meilisearch behind,
// and a second start on the same data dir reuses the index.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, isAlive } from "../../core/meili/process.ts";
import { FIXTURE_CORPUS, ROOT } from "../helpers/app.ts";
import { gone } from "../helpers/processes.ts";

const dataDir = mkdtempSync(join(tmpdir(), "wenyuan-test-start-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function launch(env: Record<string, string>): Promise<{ child: ChildProcess; output: () => string; ready: Promise<{ url: string; meiliPid: number }> }> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/cli.ts"], {
    cwd: ROOT,
    env: { ...process.env, WENYUAN_DATA_DIR: dataDir, WENYUAN_CORPUS_DIR: FIXTURE_CORPUS, MEILI_URL: "", MEILI_MASTER_KEY: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const ready = new Promise<{ url: string; meiliPid: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 90 s:\n${out}`)), 90_000);
    const check = () => {
      const m = /ready in [\d.]+ s: (http:\/\/\S+)[\s\S]*?pid (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], meiliPid: Number(m[2]) });
      }
    };
    child.stdout!.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${out}`));
    });
  });
  return { child, output: () => out, ready };
}

describe("npm start", () => {
  it("serves the corpus, and SIGTERM stops Meilisearch too", async () => {
    const port = await freePort();
    const run = await launch({ PORT: String(port) });
    const { url, meiliPid } = await run.ready;
    expect(run.output()).toContain("Indexing");
    const health = await fetch(`${url}/api/health`).then((r) => r.json() as Promise<{ status: string; reports: number }>);
    expect(health.status).toBe("ok");
    expect(health.reports).toBeGreaterThan(0);
    expect((await fetch(url)).headers.get("content-type")).toContain("text/html");
    expect(statSync(join(dataDir, "meili.key")).mode & 0o777).toBe(0o600);
    expect(isAlive(meiliPid)).toBe(true);

    const exited = new Promise<number | null>((r) => run.child.once("exit", (code) => r(code)));
    run.child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(await gone(meiliPid)).toBe(true);
  });

  it("reuses the index on the same data dir, and a SIGKILLed server leaves no orphan", async () => {
    const port = await freePort();
    const run = await launch({ PORT: String(port) });
    const { url, meiliPid } = await run.ready;
    expect(run.output()).not.toContain("Indexing");
    const search = await fetch(`${url}/api/search?q=${encodeURIComponent("送温暖")}`).then((r) => r.json() as Promise<{ total: number }>);
    expect(search.total).toBeGreaterThan(0);
    run.child.kill("SIGKILL");
    expect(await gone(meiliPid)).toBe(true);
  });

  it("refuses a bad setting in one line naming the variable, before starting anything", async () => {
    const run = await launch({ PORT: "not-a-port" });
    await expect(run.ready).rejects.toThrow(/PORT/);
    expect(run.output().trim().split("\n").filter((l) => !/npm warn/.test(l))).toHaveLength(1);
  });
});
