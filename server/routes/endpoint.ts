// One route per entry of the endpoint table (core/api/endpoints.ts): validate the query and path
// parameters with the entry's schemas, call the handler, send its answer with `send`. Routes never
// build error responses: a ZodError or a typed error goes to the error middleware.
import express, { type RequestHandler, type Response, type Router } from "express";
import type { z } from "zod";
import { API, type BodyOf, type EndpointName, type ParamsOf, type QueryOf, type ResponseOf } from "../../core/api/endpoints.ts";
import { toCsv } from "../analytics/csv.ts";
import type { RunContext } from "../pool/pool.ts";
import { HttpError } from "../../core/errors.ts";
import { MAX_SOURCE_BYTES } from "../../core/sources.ts";

/** `ctx`: who asks, and a signal aborted when they go away (analyses in the pool are cancelled then). */
export type Handler<N extends EndpointName> = (input: { query: QueryOf<N>; params: ParamsOf<N>; body: BodyOf<N>; ctx: Required<RunContext> }) => ResponseOf<N> | Promise<ResponseOf<N>>;

export interface RouteOptions<N extends EndpointName> {
  /** the HTTP status of a successful answer; default the entry's, else 200 */
  status?: (body: ResponseOf<N>) => number;
  /** run before the handler on an `admin` entry (server/middlewares/auth.ts requireAdmin) */
  guard?: RequestHandler;
}

/** An upload's bytes: read whole, up to the indexer's own file limit. */
const readRaw = express.raw({ type: () => true, limit: MAX_SOURCE_BYTES });
/** Too large an upload is named, with the limit (body-parser's own error says neither). */
const rawBody: RequestHandler = (req, res, next) =>
  readRaw(req, res, (err?: unknown) => {
    if ((err as { type?: string } | undefined)?.type !== "entity.too.large") return next(err);
    const name = typeof req.params.name === "string" ? req.params.name : "the file";
    next(new HttpError(413, "payload_too_large", `${name}: the file is larger than the upload limit of ${MAX_SOURCE_BYTES / 1048576} MB`, "body"));
  });

/** Registers the table entry `name` on a router mounted at /api. */
export function route<N extends EndpointName>(r: Router, name: N, handler: Handler<N>, options: RouteOptions<N> = {}): void {
  const e = API[name];
  // OpenAPI /api/reports/{id} → Express /reports/:id
  const path = e.path.replace(/^\/api/, "").replace(/\{(\w+)\}/g, ":$1");
  const querySchema = "query" in e ? e.query : undefined;
  const paramsSchema = "params" in e ? e.params : undefined;
  const bodySchema = (e as { body?: z.ZodType | "raw" }).body;
  const method = ((e as { method?: string }).method ?? "GET").toLowerCase() as "get" | "post" | "put" | "delete";
  const before: RequestHandler[] = [];
  if ((e as { admin?: true }).admin) {
    if (!options.guard) throw new Error(`route ${name}: an admin entry needs a guard`);
    before.push(options.guard);
  }
  if (bodySchema === "raw") before.push(rawBody);
  r[method](path, ...before, async (req, res) => {
    const query = (querySchema ? querySchema.parse(req.query) : {}) as QueryOf<N>;
    const params = (paramsSchema ? paramsSchema.parse(req.params) : {}) as ParamsOf<N>;
    const body = (bodySchema === "raw" ? (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)) : bodySchema ? bodySchema.parse(req.body ?? {}) : undefined) as BodyOf<N>;
    const gone = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) gone.abort();
    });
    const answer = await handler({ query, params, body, ctx: { client: req.ip ?? req.socket.remoteAddress ?? "", signal: gone.signal } });
    send(res, name, (query as { format?: string }).format, answer, options.status?.(answer) ?? (e as { status?: number }).status ?? 200);
  });
}

/** JSON, or with format=csv and a CSV entry, the entry's rows and columns (with a BOM, so Excel opens Chinese correctly). */
export function send<N extends EndpointName>(res: Response, name: N, format: string | undefined, body: ResponseOf<N>, status = 200): void {
  const csv = (API[name] as { csv?: { rows: (b: ResponseOf<N>) => Record<string, unknown>[]; columns: readonly { key: string; header: string }[] } }).csv;
  if (format === "csv" && csv) {
    res.status(status);
    res.setHeader("Content-Type", "text/csv; charset=utf-8");
    res.setHeader("Content-Disposition", `attachment; filename="wenyuan-${name}.csv"`);
    res.send(toCsv(csv.rows(body), [...csv.columns]));
    return;
  }
  res.status(status).json(body);
}
