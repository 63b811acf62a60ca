// Liveness on its own port (server/liveness.ts): a real worker thread, probed by curl from a
// process of its own, while this test's main thread is genuinely blocked — what a server's event
// loop busy with searches looks like to a probe, without the timing of a load run (that figure is
// in bench/README.md).
import { execFile, spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { startLiveness, type LivenessListener } from "../../server/liveness.ts";
import { freePort } from "../../core/meili/process.ts";

const PATH = "/base/api/health/live";
let listener: LivenessListener | null = null;
afterEach(async () => {
  await listener?.close();
  listener = null;
});

/** Blocks this thread (its event loop) for `ms`, as a long synchronous piece of work would. */
const block = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** curl, `delay` s from now, in a process of its own: "status seconds body". */
function probeLater(url: string, delay: number): Promise<string> {
  const child = spawn("sh", ["-c", `sleep ${delay}; curl -s -m 5 -w ' %{http_code} %{time_total}' '${url}'`]);
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.once("exit", () => resolve(out)));
}

const curl = (url: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) =>
    execFile("curl", ["-s", "-m", "5", "-w", " %{http_code}", url], (e, out) => (e ? reject(e) : resolve({ status: Number(out.slice(out.lastIndexOf(" ") + 1)), body: out.slice(0, out.lastIndexOf(" ")) }))),
  );

describe("liveness on its own port", () => {
  it("answers at once while the main loop is blocked, and 503 `stalled` once the block outlasts its limit", async () => {
    const lifecycle = { dead: null as string | null };
    listener = await startLiveness({ host: "127.0.0.1", port: await freePort(), path: PATH, staleMs: 2500 }, lifecycle);
    const url = `http://127.0.0.1:${listener.port}${PATH}`;
    expect(await curl(url)).toEqual({ status: 200, body: JSON.stringify({ status: "live" }) });
    expect((await curl(`http://127.0.0.1:${listener.port}/api/search`)).status).toBe(404);

    // the loop blocked for 5 s: a probe 1 s in is answered (live, and fast); one 4 s in says stalled
    const early = probeLater(url, 1);
    const late = probeLater(url, 4);
    block(5000);
    const [body1, status1, seconds1] = (await early).split(/ (?=\d+ [\d.]+$)| (?=[\d.]+$)/);
    expect(status1).toBe("200");
    expect(JSON.parse(body1)).toEqual({ status: "live" });
    expect(Number(seconds1)).toBeLessThan(0.5);
    const lateOut = await late;
    expect(lateOut).toMatch(/ 503 [\d.]+$/);
    expect(JSON.parse(lateOut.replace(/ 503 [\d.]+$/, ""))).toMatchObject({ status: "stalled", reason: expect.stringMatching(/event loop has not run for \d+\.\d s/) });
    // the loop runs again: live again after its next beat
    await new Promise((r) => setTimeout(r, 1200));
    expect((await curl(url)).status).toBe(200);
  }, 30_000);

  it("503 `failed` with the reason once the server has given up, and a taken port is a clear error", async () => {
    const lifecycle = { dead: null as string | null };
    listener = await startLiveness({ host: "127.0.0.1", port: await freePort(), path: PATH }, lifecycle);
    const url = `http://127.0.0.1:${listener.port}${PATH}`;
    lifecycle.dead = "Meilisearch exited and 8 restarts failed";
    await new Promise((r) => setTimeout(r, 1300));
    const res = await curl(url);
    expect(res.status).toBe(503);
    expect(JSON.parse(res.body)).toEqual({ status: "failed", reason: "Meilisearch exited and 8 restarts failed" });
    await expect(startLiveness({ host: "127.0.0.1", port: listener.port, path: PATH }, lifecycle)).rejects.toThrow(new RegExp(`port ${listener.port} is in use on 127.0.0.1`));
  }, 30_000);
});
