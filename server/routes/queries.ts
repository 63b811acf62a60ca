// Saved queries (data/queries.json): read by anyone who may read, written with the admin guard.
import { Router } from "express";
import type { ResolvedConfig } from "../../core/config.ts";
import { SAVED_QUERIES_MAX } from "../../core/api/schema.ts";
import { deleteQuery, listQueries, saveQuery } from "../corpus/queries.ts";
import { requireAdmin } from "../middlewares/auth.ts";
import { route } from "./endpoint.ts";

export function queryRoutes(config: Pick<ResolvedConfig, "adminToken" | "dataDir">): Router {
  const r = Router();
  const guard = requireAdmin(config);
  // who, as the corrections' history says it: the admin token or this machine, with the client address
  const who = (client: string) => (config.adminToken ? `admin token (${client})` : `local (${client})`);
  route(r, "queries", () => ({ queries: listQueries(config.dataDir), max: SAVED_QUERIES_MAX }));
  route(r, "saveQuery", ({ body, ctx }) => saveQuery(config.dataDir, body, who(ctx.client)), { guard });
  route(r, "deleteQuery", ({ params }) => ({ deleted: deleteQuery(config.dataDir, params.id) }), { guard });
  return r;
}
