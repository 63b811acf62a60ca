// The Express application: API under /api, the built web app everywhere else, all of it under
// the base path (WENYUAN_BASE_PATH) so a proxy can serve it at https://lab.example/wenyuan/.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import express, { Router, type Express, type RequestHandler } from "express";
import helmet from "helmet";
import { rateLimit } from "express-rate-limit";
import type { ResolvedConfig } from "../core/config.ts";
import { NotFoundError } from "../core/errors.ts";
import type { SearchDeps } from "./search/search.ts";
import type { ReportDetail } from "../core/api/schema.ts";
import type { Report } from "../core/model.ts";
import { errorMiddleware } from "./middlewares/error.ts";
import { unmatchedApi } from "./middlewares/methods.ts";
import { LOOPBACK, loginRoutes, readAuth } from "./middlewares/auth.ts";
import { drain } from "./middlewares/lifecycle.ts";
import { Lifecycle } from "./lifecycle.ts";
import { searchRoutes } from "./routes/search.ts";
import { healthRoutes, liveness } from "./routes/health.ts";
import { analyticsRoutes, analyticsTasks, type AnalyticsDeps } from "./routes/analytics.ts";
import { codingRoutes } from "./routes/codings.ts";
import { draftBody, draftRoutes } from "./routes/draft.ts";
import { corpusRoutes } from "./routes/corpus.ts";
import { queryRoutes } from "./routes/queries.ts";
import { exportRoutes } from "./routes/export.ts";
import { parquetRoutes } from "./routes/parquet.ts";
import type { CorpusManager } from "./corpus/manage.ts";
import { Subcorpora } from "./corpus/subcorpora.ts";
import { subcorpusRoutes } from "./routes/subcorpora.ts";

export type AppConfig = Pick<ResolvedConfig, "rateLimit" | "rateLimitLocal" | "projectRoot" | "https" | "trustProxy" | "basePath" | "readToken" | "adminToken" | "dataDir">;

export interface AppDeps {
  config: AppConfig;
  search: SearchDeps;
  analytics: AnalyticsDeps;
  /** uploads, removals, corrections (corpus/manage.ts) */
  manager: CorpusManager;
  reportThemes: (r: Report) => ReportDetail["themes"];
  /** folder with the built web app; null = API only */
  webDir: string | null;
  /** starting / indexing / draining, for readiness and shutdown; default: a fresh one, started */
  lifecycle?: Lifecycle;
  log?: (msg: string) => void;
}


/**
 * helmet's headers. HSTS and `upgrade-insecure-requests` only over TLS (WENYUAN_HTTPS, or a TLS
 * proxy that `trust proxy` believes): sent over plain HTTP from a host name or LAN address they
 * rewrite every asset URL to https, and the page stays blank.
 */
function securityHeaders(config: AppConfig): RequestHandler {
  const make = (tls: boolean) =>
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", "data:", "blob:"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: tls ? [] : null,
        },
      },
      strictTransportSecurity: tls,
    });
  const plain = make(false);
  const tls = make(true);
  return (req, res, next) => (config.https || req.secure ? tls : plain)(req, res, next);
}

/**
 * The built index.html with its asset URLs and the base path the web app reads (a meta tag: the
 * CSP allows no inline script). Vite builds with relative URLs (base "./"); the shell is served at
 * every client route, so they are made absolute here. Re-read when the build changes.
 */
function appShell(webDir: string, basePath: string): () => string {
  const file = join(webDir, "index.html");
  let cached: { mtime: number; html: string } | null = null;
  return () => {
    const mtime = statSync(file).mtimeMs;
    if (cached?.mtime !== mtime) {
      const html = readFileSync(file, "utf8")
        .replace(/(src|href)="\.?\/assets\//g, `$1="${basePath}/assets/`)
        .replace("<head>", `<head>\n    <meta name="wenyuan-base" content="${basePath}" />`);
      cached = { mtime, html };
    }
    return cached.html;
  };
}

/** A request for a file (an asset, a favicon) is never answered with the app shell. */
const FILE_LIKE = /^\/assets\/|\.(js|mjs|css|map|png|jpe?g|gif|svg|ico|webp|woff2?|ttf|txt|json|webmanifest)$/i;

export function createApp(deps: AppDeps): Express {
  const { config } = deps;
  const lifecycle = deps.lifecycle ?? new Lifecycle();
  if (!deps.lifecycle) lifecycle.markStarted();
  const app = express();
  // Liveness first, before helmet, auth, the rate limit, body parsing and the drain counter: it
  // answers from memory, so a supervisor's probe never queues behind searches or analytics.
  app.get(`${config.basePath}/api/health/live`, liveness(lifecycle));
  app.disable("x-powered-by");
  // No ETag on answers: Express hashes every body for one (SHA-1 of each search page, ~3 % of the
  // server's CPU under load) and API answers are not revalidated; the built assets keep theirs
  // (express.static sets its own).
  app.set("etag", false);
  app.set("query parser", "simple");
  app.set("trust proxy", config.trustProxy);
  app.use(securityHeaders(config));
  app.use(drain(lifecycle));

  const r = Router();
  r.use(loginRoutes(config));
  r.use(readAuth(config));
  // a whole draft is larger than any other JSON body; parsed here, the 64 kB parser skips it
  r.use("/api/draft-check", draftBody);
  r.use(express.json({ limit: "64kb" }));

  if (config.rateLimit > 0) {
    r.use(
      "/api",
      rateLimit({
        windowMs: 60_000,
        limit: config.rateLimit,
        standardHeaders: "draft-8",
        legacyHeaders: false,
        skip: (req) => !config.rateLimitLocal && LOOPBACK.has(req.ip ?? ""),
        handler: (_req, res) => {
          res.status(429).json({ error: { code: "rate_limited", message: "too many requests; slow down" } });
        },
      }),
    );
  }

  r.use("/api", healthRoutes({ ...deps, lifecycle }));
  r.use("/api", searchRoutes(deps));
  // codings (categorised concordances) live in the data folder; breakdown and trends read them for coding=…&exclude=…
  const analytics = { dataDir: config.dataDir, ...deps.analytics };
  r.use("/api", analyticsRoutes(analytics));
  r.use("/api", draftRoutes(deps.analytics));
  r.use("/api", corpusRoutes(deps.manager, config));
  // named subcorpora: every route of the table resolves `subcorpus=` through this one store (routes/endpoint.ts)
  const subcorpora = new Subcorpora({ dataDir: config.dataDir, corpus: deps.analytics.corpus, segmenter: deps.analytics.segmenter, synonyms: deps.analytics.synonyms });
  app.locals.subcorpora = subcorpora;
  r.use("/api", subcorpusRoutes(subcorpora, config));
  r.use("/api", queryRoutes(config));
  r.use("/api", codingRoutes({ dataDir: config.dataDir, corpus: deps.analytics.corpus, tasks: analyticsTasks(deps.analytics) }, config));
  r.use("/api", parquetRoutes(deps, subcorpora));
  r.use("/api", exportRoutes({ ...deps, analytics }, subcorpora));
  r.use("/api", unmatchedApi());

  if (deps.webDir && existsSync(join(deps.webDir, "index.html"))) {
    const webDir = deps.webDir;
    const shell = appShell(webDir, config.basePath);
    r.use(express.static(webDir, { index: false, maxAge: "1h", setHeaders: (res, path) => path.endsWith(".html") && res.setHeader("Cache-Control", "no-cache") }));
    r.use((req, _res, next) => next(FILE_LIKE.test(req.path) ? new NotFoundError(`no file ${req.path}`) : undefined));
    // Client-side routes (/report/…, /kwic …) all get the app shell.
    r.get(/^(?!\/api\/).*/, (_req, res) => {
      res.setHeader("Cache-Control", "no-cache");
      res.type("html").send(shell());
    });
  }

  if (config.basePath) {
    const base = config.basePath;
    // /wenyuan → /wenyuan/ (relative links and the router's basename expect the slash)
    app.get(base, (req, res, next) => (req.path === base ? res.redirect(301, `${base}/${req.url.slice(base.length)}`) : next()));
  }
  app.use(config.basePath || "/", r);
  app.use((req, _res, next) => next(new NotFoundError(`nothing at ${req.path}${config.basePath ? `; this Wenyuan lives under ${config.basePath}/` : ""}`)));
  app.use(errorMiddleware(deps.log));
  return app;
}
