// Thin routes: validate with the shared schemas, call a service, send JSON.
import { Router } from "express";
import { z } from "zod";
import * as S from "../../core/api/schema.ts";
import { search } from "../search/search.ts";
import { facetValues, getReport, listReports, suggest } from "../search/reports.ts";
import type { AppDeps } from "../app.ts";

export function searchRoutes(deps: AppDeps): Router {
  const r = Router();
  r.get("/search", async (req, res) => {
    res.json(await search(deps.search, S.SearchQuerySchema.parse(req.query)));
  });
  r.get("/reports", async (req, res) => {
    res.json(await listReports(deps.search, S.ReportsQuerySchema.parse(req.query)));
  });
  r.get("/reports/:id", (req, res) => {
    const id = z.string().max(64).regex(/^[\w-]+$/, "not a report id").parse(req.params.id);
    const q = S.ReportQuerySchema.parse(req.query);
    res.json(getReport(deps.search, id, q.highlight, q.match, deps.reportThemes));
  });
  r.get("/facets/:name", async (req, res) => {
    const name = z.enum(S.FACETS).parse(req.params.name);
    res.json(await facetValues(deps.search, name, S.FacetQuerySchema.parse(req.query)));
  });
  r.get("/suggest", (req, res) => {
    const q = S.SuggestQuerySchema.parse(req.query);
    res.json(suggest(deps.search.corpus, q.q, q.limit));
  });
  return r;
}
