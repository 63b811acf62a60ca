// Issue 13: an analysis that needs more memory than a worker may hold takes down its worker, not
// the server: the request is answered 503 analytics_memory (not 500), a fresh worker takes the
// dead one's place, and health and the next analysis answer as before. The worker's heap limit is
// WENYUAN_ANALYTICS_HEAP_MB. No analysis the API accepts needs that much on a test corpus (they
// count in typed arrays, outside the heap), so the task is sent to the real pool directly, with
// a `similar` draft of 8 million tokens that the worker must hold to read it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnalyticsMemoryError } from "../../core/errors.ts";
import { SimilarQuerySchema } from "../../core/api/schema.ts";
import { getJson, startApp, type TestApp } from "../helpers/app.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startApp({ env: { WENYUAN_ANALYTICS_HEAP_MB: "64" } });
}, 120_000);
afterAll(() => app?.stop());

describe("a worker out of memory", () => {
  it("answers 503 analytics_memory naming the limit, and the pool goes on with a fresh worker", async () => {
    expect((await getJson(app.url, "/api/frequency?limit=5")).status).toBe(200);

    const tokens = Array.from({ length: 8_000_000 }, (_, i) => `职工${i}`);
    const q = SimilarQuerySchema.parse({ text: "职工" });
    const err = await app.corpus.run({ name: "similar", q, selection: { filters: {}, parsed: null }, tokens }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AnalyticsMemoryError);
    expect((err as AnalyticsMemoryError).status).toBe(503);
    expect((err as AnalyticsMemoryError).code).toBe("analytics_memory");
    expect((err as Error).message).toContain("64 MB");
    expect((err as Error).message).toContain("WENYUAN_ANALYTICS_HEAP_MB");

    const health = await getJson(app.url, "/api/health");
    expect(health.status).toBe(200);
    // every worker answers again (more requests than workers, distinct so the cache does not answer)
    for (const limit of [6, 7, 8, 9]) {
      const res = await getJson<{ rows: unknown[] }>(app.url, `/api/frequency?limit=${limit}`);
      expect(res.status).toBe(200);
      expect(res.body.rows.length).toBeGreaterThan(0);
    }
  }, 120_000);
});
