// `npm start` as a user runs it: the real CLI in a child process with its own
// Meilisearch. Stopping it — politely or not — must leave no Meilisearch behind,
// and a second start on the same data dir reuses the index.
import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, lstatSync, readdirSync, readFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findMeiliBinary } from "../../core/meili/binary.ts";
import { freePort, isAlive } from "../../core/meili/process.ts";
import { childrenOf, commandOf } from "../reliability/helpers.ts";
import { FIXTURE_CORPUS } from "../helpers/app.ts";
import { synthesize } from "../../bench/synth.ts";
import { launch as launchCli, type Launched } from "../serve/launch.ts";
import { gone } from "../helpers/processes.ts";

const dataDir = mkdtempSync(join(tmpdir(), "wenyuan-test-start-"));
// A data folder as an older version left it: open to every local user.
chmodSync(dataDir, 0o755);
writeFileSync(join(dataDir, "notes.txt"), "kept by the owner\n", { mode: 0o644 });
chmodSync(join(dataDir, "notes.txt"), 0o644);

/** Every file and folder under `dir` (itself included) that group or others may access, with its mode. */
function openToOthers(dir: string): string[] {
  const out: string[] = [];
  const walk = (path: string) => {
    const st = lstatSync(path);
    if (st.isSymbolicLink()) return;
    if (st.mode & 0o077) out.push(`${path} ${(st.mode & 0o777).toString(8)}`);
    if (st.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(dir);
  return out;
}
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const launch = (env: Record<string, string>) => launchCli({ WENYUAN_DATA_DIR: dataDir, WENYUAN_CORPUS_DIR: FIXTURE_CORPUS, ...env });

describe("npm start", () => {
  it("serves the corpus, and SIGTERM stops Meilisearch too", async () => {
    const port = await freePort();
    const run = launch({ PORT: String(port) });
    const { url, meiliPid } = await run.ready;
    expect(run.output()).toContain("Indexing");
    const health = await fetch(`${url}/api/health`).then((r) => r.json() as Promise<{ status: string; reports: number }>);
    expect(health.status).toBe("ok");
    expect(health.reports).toBeGreaterThan(0);
    expect((await fetch(url)).headers.get("content-type")).toContain("text/html");
    expect(statSync(join(dataDir, "meili.key")).mode & 0o777).toBe(0o600);
    expect(isAlive(meiliPid!)).toBe(true);
    // Privacy: the store, Meilisearch's database, the key and the discovered words are the owner's alone.
    expect(run.output()).toMatch(/Data folder .* was readable by other users \(mode 0755, 2 entries open\): made private/);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(readdirSync(dataDir)).toEqual(expect.arrayContaining(["meili", "store", "dictionary.discovered.txt"]));
    expect(openToOthers(dataDir)).toEqual([]);

    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
    expect(await gone(meiliPid!)).toBe(true);
    // and what was written until the end (Meilisearch's last flush, the log)
    expect(openToOthers(dataDir)).toEqual([]);
  });

  it("reuses the index on the same data dir, and a SIGKILLed server leaves no orphan", async () => {
    const port = await freePort();
    const run = launch({ PORT: String(port) });
    const { url, meiliPid } = await run.ready;
    expect(run.output()).not.toContain("Indexing");
    const search = await fetch(`${url}/api/search?q=${encodeURIComponent("送温暖")}`).then((r) => r.json() as Promise<{ total: number }>);
    expect(search.total).toBeGreaterThan(0);
    run.child.kill("SIGKILL");
    expect(await gone(meiliPid!)).toBe(true);
  });

  it("refuses a bad setting in one line naming the variable, before starting anything", async () => {
    const run = launch({ PORT: "not-a-port" });
    await expect(run.ready).rejects.toThrow(/PORT/);
    expect(run.output().trim().split("\n").filter((l) => !/npm warn/.test(l))).toHaveLength(1);
  });

  it("logs Meilisearch at WARN to a file only its owner can read", () => {
    const log = join(dataDir, "meili.log");
    expect(statSync(log).mode & 0o777).toBe(0o600);
    // At INFO, Meilisearch writes a line per HTTP request; the runs above made dozens.
    expect(readFileSync(log, "utf8")).not.toMatch(/\bINFO\b/);
  });
});

/** The Meilisearch server itself: the watchdog's child (what an OOM killer would pick). */
function meiliServer(watchdogPid: number): number {
  const pid = childrenOf(watchdogPid).find((p) => commandOf(p).includes("--db-path"));
  expect(pid, "the Meilisearch under the watchdog").toBeDefined();
  return pid!;
}

async function until<T>(ms: number, probe: () => Promise<T | null>): Promise<T | null> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const got = await probe().catch(() => null);
    if (got !== null) return got;
    await new Promise((r) => setTimeout(r, 200));
  }
  return null;
}

describe("its own Meilisearch, supervised", () => {
  it("a Meilisearch that dies is restarted on the same data, and search works again", async () => {
    const run = launch({ PORT: String(await freePort()) });
    const { url, meiliPid } = await run.ready;
    const q = `${url}/api/search?q=${encodeURIComponent("送温暖")}`;
    const before = (await fetch(q).then((r) => r.json())) as { total: number };
    expect(before.total).toBeGreaterThan(0);
    try {
      process.kill(meiliServer(meiliPid!), "SIGKILL");
      // before: still 503 ten minutes later, nothing logged
      const after = await until(20_000, async () => {
        const r = await fetch(q);
        return r.status === 200 && run.output().includes("Meilisearch is back") ? ((await r.json()) as { total: number }) : null;
      });
      expect(after, run.output()).not.toBeNull();
      expect(after!.total).toBe(before.total);
      expect(run.output()).toMatch(/Meilisearch \(pid \d+\) exited unexpectedly \((SIGKILL|signal 9)\); restarting it/);
      expect(run.output()).toMatch(/Meilisearch restart 1 of 8 in 0\.5 s/);
      expect(run.output()).toMatch(/Meilisearch is back at http:\/\/127\.0\.0\.1:\d+ \(pid \d+\) after 1 restart\n/);
      expect((await fetch(`${url}/api/health/live`)).status).toBe(200);
      expect((await fetch(`${url}/api/health/ready`)).status).toBe(200);
    } finally {
      run.child.kill("SIGTERM");
    }
    expect(await run.exited).toBe(0);
    // the restarted one stops with the server too
    expect(childrenOf(run.child.pid!)).toEqual([]);
  });

  it("when it cannot be restarted, liveness answers 503 with the reason", async () => {
    // A binary that works at start and then is replaced by one that cannot run.
    const bin = join(dataDir, "..", `meili-wrapper-${process.pid}.sh`);
    writeFileSync(bin, `#!/bin/sh\nexec ${JSON.stringify(findMeiliBinary(null))} "$@"\n`, { mode: 0o700 });
    try {
      const run = launch({ PORT: String(await freePort()), MEILI_BIN: bin, WENYUAN_MEILI_RESTARTS: "2" });
      const { url, meiliPid } = await run.ready;
      try {
        expect((await fetch(`${url}/api/health/live`)).status).toBe(200);
        writeFileSync(bin, "#!/bin/sh\necho 'cannot start' >&2; exit 1\n");
        process.kill(meiliServer(meiliPid!), "SIGKILL");
        const dead = await until(20_000, async () => {
          const r = await fetch(`${url}/api/health/live`);
          return r.status === 503 ? ((await r.json()) as { status: string; error: { code: string; message: string } }) : null;
        });
        expect(dead, run.output()).not.toBeNull();
        expect(dead!.status).toBe("failed");
        expect(dead!.error.code).toBe("meilisearch_failed");
        expect(dead!.error.message).toMatch(/Meilisearch exited \(.*\) and 2 restarts failed \(last: Meilisearch exited during startup \(code 1\)/);
        expect(run.output()).toMatch(/Meilisearch restart 1 failed: .*\n[^]*Meilisearch restart 2 of 2 in 1 s[^]*Meilisearch restart 2 failed/);
        expect((await fetch(`${url}/api/health/ready`)).status).toBe(503);
      } finally {
        run.child.kill("SIGTERM");
      }
      expect(await run.exited).toBe(0);
    } finally {
      rmSync(bin, { force: true });
    }
  });
});

describe("a full disk", () => {
  it("`npm start` on a data folder with too little free space exits at once with one line naming the space left", async () => {
    const mount = mkdtempSync(join(tmpdir(), "wenyuan-test-smalldisk-"));
    // A real small disk (root is available here); if it cannot be mounted the test fails, it does not skip.
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=24m", "tmpfs", mount]);
    try {
      // what a failed run's leftovers did: the disk nearly full (before: Meilisearch started, tasks waited 600 s)
      writeFileSync(join(mount, "filler"), Buffer.alloc(20 * 1024 * 1024, 1));
      const data = join(mount, "data");
      mkdirSync(data, { mode: 0o700 });
      const t0 = Date.now();
      const run = launchCli({ WENYUAN_DATA_DIR: data, WENYUAN_CORPUS_DIR: FIXTURE_CORPUS, PORT: String(await freePort()) });
      expect(await run.exited).toBe(1);
      expect(Date.now() - t0).toBeLessThan(20_000);
      const lines = run.output().trim().split("\n").filter((l) => !/^Building the web app|npm warn/.test(l));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^Wenyuan could not start: disk full: [0-4]\\.\\d MB free in ${data.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} `));
      // nothing was started on it: no Meilisearch database
      expect(readdirSync(data)).not.toContain("meili");
    } finally {
      execFileSync("umount", [mount]);
      rmSync(mount, { recursive: true, force: true });
    }
  });
});

describe("a run that fills the disk", () => {
  it("leaves nothing behind — its queued batches and its documents go — and the next start serves the previous index without a rebuild", async () => {
    const mount = mkdtempSync(join(tmpdir(), "wenyuan-test-filldisk-"));
    const corpus = mkdtempSync(join(tmpdir(), "wenyuan-test-filldisk-corpus-"));
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=40m", "tmpfs", mount]);
    try {
      cpSync(FIXTURE_CORPUS, corpus, { recursive: true });
      const data = join(mount, "data");
      mkdirSync(data, { mode: 0o700 });
      const start = async () => launchCli({ WENYUAN_DATA_DIR: data, WENYUAN_CORPUS_DIR: corpus, PORT: String(await freePort()) });
      const canonical = async (url: string) => ((await (await fetch(`${url}/api/health`)).json()) as { reports: number }).reports;
      // Meilisearch's own count (health counts what search shows, and search hides an uncommitted run's documents)
      const meiliDocuments = async (run: Launched, index: string) => {
        const meiliUrl = /Meilisearch started at (http:\/\/[^\s,]+)/.exec(run.output())![1];
        const res = await fetch(`${meiliUrl}/indexes/${index}/stats`, { headers: { Authorization: `Bearer ${readFileSync(join(data, "meili.key"), "utf8").trim()}` } });
        return ((await res.json()) as { numberOfDocuments: number }).numberOfDocuments;
      };
      const storeFiles = () => Object.fromEntries(readdirSync(join(data, "store")).map((f) => [f, readFileSync(join(data, "store", f)).toString("base64")]));

      let run = await start();
      const first = await run.ready;
      const before = await canonical(first.url);
      expect(before).toBeGreaterThan(0);
      const passages = await meiliDocuments(run, "passages");
      run.child.kill("SIGTERM");
      expect(await run.exited).toBe(0);
      const store = storeFiles();

      // 300 synthetic reports: their documents are more than the 40 MB disk holds
      await synthesize({ reports: 300, seed: 5, out: join(corpus, "synth") });
      run = await start();
      expect(await run.exited, run.output()).toBe(1);
      const lines = run.output().trim().split("\n").filter((l) => /could not start/.test(l));
      expect(lines, run.output()).toHaveLength(1);
      expect(lines[0]).toMatch(/^Wenyuan could not start: disk full: \d+\.\d MB free in .*the previous index and store are kept/);
      // what Meilisearch could not cancel on a full disk is gone; the store is as it was
      expect(readdirSync(join(data, "meili", "data.ms", "update_files"))).toEqual([]);
      expect(storeFiles()).toEqual(store);

      // the writer takes the files out again: the previous index serves at once, as it was
      rmSync(join(corpus, "synth"), { recursive: true });
      run = await start();
      const again = await run.ready;
      try {
        expect(await canonical(again.url)).toBe(before);
        // before: the passages the failed run had added stayed in the live index for good
        expect(await meiliDocuments(run, "passages")).toBe(passages);
        // before: the failed run's documents stayed in the live index and this start rebuilt everything
        expect(run.output()).not.toMatch(/Rebuilding the search index/);
        expect(storeFiles()).toEqual(store);
      } finally {
        run.child.kill("SIGTERM");
        await run.exited;
      }
    } finally {
      execFileSync("umount", [mount]);
      rmSync(mount, { recursive: true, force: true });
      rmSync(corpus, { recursive: true, force: true });
    }
  }, 600_000);
});

describe("supervision", () => {
  it("a taken port: exits 1 at once with one line saying so, and starts no Meilisearch", async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const t0 = Date.now();
      const run = launch({ PORT: String(port) });
      expect(await run.exited).toBe(1);
      expect(Date.now() - t0).toBeLessThan(15_000);
      const lines = run.output().trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`port ${port} is in use`));
      expect(run.output()).not.toContain("ready");
    } finally {
      blocker.close();
    }
  });

  it("with its output pipe closed it keeps serving, and SIGTERM still stops it (and Meilisearch) within 10 s", async () => {
    const run = launch({ PORT: String(await freePort()) });
    const { url, serverPid, meiliPid } = await run.ready;
    expect(serverPid).toBe(run.child.pid);
    // The reader goes away: every later write of the server fails with EPIPE.
    run.child.stdout!.destroy();
    run.child.stderr!.destroy();
    expect((await fetch(`${url}/api/health/live`)).status).toBe(200);
    const t0 = Date.now();
    // Its first words go into the closed pipe ("SIGTERM: stopping …"): before, EPIPE →
    // uncaughtException → a log line → EPIPE … spun a core forever and never exited.
    run.child.kill("SIGTERM");
    const exited = await Promise.race([run.exited, new Promise<"hung">((r) => setTimeout(() => r("hung"), 10_000))]);
    if (exited === "hung") run.child.kill("SIGKILL"); // a spinning server handles no signal
    expect(exited).toBe(0);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(await gone(meiliPid!)).toBe(true);
  });

  it.each(["SIGTERM", "SIGKILL"] as const)("`npm start` killed by pid with %s leaves no server and no Meilisearch", async (signal) => {
    const run = launchCli({ WENYUAN_DATA_DIR: dataDir, WENYUAN_CORPUS_DIR: FIXTURE_CORPUS, PORT: String(await freePort()) }, "npm");
    const { url, serverPid, meiliPid } = await run.ready;
    // The server is node itself (no tsx wrapper): its command line is node's.
    expect(readFileSync(`/proc/${serverPid}/cmdline`, "utf8").split("\0")[0]).toMatch(/node$/);
    expect((await fetch(`${url}/api/health/live`)).status).toBe(200);
    try {
      process.kill(run.child.pid!, signal);
      expect(await gone(serverPid)).toBe(true);
      expect(await gone(meiliPid!)).toBe(true);
    } finally {
      // Should the guard fail, do not leak the server into the next tests.
      if (isAlive(serverPid)) process.kill(serverPid, "SIGTERM");
    }
  });
});
