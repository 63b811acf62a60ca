// The floor of a server built from this project's required parts: Express, and Meilisearch through
// the official client (core/meili, meilisearch-js over the project's transport). It answers GET
// <path> with the multi-search the bench computed for that path and sends Meilisearch's results
// back with `res.json`. No validation, query parsing, snippets, helmet, auth or error middleware:
// whatever rate it reaches, the server (which does all of those too) cannot exceed on this machine.
// `npm run bench` measures it beside the bare pass-through (passthrough.ts), the server and
// Meilisearch alone (issue 13: the server's rate against Meilisearch's).
//
//   node --import tsx bench/expressFloor.ts ROUTES.json   (prints {"url": …} on its first line)
import { readFileSync } from "node:fs";
import express from "express";
import type { MultiSearchQuery } from "meilisearch";
import { meiliClient } from "../core/meili/client.ts";
import { multiSearch } from "../core/meili/search.ts";

const { meiliUrl, apiKey, routes } = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as { meiliUrl: string; apiKey: string; routes: Record<string, string> };
const client = meiliClient(meiliUrl, apiKey, "search");
const queries = new Map(Object.entries(routes).map(([path, body]) => [path, (JSON.parse(body) as { queries: MultiSearchQuery[] }).queries]));

const app = express();
app.set("etag", false);
app.get(/.*/, (req, res, next) => {
  const q = queries.get(req.originalUrl);
  if (!q) return void res.status(404).end();
  multiSearch(client, q).then((results) => res.json({ results }), next);
});
const server = app.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as { port: number };
  console.log(JSON.stringify({ url: `http://127.0.0.1:${port}` }));
});
