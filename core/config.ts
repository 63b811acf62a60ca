// The one place that reads process.env. Everything else receives a ResolvedConfig.
import { isAbsolute, resolve } from "node:path";
import { z } from "zod";
import { SEGMENTER_ENGINES } from "./text/segment.ts";

export interface ResolvedConfig {
  /** interface the HTTP server listens on; loopback unless the operator opens it */
  readonly host: string;
  readonly port: number;
  /** a second port answering only liveness, from a thread of its own (server/liveness.ts); null = none */
  readonly livenessPort: number | null;
  /** the app is reached over TLS (directly or through a proxy): send HSTS, upgrade-insecure-requests, Secure cookies */
  readonly https: boolean;
  /** Express `trust proxy`: false, true, a hop count or a list of addresses/subnets */
  readonly trustProxy: boolean | number | string;
  /** public path prefix ("" or "/wenyuan"); every route, asset and cookie lives under it */
  readonly basePath: string;
  /** reading needs this token (Bearer or the login page's session cookie); null = open */
  readonly readToken: string | null;
  /** writes (corpus management) need this token as Bearer; null = writes only from loopback */
  readonly adminToken: string | null;
  readonly dataDir: string;
  readonly corpusDir: string;
  readonly meiliUrl: string | null;
  readonly meiliMasterKey: string | null;
  readonly meiliBin: string | null;
  /** restarts in a row of the server's own Meilisearch after it died, before liveness answers 503 */
  readonly meiliRestarts: number;
  readonly segmenter: (typeof SEGMENTER_ENGINES)[number];
  /** requests per minute per client on /api; 0 = off */
  readonly rateLimit: number;
  /** apply the rate limit to loopback clients too */
  readonly rateLimitLocal: boolean;
  /** wrong tokens on /login per client address in 15 minutes before it is answered 429; 0 = no limit */
  readonly loginFailures: number;
  /** an analysis (or substring search) running longer is stopped and answered 504 */
  readonly analyticsTimeoutMs: number;
  /** analyses waiting for a worker beyond this are refused with 429 */
  readonly analyticsQueue: number;
  /** analyses one client may run at once, loopback included */
  readonly analyticsPerClient: number;
  /** a regular-expression search or concordance running longer is stopped and answered 422 (server/analytics/regex.ts) */
  readonly regexBudgetMs: number;
  readonly projectRoot: string;
}

/** WENYUAN_REGEX_BUDGET_MS when unset */
export const DEFAULT_REGEX_BUDGET_MS = 5000;

export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

const port = z.coerce.number().int().min(0).max(65535);
const bool = z.enum(["true", "false"]).transform((v) => v === "true");
const token = z.string().min(16, "must be at least 16 characters");
// "/wenyuan/" → "/wenyuan"; "/" → ""
const basePath = z
  .string()
  .regex(/^\/[A-Za-z0-9._~\-/]*$/, "must start with / and hold only URL path characters")
  .transform((v) => v.replace(/\/+$/, ""));
const trustProxy = z.string().transform((v): boolean | number | string => (v === "true" ? true : v === "false" ? false : /^\d+$/.test(v) ? Number(v) : v));
const url = z.url({ protocol: /^https?$/ });

function pick<T>(env: NodeJS.ProcessEnv, name: string, schema: z.ZodType<T>, fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(name, `invalid value ${JSON.stringify(raw)} (${parsed.error.issues[0]?.message ?? "invalid"})`);
  return parsed.data;
}

export function resolveConfig(env: NodeJS.ProcessEnv = process.env, projectRoot = resolve(import.meta.dirname, "..")): ResolvedConfig {
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(projectRoot, p));
  const meiliUrl = pick(env, "MEILI_URL", url, null as string | null);
  const meiliMasterKey = pick(env, "MEILI_MASTER_KEY", z.string().min(16, "must be at least 16 bytes"), null as string | null);
  if (meiliUrl && !meiliMasterKey) throw new ConfigError("MEILI_MASTER_KEY", "required when MEILI_URL is set");
  return Object.freeze({
    host: pick(env, "HOST", z.string().min(1), "127.0.0.1"),
    port: pick(env, "PORT", port, 3000),
    livenessPort: pick(env, "WENYUAN_LIVENESS_PORT", port, null as number | null),
    https: pick(env, "WENYUAN_HTTPS", bool, false),
    trustProxy: pick(env, "WENYUAN_TRUST_PROXY", trustProxy, false),
    basePath: pick(env, "WENYUAN_BASE_PATH", basePath, ""),
    readToken: pick(env, "WENYUAN_READ_TOKEN", token, null as string | null),
    adminToken: pick(env, "WENYUAN_ADMIN_TOKEN", token, null as string | null),
    dataDir: abs(pick(env, "WENYUAN_DATA_DIR", z.string(), "./data")),
    corpusDir: abs(pick(env, "WENYUAN_CORPUS_DIR", z.string(), "./corpus/raw")),
    meiliUrl: meiliUrl ? meiliUrl.replace(/\/+$/, "") : null,
    meiliMasterKey,
    meiliBin: env.MEILI_BIN ? abs(env.MEILI_BIN) : null,
    meiliRestarts: pick(env, "WENYUAN_MEILI_RESTARTS", z.coerce.number().int().min(0), 8),
    segmenter: pick(env, "WENYUAN_SEGMENTER", z.enum(SEGMENTER_ENGINES), "node-rs"),
    rateLimit: pick(env, "WENYUAN_RATE_LIMIT", z.coerce.number().int().min(0), 0),
    rateLimitLocal: pick(env, "WENYUAN_RATE_LIMIT_LOCAL", bool, false),
    loginFailures: pick(env, "WENYUAN_LOGIN_FAILURES", z.coerce.number().int().min(0), 10),
    analyticsTimeoutMs: pick(env, "WENYUAN_ANALYTICS_TIMEOUT_MS", z.coerce.number().int().min(100), 30_000),
    analyticsQueue: pick(env, "WENYUAN_ANALYTICS_QUEUE", z.coerce.number().int().min(0), 64),
    analyticsPerClient: pick(env, "WENYUAN_ANALYTICS_PER_CLIENT", z.coerce.number().int().min(1), 8),
    regexBudgetMs: pick(env, "WENYUAN_REGEX_BUDGET_MS", z.coerce.number().int().min(100), DEFAULT_REGEX_BUDGET_MS),
    projectRoot,
  });
}
