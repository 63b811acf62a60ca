// What an /api request that no route answered gets: 405 with `Allow` when the path is an endpoint
// of the table (core/api/endpoints.ts) or one of the few routes outside it, else 404. Both as
// typed errors, so the one error middleware writes them.
import type { RequestHandler } from "express";
import { ENDPOINTS } from "../../core/api/endpoints.ts";
import { MethodNotAllowedError, NotFoundError } from "../../core/errors.ts";

/** GET routes that are not in the endpoint table (documents and probes, not data). */
const OTHER_GET = ["/api/openapi.json", "/api/health/live", "/api/health/ready"];

interface PathMethods {
  pattern: RegExp;
  methods: string[];
}

function table(extra: readonly { path: string; method?: string }[]): PathMethods[] {
  const byPath = new Map<string, Set<string>>();
  const entries: { path: string; method?: string }[] = [
    // An entry may name its method (corpus management's POST/DELETE); the default is GET.
    ...ENDPOINTS.map((e) => ({ path: e.path as string, method: (e as { method?: string }).method })),
    ...OTHER_GET.map((path) => ({ path })),
    ...extra,
  ];
  for (const e of entries) {
    const methods = byPath.get(e.path) ?? new Set<string>();
    const m = (e.method ?? "GET").toUpperCase();
    methods.add(m);
    if (m === "GET") methods.add("HEAD");
    byPath.set(e.path, methods);
  }
  return [...byPath].map(([path, methods]) => ({
    // /api/reports/{id} → ^/api/reports/[^/]+$
    pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{\w+\}/g, "[^/]+")}$`),
    methods: [...methods],
  }));
}

/** Mounted at /api after every API route; `extra` lists routes registered outside the table. */
export function unmatchedApi(extra: readonly { path: string; method?: string }[] = []): RequestHandler {
  const paths = table(extra);
  return (req, _res, next) => {
    const path = `/api${req.path}`.replace(/\/+$/, "") || "/api";
    const found = paths.filter((t) => t.pattern.test(path));
    if (found.length === 0) return next(new NotFoundError(`no API endpoint ${req.method} ${path}`));
    next(new MethodNotAllowedError(req.method, path, [...new Set(found.flatMap((t) => t.methods))]));
  };
}
