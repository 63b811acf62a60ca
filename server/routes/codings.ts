// Categorised concordance routes, one per entry of the endpoint table: a coding by query or id,
// create/replace, set lines' categories, delete, and the distribution of its categories. Writes
// need the admin guard (server/middlewares/auth.ts), as corrections do.
import { Router } from "express";
import type { ResolvedConfig } from "../../core/config.ts";
import { Codings, type CodingDeps } from "../corpus/codings.ts";
import { requireAdmin } from "../middlewares/auth.ts";
import { route } from "./endpoint.ts";

export function codingRoutes(deps: CodingDeps, config: Pick<ResolvedConfig, "adminToken">): Router {
  const r = Router();
  const guard = requireAdmin(config);
  const codings = new Codings(deps);
  // who, for the coding's `by`: the guard let the request through with the admin token, or from this machine
  const who = (client: string) => (config.adminToken ? `admin token (${client})` : `local (${client})`);
  route(r, "codingOf", ({ query, ctx }) => codings.ofQuery(query, ctx));
  route(r, "codingById", ({ params, ctx }) => codings.byId(params.id, ctx));
  route(r, "codingDistribution", ({ query, ctx }) => codings.distribution(query.coding, query.by, ctx));
  route(r, "saveCoding", ({ body, ctx }) => codings.save(body, who(ctx.client), ctx), { guard });
  route(r, "codeLines", ({ params, body, ctx }) => codings.code(params.id, body.set, who(ctx.client), ctx), { guard });
  route(r, "deleteCoding", ({ params }) => codings.remove(params.id), { guard });
  return r;
}
