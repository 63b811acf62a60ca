// The one place errors become HTTP responses: `{ error: { code, message, field? } }`.
// No stack traces or internal paths leave the server.
import type { ErrorRequestHandler } from "express";
import { ZodError } from "zod";
import type { ErrorCode } from "../../core/api/errorCodes.ts";
import { AnalyticsBusyError, HttpError, MethodNotAllowedError } from "../../core/errors.ts";
import { MeiliApiError, MeiliUnavailableError } from "../../core/meili/errors/index.ts";

/** Also what /api/health says while Meilisearch is down. */
export const SEARCH_UNAVAILABLE = "Meilisearch is unavailable; search will resume when it is back";

export function formatZodError(e: ZodError): { message: string; field?: string } {
  const issue = e.issues[0];
  const field = issue?.path.filter((p) => typeof p === "string").join(".") || undefined;
  return { message: field ? `${field}: ${issue.message}` : (issue?.message ?? "invalid request"), field };
}

export function errorMiddleware(log: (msg: string) => void = (m) => console.error(m)): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    void _next;
    if (res.headersSent) return;
    if (err instanceof ZodError) {
      res.status(400).json({ error: { code: "invalid_parameter", ...formatZodError(err) } });
      return;
    }
    // Down, restarting or too slow: a 503 the web app retries, never a 500.
    if (err instanceof MeiliUnavailableError) {
      res.status(503).json({ error: { code: "search_unavailable", message: SEARCH_UNAVAILABLE } });
      return;
    }
    if (err instanceof HttpError) {
      if (err instanceof MethodNotAllowedError) res.setHeader("Allow", err.allow.join(", "));
      if (err instanceof AnalyticsBusyError) res.setHeader("Retry-After", String(err.retryAfter));
      res.status(err.status).json({ error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}), ...(err.detail ? { detail: err.detail } : {}) } });
      return;
    }
    // body-parser and friends mark client errors with a status (and body-parser a `type`).
    const status = (err as { status?: number; statusCode?: number }).status ?? (err as { statusCode?: number }).statusCode;
    if (typeof status === "number" && status >= 400 && status < 500) {
      const type = (err as { type?: string }).type;
      const code: ErrorCode = type === "entity.parse.failed" ? "invalid_json" : type === "entity.too.large" ? "payload_too_large" : "bad_request";
      res.status(status).json({ error: { code, message: code === "invalid_json" ? "the request body is not valid JSON" : code === "payload_too_large" ? "the request body is too large" : "request rejected" } });
      return;
    }
    if (err instanceof MeiliApiError) {
      log(`[meilisearch] ${req.method} ${req.path}: ${err.code} ${err.message}`);
      res.status(502).json({ error: { code: "search_error", message: "the search engine rejected the query" } });
      return;
    }
    log(`[error] ${req.method} ${req.path}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    res.status(500).json({ error: { code: "internal", message: "internal error" } });
  };
}
