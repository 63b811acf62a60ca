// Named subcorpora, one route per entry of the endpoint table: list, one, save, edit, delete
// (server/corpus/subcorpora.ts keeps them). Reading follows read access; writes need the admin
// guard, as corpus management does: a subcorpus is shared by everyone on the instance.
import { Router } from "express";
import type { ResolvedConfig } from "../../core/config.ts";
import type { Subcorpora } from "../corpus/subcorpora.ts";
import { requireAdmin } from "../middlewares/auth.ts";
import { route } from "./endpoint.ts";

export function subcorpusRoutes(store: Subcorpora, config: Pick<ResolvedConfig, "adminToken">): Router {
  const r = Router();
  const guard = requireAdmin(config);
  // who, when the body names nobody: as the corrections' history says it
  const who = (client: string) => (config.adminToken ? `admin token (${client})` : `local (${client})`);
  route(r, "subcorpora", () => ({ subcorpora: store.list() }));
  route(r, "subcorpus", ({ params }) => store.get(params.id));
  route(r, "createSubcorpus", ({ body, ctx }) => store.create(body, who(ctx.client)), { guard });
  route(r, "replaceSubcorpus", ({ params, body }) => store.replace(params.id, body), { guard });
  route(r, "deleteSubcorpus", ({ params }) => store.remove(params.id), { guard });
  return r;
}
