// Health, corpus size and the OpenAPI document.
import { Router } from "express";
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

export function healthRoutes(deps: AppDeps): Router {
  const r = Router();
  route(r, "health", () => health(deps), { status: (body) => (body.status === "ok" ? 200 : 503) });
  // Liveness: the process answers. Readiness: it can serve now (ready.ts).
  r.get("/health/live", (_req, res) => void res.setHeader("Cache-Control", "no-store").json({ status: "live" }));
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
