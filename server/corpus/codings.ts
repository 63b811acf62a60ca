// Categorised concordances in the running server (core/codings.ts keeps the file): look a coding
// up by its query or id with its stale assignments, create or replace it, set lines' categories in
// batches, delete it, count its categories by sector or year, and resolve `coding=…&exclude=…` for
// breakdown and trends into the hits to subtract per report. A concordance's current lines come
// from the kwic analytic itself (every line, through the result cache), so "a line" means exactly
// what /api/kwic shows. Writes go one at a time through this object's queue.
import { randomBytes } from "node:crypto";
import { KwicQuerySchema, CodingQuerySchema, UNCODED, type Coding } from "../../core/api/schema.ts";
import type { QueryOf, ResponseOf } from "../../core/api/endpoints.ts";
import { canonicalQuery, countedPart, readCodings, sameQuery, writeCodings, type CanonicalQuery } from "../../core/codings.ts";
import { BadRequestError, NotFoundError } from "../../core/errors.ts";
import { jsonSize } from "../cache.ts";
import type { CorpusHolder } from "./holder.ts";
import type { TaskBuilders } from "../routes/analytics.ts";
import type { RunContext } from "../pool/pool.ts";
import { compareGroupKeys, groupKey } from "../analytics/shared/groupKey.ts";
import type { Sector } from "../../core/model.ts";

export interface CodingDeps {
  dataDir: string;
  corpus: CorpusHolder;
  tasks: Pick<TaskBuilders, "kwic">;
}

type Line = { reportId: string; sector: Sector; year: number | null };
type Answer = ResponseOf<"codingOf">;
/** What a breakdown or trends task subtracts: hits per report id, and what the answer says about it. */
export type Exclusion = { perReport: Record<string, number>; info: { coding: string; categories: string[]; lines: number; stale: number } };

const ALL = Number.MAX_SAFE_INTEGER;
const describe = (q: CanonicalQuery) =>
  Object.entries(q)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(",") : v}`)
    .join(" ") || "(none)";

/** A JSON body's query (numbers and booleans as a URL would carry them) parsed as a concordance's parameters. */
export function parseBodyQuery(raw: Record<string, unknown>): CanonicalQuery {
  const asParams = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === "number" || typeof v === "boolean" ? String(v) : v]));
  return canonicalQuery(CodingQuerySchema.parse(asParams));
}

/** Every line of the concordance a canonical query selects, keyed "<reportId>:<offset>" (the kwic analytic, every page at once). */
export async function concordanceLines(deps: Omit<CodingDeps, "dataDir">, query: CanonicalQuery, ctx: RunContext): Promise<Map<string, Line>> {
  const parsed = KwicQuerySchema.parse(query);
  const q = { ...parsed, page: 1, perPage: ALL, width: 0, sort: "doc" as const, count: true, format: "json" as const };
  deps.corpus.get();
  const res = (await deps.corpus.cached("codingLines", JSON.stringify(query), () => deps.tasks.kwic(q), ctx, jsonSize)) as ResponseOf<"kwic">;
  return new Map(res.lines.map((l) => [`${l.reportId}:${l.offset}`, { reportId: l.reportId, sector: l.sector, year: l.year }]));
}

function checkCategories(categories: Coding["categories"]): void {
  const names = new Set<string>();
  for (const c of categories) {
    if (names.has(c.name)) throw new BadRequestError(`categories: "${c.name}" is given twice`, "categories");
    names.add(c.name);
  }
  const keys = new Set<string>();
  categories.forEach((c, i) => {
    const k = c.key ?? String(i + 1);
    if (keys.has(k)) throw new BadRequestError(`categories: key ${k} is used by two categories`, "categories");
    keys.add(k);
  });
}

export class Codings {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: CodingDeps) {}

  /** One write at a time: each reads the file, changes it and writes it back before the next starts. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private find(id: string): Coding {
    const c = readCodings(this.deps.dataDir).find((x) => x.id === id);
    if (!c) throw new NotFoundError(`no coding ${id}`);
    return c;
  }

  private async answer(coding: Coding | null, query: CanonicalQuery, ctx: RunContext): Promise<Answer> {
    // every KWIC view asks for its coding: an uncoded concordance is not walked to the end for it
    if (!coding) return { coding, query, lines: null, coded: 0, stale: [] };
    const lines = await concordanceLines(this.deps, query, ctx);
    const stale = Object.entries(coding?.assignments ?? {})
      .filter(([line]) => !lines.has(line))
      .map(([line, category]) => ({ line, category }));
    return { coding, query, lines: lines.size, coded: Object.keys(coding?.assignments ?? {}).length - stale.length, stale };
  }

  ofQuery(q: QueryOf<"codingOf">, ctx: RunContext): Promise<Answer> {
    const query = canonicalQuery(q);
    return this.answer(readCodings(this.deps.dataDir).find((c) => sameQuery(c.query, query)) ?? null, query, ctx);
  }

  byId(id: string, ctx: RunContext): Promise<Answer> {
    const c = this.find(id);
    return this.answer(c, c.query, ctx);
  }

  /** Creates the coding of a query, or replaces its categories (and, when given, its assignments). */
  save(body: { query: Record<string, unknown>; categories: Coding["categories"]; assignments?: Record<string, string> }, who: string, ctx: RunContext): Promise<Answer> {
    const query = parseBodyQuery(body.query);
    checkCategories(body.categories);
    return this.serial(async () => {
      const lines = await concordanceLines(this.deps, query, ctx);
      const all = readCodings(this.deps.dataDir);
      const old = all.find((c) => sameQuery(c.query, query));
      const names = new Set(body.categories.map((c) => c.name));
      const assignments = body.assignments ?? old?.assignments ?? {};
      const orphan = Object.values(assignments).filter((c) => !names.has(c));
      if (orphan.length) {
        const which = [...new Set(orphan)];
        throw new BadRequestError(`categories: ${which.map((c) => `"${c}"`).join(", ")} still ${which.length > 1 ? "have" : "has"} ${orphan.length} line${orphan.length > 1 ? "s" : ""}: keep ${which.length > 1 ? "them" : "it"}, or give the lines new categories in \`assignments\` (nothing was changed)`, "categories");
      }
      if (body.assignments) {
        const unknown = Object.keys(body.assignments).filter((l) => !lines.has(l) && !(old && l in old.assignments));
        if (unknown.length) throw new BadRequestError(`assignments: no line ${unknown.slice(0, 5).join(", ")}${unknown.length > 5 ? ` (and ${unknown.length - 5} more)` : ""} in this concordance (nothing was changed)`, "assignments");
      }
      const at = new Date().toISOString();
      const coding: Coding = { id: old?.id ?? randomBytes(6).toString("hex"), query, categories: body.categories, assignments, by: who, createdAt: old?.createdAt ?? at, updatedAt: at };
      writeCodings(this.deps.dataDir, old ? all.map((c) => (c.id === old.id ? coding : c)) : [...all, coding]);
      return this.answer(coding, query, ctx);
    });
  }

  /** Sets (or, with null, clears) lines' categories in one write. Every line and category is checked first; nothing is written on a 400. */
  code(id: string, set: Record<string, string | null>, who: string, ctx: RunContext): Promise<Answer> {
    return this.serial(async () => {
      const coding = this.find(id);
      const names = new Set(coding.categories.map((c) => c.name));
      const bad = [...new Set(Object.values(set).filter((c): c is string => c !== null && !names.has(c)))];
      if (bad.length) throw new BadRequestError(`set: no category ${bad.map((c) => `"${c}"`).join(", ")} in this coding (its categories: ${[...names].join(", ")}; nothing was changed)`, "set");
      const lines = await concordanceLines(this.deps, coding.query, ctx);
      // a stale line can still be cleared (or recoded): it is the researcher's own entry
      const unknown = Object.keys(set).filter((l) => !lines.has(l) && !(l in coding.assignments));
      if (unknown.length) throw new BadRequestError(`set: no line ${unknown.slice(0, 5).join(", ")}${unknown.length > 5 ? ` (and ${unknown.length - 5} more)` : ""} in this concordance (nothing was changed)`, "set");
      const assignments = { ...coding.assignments };
      for (const [line, c] of Object.entries(set)) {
        if (c === null) delete assignments[line];
        else assignments[line] = c;
      }
      const next: Coding = { ...coding, assignments, by: who, updatedAt: new Date().toISOString() };
      writeCodings(
        this.deps.dataDir,
        readCodings(this.deps.dataDir).map((c) => (c.id === id ? next : c)),
      );
      return this.answer(next, next.query, ctx);
    });
  }

  remove(id: string): Promise<{ deleted: string }> {
    return this.serial(async () => {
      this.find(id);
      writeCodings(
        this.deps.dataDir,
        readCodings(this.deps.dataDir).filter((c) => c.id !== id),
      );
      return { deleted: id };
    });
  }

  /** Lines per category × group (sector or year), the uncoded lines last; stale assignments counted apart. */
  async distribution(id: string, by: "sector" | "year", ctx: RunContext): Promise<ResponseOf<"codingDistribution">> {
    const coding = this.find(id);
    const lines = await concordanceLines(this.deps, coding.query, ctx);
    const cats = [...coding.categories.map((c) => c.name), UNCODED];
    const cells = new Map<string, Map<string, number>>(cats.map((c) => [c, new Map()]));
    const groups = new Map<string, number>();
    for (const [key, line] of lines) {
      const g = groupKey({ sector: line.sector, year: line.year } as Parameters<typeof groupKey>[0], by);
      groups.set(g, (groups.get(g) ?? 0) + 1);
      const cell = cells.get(coding.assignments[key] ?? UNCODED)!;
      cell.set(g, (cell.get(g) ?? 0) + 1);
    }
    const keys = [...groups.keys()].sort(compareGroupKeys(by));
    const stale = Object.keys(coding.assignments).filter((l) => !lines.has(l)).length;
    return {
      coding: id,
      by,
      lines: lines.size,
      stale,
      groups: keys.map((key) => ({ key, lines: groups.get(key)! })),
      rows: cats.flatMap((category) => keys.map((key) => ({ category, uncoded: category === UNCODED, key, lines: cells.get(category)!.get(key) ?? 0, share: (cells.get(category)!.get(key) ?? 0) / groups.get(key)! }))),
    };
  }
}

/**
 * `coding=…&exclude=…` of a breakdown or trends request: the coding's lines in those categories that
 * are in its concordance now, as hits per report. The coding must be of the same term, match and
 * filters (a 400 saying how they differ); `key` changes whenever the coding does (the result cache's key).
 */
export async function resolveExclusion(
  deps: Omit<CodingDeps, "dataDir"> & { dataDir?: string },
  name: "breakdown" | "trends",
  q: { coding?: string; exclude?: string[]; term?: string; terms?: { variants: string[] }[] | null; match?: string; theme?: string } & Record<string, unknown>,
  ctx: RunContext,
): Promise<{ exclusion: Exclusion; key: string } | null> {
  if (!q.coding && !q.exclude?.length) return null;
  if (!q.coding) throw new BadRequestError("exclude: give the coding whose categories to leave out (coding=<id>)", "exclude");
  if (!q.exclude?.length) throw new BadRequestError("coding: say which of its categories to leave out (exclude=<category>)", "coding");
  if (!deps.dataDir) throw new BadRequestError("coding: this server keeps no codings", "coding");
  const coding = readCodings(deps.dataDir).find((c) => c.id === q.coding);
  if (!coding) throw new BadRequestError(`coding: no coding ${JSON.stringify(q.coding)}`, "coding");
  const names = new Set(coding.categories.map((c) => c.name));
  const bad = q.exclude.filter((c) => !names.has(c));
  if (bad.length) throw new BadRequestError(`exclude: no category ${bad.map((c) => `"${c}"`).join(", ")} in coding ${coding.id} (its categories: ${[...names].join(", ")})`, "exclude");
  let term = q.term;
  if (name === "trends") {
    const only = q.terms?.length === 1 && q.terms[0].variants.length === 1 ? q.terms[0].variants[0] : null;
    if (!only) throw new BadRequestError("coding: trends leave out a coding's lines only for a list of one term (terms=<the coding's term>)", "coding");
    term = only;
  }
  const mine = countedPart(coding.query);
  const asked = countedPart(canonicalQuery({ ...(q as object), term, match: (q.match ?? "word") as "word", theme: q.theme }));
  if (!sameQuery(mine, asked)) throw new BadRequestError(`coding: coding ${coding.id} is of ${describe(mine)}, this request of ${describe(asked)}: the term, match and filters must be the same`, "coding");
  const lines = await concordanceLines(deps, coding.query, ctx);
  const out = new Set(q.exclude);
  const perReport: Record<string, number> = {};
  let n = 0;
  let stale = 0;
  for (const [key, category] of Object.entries(coding.assignments)) {
    if (!out.has(category)) continue;
    const line = lines.get(key);
    if (!line) {
      stale++;
      continue;
    }
    perReport[line.reportId] = (perReport[line.reportId] ?? 0) + 1;
    n++;
  }
  return { exclusion: { perReport, info: { coding: coding.id, categories: [...q.exclude], lines: n, stale } }, key: `${coding.id}@${coding.updatedAt}` };
}

