// The one place that reads process.env. Everything else receives a ResolvedConfig.
import { isAbsolute, resolve } from "node:path";
import { z } from "zod";
import { SEGMENTER_ENGINES } from "./text/segment.ts";

export interface ResolvedConfig {
  readonly port: number;
  readonly dataDir: string;
  readonly corpusDir: string;
  readonly meiliUrl: string | null;
  readonly meiliMasterKey: string | null;
  readonly meiliBin: string | null;
  readonly segmenter: (typeof SEGMENTER_ENGINES)[number];
  /** requests per minute per client on /api; 0 = off */
  readonly rateLimit: number;
  /** apply the rate limit to loopback clients too */
  readonly rateLimitLocal: boolean;
  readonly projectRoot: string;
}

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
    port: pick(env, "PORT", port, 3000),
    dataDir: abs(pick(env, "WENYUAN_DATA_DIR", z.string(), "./data")),
    corpusDir: abs(pick(env, "WENYUAN_CORPUS_DIR", z.string(), "./corpus/raw")),
    meiliUrl: meiliUrl ? meiliUrl.replace(/\/+$/, "") : null,
    meiliMasterKey,
    meiliBin: env.MEILI_BIN ? abs(env.MEILI_BIN) : null,
    segmenter: pick(env, "WENYUAN_SEGMENTER", z.enum(SEGMENTER_ENGINES), "node-rs"),
    rateLimit: pick(env, "WENYUAN_RATE_LIMIT", z.coerce.number().int().min(0), 0),
    rateLimitLocal: pick(env, "WENYUAN_RATE_LIMIT_LOCAL", z.enum(["true", "false"]).transform((v) => v === "true"), false),
    projectRoot,
  });
}
