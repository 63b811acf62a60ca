// The floor of any Node server in front of Meilisearch on this machine: a bare node:http server
// that answers GET <path> by POSTing the multi-search body the bench computed for that path to
// Meilisearch (kept-alive sockets) and returning Meilisearch's answer untouched. No routing,
// validation, segmentation, snippets or JSON work: only the two extra loopback HTTP hops that
// a server in front of Meilisearch cannot avoid. `npm run bench` measures its rate beside the
// server's and Meilisearch's, so the server's ratio can be read against what is reachable at all.
//
//   node --import tsx bench/passthrough.ts ROUTES.json   (prints {"url": …} on its first line)
import http from "node:http";
import { readFileSync } from "node:fs";

const { meiliUrl, apiKey, routes } = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as { meiliUrl: string; apiKey: string; routes: Record<string, string> };
const target = new URL("/multi-search", meiliUrl);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const bodies = new Map(Object.entries(routes).map(([path, body]) => [path, Buffer.from(body)]));

const server = http.createServer((req, res) => {
  const body = bodies.get(req.url ?? "");
  if (!body) {
    res.writeHead(404).end();
    return;
  }
  const out = http.request(target, { method: "POST", agent, headers: { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json", "Content-Length": body.length } }, (answer) => {
    const chunks: Buffer[] = [];
    answer.on("data", (c: Buffer) => chunks.push(c));
    answer.on("end", () => res.writeHead(answer.statusCode ?? 502, { "Content-Type": "application/json" }).end(Buffer.concat(chunks)));
  });
  out.on("error", () => res.writeHead(502).end());
  out.end(body);
});
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as { port: number };
  console.log(JSON.stringify({ url: `http://127.0.0.1:${port}` }));
});
