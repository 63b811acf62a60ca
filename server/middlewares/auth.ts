// Optional access control. Reading: with WENYUAN_READ_TOKEN set, API clients send it as
// `Authorization: Bearer …`; browsers sign in once on /login and get a session cookie (HttpOnly,
// SameSite=Strict, Secure behind TLS) that is an HMAC of an expiry under the token, so nothing is
// stored and changing the token signs everyone out. Writing: `requireAdmin` (corpus management).
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import express, { Router, type Request, type RequestHandler } from "express";
import { rateLimit } from "express-rate-limit";
import type { ResolvedConfig } from "../../core/config.ts";
import { ForbiddenError, UnauthorizedError } from "../../core/errors.ts";

type AuthConfig = Pick<ResolvedConfig, "readToken" | "adminToken" | "basePath" | "https"> & Partial<Pick<ResolvedConfig, "loginFailures">>;

const COOKIE = "wenyuan_session";
const SESSION_DAYS = 30;
const LOGIN_WINDOW_MS = 15 * 60_000;
/** reachable without signing in: the probes a supervisor or proxy polls, and the login page itself */
const OPEN_PATHS = new Set(["/api/health/live", "/api/health/ready", "/login", "/logout"]);
export const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/** A key of this process: what is compared is a digest under it, never the secret itself. */
const COMPARE_KEY = randomBytes(32);

/**
 * Whether `given` is `secret`, in time that depends on neither: both are compared as fixed-length
 * HMAC-SHA256 digests, so not even the secret's length shows (a length check before
 * timingSafeEqual answers a wrong length sooner). `equal` is there for the test to watch.
 */
export function sameSecret(given: string, secret: string, equal: (a: Buffer, b: Buffer) => boolean = timingSafeEqual): boolean {
  const digest = (s: string) => createHmac("sha256", COMPARE_KEY).update(s).digest();
  return equal(digest(given), digest(secret));
}
const same = (a: string, b: string) => sameSecret(a, b);

function bearer(req: Request): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.get("authorization") ?? "");
  return m ? m[1] : null;
}

const sign = (token: string, expires: number) => createHmac("sha256", token).update(`wenyuan-session:${expires}`).digest("base64url");

function sessionValid(req: Request, token: string): boolean {
  const raw = (req.get("cookie") ?? "")
    .split(";")
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${COOKIE}=`))
    ?.slice(COOKIE.length + 1);
  const m = raw ? /^(\d+)\.([\w-]+)$/.exec(raw) : null;
  if (!m || Number(m[1]) < Date.now()) return false;
  return same(m[2], sign(token, Number(m[1])));
}

const secure = (config: AuthConfig, req: Request) => config.https || req.secure;

function sessionCookie(config: AuthConfig, req: Request, value: string, maxAge: number): string {
  return [`${COOKIE}=${value}`, `Path=${config.basePath || "/"}`, `Max-Age=${maxAge}`, "HttpOnly", "SameSite=Strict", ...(secure(config, req) ? ["Secure"] : [])].join("; ");
}

/** Whether the request may read: no read token configured, the read or admin token as Bearer, or a valid session. */
export function canRead(config: AuthConfig, req: Request): boolean {
  if (!config.readToken) return true;
  const b = bearer(req);
  if (b && (same(b, config.readToken) || (config.adminToken !== null && same(b, config.adminToken)))) return true;
  return sessionValid(req, config.readToken);
}

/** Paths are relative to the base path (the router is mounted there). */
export function readAuth(config: AuthConfig): RequestHandler {
  return (req, res, next) => {
    if (!config.readToken || OPEN_PATHS.has(req.path) || canRead(config, req)) return next();
    // A browser navigating (it asks for text/html by name) is sent to sign in; anything else gets a 401.
    const navigating = (req.method === "GET" || req.method === "HEAD") && (req.get("accept") ?? "").includes("text/html");
    if (!req.path.startsWith("/api/") && navigating) {
      res.redirect(303, `${config.basePath}/login?next=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    res.setHeader("WWW-Authenticate", 'Bearer realm="wenyuan"');
    next(new UnauthorizedError());
  };
}

/**
 * Guards a write route: `Authorization: Bearer <WENYUAN_ADMIN_TOKEN>`, or, when no admin token is
 * set, a request made on this machine directly (a request relayed by a proxy carries forwarding
 * headers and is refused, since behind nginx every client would otherwise look local).
 */
export function requireAdmin(config: Pick<ResolvedConfig, "adminToken">): RequestHandler {
  return (req, _res, next) => {
    if (config.adminToken) {
      const b = bearer(req);
      return next(b && same(b, config.adminToken) ? undefined : new ForbiddenError("writing needs Authorization: Bearer <WENYUAN_ADMIN_TOKEN>"));
    }
    const relayed = req.get("x-forwarded-for") !== undefined || req.get("forwarded") !== undefined || req.get("x-real-ip") !== undefined;
    const local = LOOPBACK.has(req.socket.remoteAddress ?? "") && !relayed;
    next(local ? undefined : new ForbiddenError("writing is allowed only from this machine unless WENYUAN_ADMIN_TOKEN is set"));
  };
}

/** Where to go after signing in: a path of this app, never another site. */
function safeNext(config: AuthConfig, next: unknown): string {
  const home = `${config.basePath}/`;
  return typeof next === "string" && next.startsWith(home) && !next.startsWith("//") && !next.includes("\\") ? next : home;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** `problem`: a wrong token, or too many of them (`too_many:<minutes to wait>`). */
function loginPage(config: AuthConfig, next: string, problem: "wrong" | `too_many:${number}` | null): string {
  const minutes = problem?.startsWith("too_many:") ? Number(problem.slice("too_many:".length)) : 0;
  const message = problem === "wrong" ? "令牌不正确 · Wrong token" : problem ? `登录失败次数过多，请 ${minutes} 分钟后再试 · Too many failed sign-ins: try again in ${minutes} min` : "";
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>登录 · 文渊 Wenyuan</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;max-width:22rem;margin:12vh auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem}label{display:block;margin:1rem 0 .3rem}input{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}
button{margin-top:1rem;padding:.5rem 1.2rem;font-size:1rem}.error{color:#b00020}</style></head>
<body><main><h1>文渊 Wenyuan</h1><p>此语料库不公开，请输入访问令牌。<br>This corpus is private: enter the access token.</p>
${message ? `<p class="error" role="alert">${message}</p>` : ""}
<form method="post" action="${escape(config.basePath)}/login"><input type="hidden" name="next" value="${escape(next)}">
<label for="token">访问令牌 · Access token</label><input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<button type="submit">登录 · Sign in</button></form></main></body></html>`;
}

/** GET/POST /login and POST /logout (only with a read token). */
export function loginRoutes(config: AuthConfig): Router {
  const r = Router();
  const token = config.readToken;
  if (!token) return r;
  r.get("/login", (req, res) => {
    const next = safeNext(config, req.query.next);
    if (canRead(config, req)) return res.redirect(303, next);
    res.setHeader("Cache-Control", "no-store");
    res.type("html").send(loginPage(config, next, null));
  });
  // Guessing the token is slowed down: after `loginFailures` wrong tokens from one address in 15
  // minutes, every sign-in from it waits (429, Retry-After) until the window has passed.
  const failures = config.loginFailures ?? 10;
  const limited: RequestHandler[] = failures > 0
    ? [
        rateLimit({
          windowMs: LOGIN_WINDOW_MS,
          limit: failures,
          skipSuccessfulRequests: true,
          standardHeaders: "draft-8",
          legacyHeaders: false,
          handler: (req, res) => {
            const minutes = Math.max(1, Math.ceil(Number(res.getHeader("Retry-After") ?? 60) / 60));
            res.status(429).setHeader("Cache-Control", "no-store");
            res.type("html").send(loginPage(config, safeNext(config, (req.body as Record<string, unknown> | undefined)?.next), `too_many:${minutes}`));
          },
        }),
      ]
    : [];
  r.post("/login", express.urlencoded({ extended: false, limit: "4kb" }), ...limited, (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const next = safeNext(config, body.next);
    if (typeof body.token !== "string" || !same(body.token, token)) {
      res.status(401).setHeader("Cache-Control", "no-store");
      res.type("html").send(loginPage(config, next, "wrong"));
      return;
    }
    const maxAge = SESSION_DAYS * 86_400;
    const expires = Date.now() + maxAge * 1000;
    res.setHeader("Set-Cookie", sessionCookie(config, req, `${expires}.${sign(token, expires)}`, maxAge));
    res.redirect(303, next);
  });
  r.post("/logout", (req, res) => {
    res.setHeader("Set-Cookie", sessionCookie(config, req, "", 0));
    res.redirect(303, `${config.basePath}/login`);
  });
  return r;
}
