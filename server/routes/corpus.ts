// Corpus management routes, one per entry of the endpoint table: list the sources, stage uploads,
// start and follow indexing jobs, correct a report's metadata. Writes need the admin guard.
import { Router } from "express";
import type { ResolvedConfig } from "../../core/config.ts";
import { readCorrections, readRetired } from "../../core/corrections.ts";
import { correctionHistory } from "../corpus/corrections.ts";
import { readManifest } from "../../core/store.ts";
import type { CorpusManager } from "../corpus/manage.ts";
import { requireAdmin } from "../middlewares/auth.ts";
import { route } from "./endpoint.ts";

export function corpusRoutes(manager: CorpusManager, config: Pick<ResolvedConfig, "adminToken" | "dataDir">): Router {
  const r = Router();
  const guard = requireAdmin(config);
  route(r, "sources", () => ({ sources: manager.sources(), generation: readManifest(config.dataDir)?.generation ?? 0 }));
  route(r, "corrections", () => ({ reports: readCorrections(config.dataDir), retired: readRetired(config.dataDir) }));
  route(r, "correctionHistory", ({ query }) => correctionHistory(config.dataDir, query.report, query.limit));
  route(r, "job", ({ params }) => manager.job(params.id));
  route(r, "upload", ({ params, body }) => ({ upload: manager.stage(params.name, body), name: params.name }), { guard });
  route(r, "startJob", ({ body }) => ("add" in body ? manager.add(body.add, body.replace) : manager.remove(body.remove[0])), { guard });
  // who, for the history: the guard let the request through with the admin token, or from this machine
  const who = (client: string) => (config.adminToken ? `admin token (${client})` : `local (${client})`);
  route(r, "correct", async ({ params, body, ctx }) => ({ id: params.id, correction: (await manager.correct([params.id], body, who(ctx.client))).corrections[params.id] }), { guard });
  route(r, "correctMany", async ({ body, ctx }) => ({ ids: [...new Set(body.ids)], ...(await manager.correct(body.ids, body.set, who(ctx.client))) }), { guard });
  route(r, "undoCorrection", ({ body, ctx }) => manager.undo(body, who(ctx.client)), { guard });
  return r;
}
