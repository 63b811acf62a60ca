// The Express application: API under /api, the built web app everywhere else.
import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { type Express } from "express";
import helmet from "helmet";
import { rateLimit } from "express-rate-limit";
import type { ResolvedConfig } from "../core/config.ts";
import type { SearchDeps } from "./search/search.ts";
import type { ReportDetail } from "../core/api/schema.ts";
import type { Report } from "../core/model.ts";
import { errorMiddleware, notFoundApi } from "./middlewares/error.ts";
import { searchRoutes } from "./routes/search.ts";
import { healthRoutes } from "./routes/health.ts";
import { analyticsRoutes, type AnalyticsDeps } from "./routes/analytics.ts";

export interface AppDeps {
  config: Pick<ResolvedConfig, "rateLimit" | "rateLimitLocal" | "projectRoot">;
  search: SearchDeps;
  analytics: AnalyticsDeps;
  reportThemes: (r: Report) => ReportDetail["themes"];
  /** folder with the built web app; null = API only */
  webDir: string | null;
  log?: (msg: string) => void;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  app.use(
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
        },
      },
    }),
  );
  app.use(express.json({ limit: "64kb" }));

  if (deps.config.rateLimit > 0) {
    app.use(
      "/api",
      rateLimit({
        windowMs: 60_000,
        limit: deps.config.rateLimit,
        standardHeaders: "draft-8",
        legacyHeaders: false,
        skip: (req) => !deps.config.rateLimitLocal && LOOPBACK.has(req.ip ?? ""),
        handler: (_req, res) => {
          res.status(429).json({ error: { code: "rate_limited", message: "too many requests; slow down" } });
        },
      }),
    );
  }

  app.use("/api", healthRoutes(deps));
  app.use("/api", searchRoutes(deps));
  app.use("/api", analyticsRoutes(deps.analytics));
  app.use("/api", notFoundApi);

  if (deps.webDir && existsSync(join(deps.webDir, "index.html"))) {
    const webDir = deps.webDir;
    app.use(express.static(webDir, { index: false, maxAge: "1h", setHeaders: (res, path) => path.endsWith(".html") && res.setHeader("Cache-Control", "no-cache") }));
    // Client-side routes (/report/…, /kwic …) all get the app shell.
    app.get(/^(?!\/api\/).*/, (_req, res) => {
      res.setHeader("Cache-Control", "no-cache");
      res.sendFile(join(webDir, "index.html"));
    });
  }

  app.use(errorMiddleware(deps.log));
  return app;
}
