// The HTTP server binds first, before Meilisearch and indexing: a taken port fails in a second
// with one clear line, and while the app is being built a supervisor sees it live but not ready.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { ResolvedConfig } from "../core/config.ts";
import type { Lifecycle } from "./lifecycle.ts";

export class ListenError extends Error {
  override name = "ListenError";
}

export interface Listening {
  server: Server;
  port: number;
  /** hands every request from now on to `handler` (the Express app) */
  attach(handler: (req: IncomingMessage, res: ServerResponse) => void): void;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text), "Cache-Control": "no-store", ...(status === 503 ? { "Retry-After": "5" } : {}) });
  res.end(text);
}

export async function listen(config: Pick<ResolvedConfig, "host" | "port" | "basePath">, lifecycle: Lifecycle): Promise<Listening> {
  const live = `${config.basePath}/api/health/live`;
  let handler = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === live) json(res, 200, { status: "live" });
    else json(res, 503, { error: { code: "starting", message: `Wenyuan is starting (${lifecycle.notReady() ?? "starting"}); try again shortly` } });
  };
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", (e: NodeJS.ErrnoException) => {
      const where = `${config.host}:${config.port}`;
      if (e.code === "EADDRINUSE") reject(new ListenError(`port ${config.port} is in use on ${config.host} (another Wenyuan or another program); stop it or set PORT`));
      else if (e.code === "EACCES") reject(new ListenError(`no permission to listen on ${where}; use a PORT above 1023`));
      else if (e.code === "EADDRNOTAVAIL" || e.code === "ENOTFOUND") reject(new ListenError(`HOST ${config.host} is not an address of this machine`));
      else reject(new ListenError(`cannot listen on ${where}: ${e.message}`));
    });
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  return {
    server,
    port: typeof address === "object" && address ? address.port : config.port,
    attach(h) {
      handler = h;
    },
  };
}
