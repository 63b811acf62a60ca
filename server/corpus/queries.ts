// Saved queries in the running server: list, save (the view's URL checked with its API schemas,
// the name unique), delete. Each write reads data/queries.json, changes it and writes it back in
// one synchronous step, so two requests of this process never interleave.
import { randomBytes } from "node:crypto";
import { SAVED_QUERIES_MAX, type SavedQuery, type SavedView } from "../../core/api/schema.ts";
import { VIEW_PATHS, viewParamsProblem } from "../../core/api/savedViews.ts";
import { BadRequestError, HttpError, NotFoundError } from "../../core/errors.ts";
import { QueriesError, readQueries, writeQueries } from "../../core/queries.ts";

function read(dataDir: string): SavedQuery[] {
  try {
    return readQueries(dataDir);
  } catch (e) {
    // a damaged file is named, never answered as "no saved queries" (and never overwritten)
    if (e instanceof QueriesError || e instanceof SyntaxError) throw new HttpError(500, "internal", e instanceof QueriesError ? e.message : "data/queries.json is not valid JSON");
    throw e;
  }
}

/** Newest first. */
export function listQueries(dataDir: string): SavedQuery[] {
  return read(dataDir).reverse();
}

export interface SaveRequest {
  name: string;
  view: SavedView;
  params: string;
  summary: string;
  count: number | null;
}

export function saveQuery(dataDir: string, req: SaveRequest, who: string): SavedQuery {
  const params = new URLSearchParams(req.params.replace(/^\?/, ""));
  const problem = viewParamsProblem(req.view, params);
  if (problem) throw new BadRequestError(`the ${req.view} view cannot run these parameters: ${problem}`, "params");
  const all = read(dataDir);
  if (all.some((q) => q.name === req.name)) throw new BadRequestError(`a saved query is already named ${JSON.stringify(req.name)}: choose another name or delete that one first`, "name");
  if (all.length >= SAVED_QUERIES_MAX) throw new BadRequestError(`this instance keeps at most ${SAVED_QUERIES_MAX} saved queries: delete some first (nothing was saved)`, "name");
  const qs = params.toString();
  const saved: SavedQuery = {
    id: randomBytes(6).toString("hex"),
    name: req.name,
    view: req.view,
    params: qs,
    url: `${VIEW_PATHS[req.view]}${qs ? `?${qs}` : ""}`,
    summary: req.summary,
    count: req.count,
    who,
    at: new Date().toISOString(),
  };
  writeQueries(dataDir, [...all, saved]);
  return saved;
}

export function deleteQuery(dataDir: string, id: string): SavedQuery {
  const all = read(dataDir);
  const gone = all.find((q) => q.id === id);
  if (!gone) throw new NotFoundError(`no saved query ${id}`);
  writeQueries(dataDir, all.filter((q) => q !== gone));
  return gone;
}
