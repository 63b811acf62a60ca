// The official client as Wenyuan sets it up (core/meili): its failures arrive as our three error
// classes, and every request asks for unencoded responses. Error answers and failed tasks come from
// the real Meilisearch; only what a real server cannot produce on demand is
// simulated: a socket that accepts and never replies, a proxy's HTML error page.
import { createServer as createHttpServer } from "node:http";
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { meiliClient, TIMEOUT_MS } from "../../core/meili/client.ts";
import { MeiliApiError, MeiliTaskError, MeiliUnavailableError } from "../../core/meili/errors/index.ts";
import { createIndex, deleteIndex, updateDocuments } from "../../core/meili/indexes.ts";
import { freePort } from "../../core/meili/process.ts";
import { multiSearch, searchIndex } from "../../core/meili/search.ts";
import { waitTask } from "../../core/meili/tasks.ts";

const query = [{ indexUid: "reports", q: "" }];

describe("a Meilisearch that does not answer", () => {
  let silent: Server;
  let url: string;
  const requests: string[] = [];
  beforeAll(async () => {
    silent = createServer((socket) => socket.on("data", (d) => requests.push(d.toString("latin1"))));
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((r) => silent.close(() => r())));

  it("is MeiliUnavailableError once the search timeout has passed, well within the 2 s budget", async () => {
    const t0 = performance.now();
    const err = await multiSearch(meiliClient(url, "key", "search"), query).catch((e: unknown) => e);
    const ms = performance.now() - t0;
    expect(err).toBeInstanceOf(MeiliUnavailableError);
    expect((err as Error).message).toMatch(/did not answer within 1500 ms/);
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS.search - 50);
    expect(ms).toBeLessThan(2000);
  });

  it("was asked for identity encoding (gzip responses waited ~40 ms on delayed ACK)", () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.at(-1)).toMatch(/^accept-encoding: identity\r$/im);
  });
});

describe("a proxy answering in Meilisearch's place", () => {
  it("is MeiliUnavailableError, not an internal error", async () => {
    const proxy = createHttpServer((_req, res) => res.writeHead(502, { "Content-Type": "text/html" }).end("<html><body>502 Bad Gateway</body></html>"));
    await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
    try {
      const client = meiliClient(`http://127.0.0.1:${(proxy.address() as { port: number }).port}`, "key", "search");
      expect(await multiSearch(client, query).catch((e: unknown) => e)).toBeInstanceOf(MeiliUnavailableError);
    } finally {
      await new Promise<void>((r) => proxy.close(() => r()));
    }
  });
});

describe("a Meilisearch that is not there", () => {
  it("is MeiliUnavailableError at once", async () => {
    const t0 = performance.now();
    const err = await multiSearch(meiliClient(`http://127.0.0.1:${await freePort()}`, "key", "search"), query).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MeiliUnavailableError);
    expect((err as Error).message).toMatch(/could not be reached \(ECONNREFUSED\)/);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe("Meilisearch's own errors", () => {
  const master = () => meiliClient(inject("meiliUrl"), inject("meiliKey"), "master");

  it("an error answer is MeiliApiError with its status and code, the body as cause", async () => {
    const err = await searchIndex(master(), "no_such_index", { q: "", page: 1, hitsPerPage: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MeiliApiError);
    expect(err).toMatchObject({ status: 404, code: "index_not_found", cause: { code: "index_not_found" } });
  });

  it("a wrong key is MeiliApiError too, not unavailability", async () => {
    const err = await multiSearch(meiliClient(inject("meiliUrl"), "not-a-key", "search"), query).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "MeiliApiError", status: 403, code: "invalid_api_key" });
  });

  it("a task that fails is MeiliTaskError with the task's error code", async () => {
    const err = await deleteIndex(master(), "no_such_index").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MeiliTaskError);
    expect(err).toMatchObject({ code: "index_not_found", cause: { code: "index_not_found" } });
  });

  it("a long wait polls without piling listeners onto one signal (the client's waitForTask left one per poll)", async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on("warning", onWarning);
    try {
      const uid = `wait_${Date.now()}`;
      await createIndex(master(), uid);
      const docs = Array.from({ length: 20_000 }, (_, i) => ({ id: i, text: `职工 ${i} 工会 ${i % 97}` }));
      // polled every millisecond: far more than the 10 listeners Node warns at
      const done = await waitTask(master(), await updateDocuments(master(), uid, docs), { timeout: 60_000, interval: 1 });
      expect(done.status).toBe("succeeded");
      await deleteIndex(master(), uid);
      await new Promise((r) => setImmediate(r)); // warnings are emitted on the next tick
      expect(warnings.filter((w) => w.startsWith("MaxListenersExceededWarning"))).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });
});
