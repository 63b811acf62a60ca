// Thin search routes, one per entry of the endpoint table: call a service, route() sends it.
import { Router } from "express";
import { search } from "../search/search.ts";
import { facetValues, getReport, listReports, suggest } from "../search/reports.ts";
import type { AppDeps } from "../app.ts";
import { route } from "./endpoint.ts";

export function searchRoutes(deps: AppDeps): Router {
  const r = Router();
  route(r, "search", ({ query, ctx }) => search(deps.search, query, ctx));
  route(r, "reports", ({ query, ctx }) => listReports(deps.search, query, ctx));
  route(r, "report", ({ query, params }) => getReport(deps.search, params.id, query.highlight, query.match, deps.reportThemes));
  route(r, "facet", ({ query, params }) => facetValues(deps.search, params.name, query));
  route(r, "suggest", ({ query }) => suggest(deps.search.corpus, query.q, query.limit));
  return r;
}
