// Readiness for a supervisor or a load balancer: 503 while starting, indexing or draining, and
// while Meilisearch or the corpus store is down. Each check is named in the body.
import type { AppDeps } from "../app.ts";

export interface Readiness {
  ready: boolean;
  /** why not, or null */
  reason: "starting" | "indexing" | "draining" | "search_unavailable" | "corpus_unavailable" | null;
  meilisearch: "available" | "unavailable";
  corpus: "ok" | "unavailable";
  /** requests being answered besides this one: what a shutdown would wait for */
  inFlight: number;
}

export async function readiness(deps: Pick<AppDeps, "search" | "lifecycle">): Promise<Readiness> {
  const phase = deps.lifecycle?.notReady() ?? null;
  const up = await deps.search.meili.isHealthy();
  const corpus = deps.search.corpus.status.ok;
  const reason = phase ?? (!up ? "search_unavailable" : !corpus ? "corpus_unavailable" : null);
  return { ready: reason === null, reason, meilisearch: up ? "available" : "unavailable", corpus: corpus ? "ok" : "unavailable", inFlight: Math.max(0, (deps.lifecycle?.requestsInFlight ?? 1) - 1) };
}
