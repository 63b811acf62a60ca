// Health, corpus size and the OpenAPI document.
import { Router, type RequestHandler } from "express";
import type { Lifecycle } from "../lifecycle.ts";
import type { ResponseOf } from "../../core/api/endpoints.ts";
import { openApiDocument } from "../../core/api/openapi.ts";
import { canonicalReportCount } from "../../core/meili/requests.ts";
import { searchIndex } from "../../core/meili/search.ts";
import type { AppDeps } from "../app.ts";
import { SEARCH_UNAVAILABLE } from "../middlewares/error.ts";
import { route } from "./endpoint.ts";
import { readiness } from "./ready.ts";

async function health(deps: AppDeps): Promise<ResponseOf<"health">> {
  const corpus = deps.search.corpus.status;
  const up = await deps.search.meili.isHealthy();
  let reports: number | null = null;
  // Counted with a search (the server's key can only search): canonical reports, no excerpts.
  if (up) {
    reports = await searchIndex(deps.search.meili, deps.search.names.reports, canonicalReportCount())
      .then((x) => x.totalHits)
      .catch(() => null);
  }
  const ok = up && reports !== null;
  return {
    // Reports and analytics answer 503 without the store: so does health.
    status: ok && corpus.ok ? "ok" : "unavailable",
    meilisearch: ok ? "available" : "unavailable",
    reports,
    corpus: corpus.ok ? "ok" : "unavailable",
    ...(ok ? (corpus.ok ? {} : { message: corpus.message ?? undefined }) : { message: SEARCH_UNAVAILABLE }),
  };
}

const LIVE = JSON.stringify({ status: "live" });

/**
 * Liveness: the process answers, and nothing it cannot recover from by itself has happened (its
 * own Meilisearch would not restart: 503 with the reason, so a supervisor restarts the process).
 * No await, no body parsing: a prepared body written straight out.
 */
export function liveness(lifecycle: Lifecycle): RequestHandler {
  return (_req, res) => {
    const dead = lifecycle.dead;
    const body = dead === null ? LIVE : JSON.stringify({ status: "failed", error: { code: "meilisearch_failed", message: dead } });
    res.writeHead(dead === null ? 200 : 503, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(body), "Cache-Control": "no-store" });
    res.end(body);
  };
}

export function healthRoutes(deps: AppDeps): Router {
  const r = Router();
  route(r, "health", () => health(deps), { status: (body) => (body.status === "ok" ? 200 : 503) });
  // Liveness is mounted first in the app (liveness below). Readiness: it can serve now (ready.ts).
  r.get("/health/ready", async (_req, res) => {
    const body = await readiness(deps);
    res.setHeader("Cache-Control", "no-store");
    res.status(body.ready ? 200 : 503).json(body);
  });
  route(r, "stats", () => deps.search.corpus.getStats());
  const doc = openApiDocument();
  r.get("/openapi.json", (_req, res) => {
    res.json(doc);
  });
  return r;
}
