// Named subcorpora (issue 26): a query plus filters, a hand-picked list of reports, or the reports
// of a concordance's hits, saved on the instance in data/subcorpora.json (beside the corrections:
// it survives reindexing) and chosen as the selection of any view with `subcorpus=<id>`.
//
// A subcorpus is resolved here, on the main thread, to the set of its report ids in the loaded
// corpus — through the one selection (core/corpus/select.ts selectReports), never a second rule —
// and that set travels with the validated query as `within` (core/api/schema.ts ReportSet): the
// one filter (core/filter.ts inScope) checks it in every analytic and corpus-side search, and
// Meilisearch is sent the same set (core/meili/filters.ts). Resolutions are kept per corpus
// generation and definition revision; `key` (id, revision, hash of the ids) is what cache keys
// and provenance carry, so two subcorpora, or one before and after an edit, never share a result.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { SubcorpusSchema, type ExportProvenance, type ReportSet, type Subcorpus, type SubcorpusDefinition, type SubcorpusInfo, type SubcorpusWriteSchema } from "../../core/api/schema.ts";
import { selectReports } from "../../core/corpus/select.ts";
import { BadRequestError, NotFoundError } from "../../core/errors.ts";
import { parseQuery, parseTerm, type Synonyms } from "../../core/query.ts";
import type { Segmenter } from "../../core/text/segment.ts";
import type { CorpusHolder } from "./holder.ts";
import type { CorpusDoc } from "../../core/corpus/types.ts";
import { writeAtomic } from "../../core/atomicWrite.ts";

const FileSchema = z.object({ version: z.literal(1), subcorpora: z.array(SubcorpusSchema) });

export const subcorporaPath = (dataDir: string) => join(dataDir, "subcorpora.json");

export class SubcorporaError extends Error {
  override name = "SubcorporaError";
}

type Write = z.output<typeof SubcorpusWriteSchema>;

interface Resolved {
  ids: Set<string>;
  missing: string[];
  words: number;
  key: string;
}

/** The query parameters that name a subcorpus: the view's, and each side of /compare's. */
const PARAMETERS = ["subcorpus", "a.subcorpus", "b.subcorpus"] as const;

export interface SubcorporaDeps {
  dataDir: string;
  corpus: CorpusHolder;
  segmenter: Segmenter;
  synonyms: Synonyms;
}

export class Subcorpora {
  private all: Subcorpus[];
  /** resolutions of the current corpus generation, per id@rev */
  private resolved: { generation: number; map: Map<string, Resolved> } = { generation: -1, map: new Map() };

  constructor(private readonly deps: SubcorporaDeps) {
    this.all = this.read();
  }

  private read(): Subcorpus[] {
    const path = subcorporaPath(this.deps.dataDir);
    if (!existsSync(path)) return [];
    const parsed = FileSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
    if (!parsed.success) throw new SubcorporaError(`data/subcorpora.json is not a subcorpora file: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    return parsed.data.subcorpora;
  }

  /** Written to a temporary file and renamed (0600): a crash leaves the old file or the new, never half. */
  private write(next: Subcorpus[]): void {
    const path = subcorporaPath(this.deps.dataDir);
    writeAtomic(path, JSON.stringify({ version: 1, subcorpora: next }, null, 2) + "\n");
    this.all = next;
  }

  list(): SubcorpusInfo[] {
    return this.all.map((s) => this.info(s));
  }

  get(id: string): SubcorpusInfo {
    return this.info(this.find(id));
  }

  private find(id: string): Subcorpus {
    const s = this.all.find((x) => x.id === id);
    if (!s) throw new NotFoundError(`no subcorpus with id ${JSON.stringify(id)}`);
    return s;
  }

  private info(s: Subcorpus): SubcorpusInfo {
    const r = this.resolve(s);
    return { ...s, now: { reports: r.ids.size, words: r.words }, missing: r.missing, key: r.key };
  }

  create(body: Write, who: string): SubcorpusInfo {
    const id = body.id ?? this.freeId(body.name);
    if (this.all.some((s) => s.id === id)) throw new BadRequestError(`a subcorpus with id ${JSON.stringify(id)} exists already (edit it with PUT /api/subcorpora/${id})`, "id");
    this.check(body.definition);
    const at = new Date().toISOString();
    const draft: Subcorpus = { id, name: body.name, description: body.description, by: body.by || who, createdAt: at, updatedAt: at, rev: 1, definition: body.definition, at: { reports: 0, words: 0, generation: 0 } };
    const s = { ...draft, at: this.sizeNow(draft) };
    this.write([...this.all, s]);
    return this.info(s);
  }

  replace(id: string, body: Write): SubcorpusInfo {
    const old = this.find(id);
    if (body.id !== undefined && body.id !== id) throw new BadRequestError("id: a subcorpus keeps its id (create a new one to use another)", "id");
    this.check(body.definition);
    // `by` stays who made it unless the edit names someone
    const draft: Subcorpus = { ...old, name: body.name, description: body.description, by: body.by || old.by, updatedAt: new Date().toISOString(), rev: old.rev + 1, definition: body.definition };
    const s = { ...draft, at: this.sizeNow(draft) };
    this.write(this.all.map((x) => (x.id === id ? s : x)));
    return this.info(s);
  }

  remove(id: string): { deleted: string } {
    this.find(id);
    this.write(this.all.filter((x) => x.id !== id));
    return { deleted: id };
  }

  /** A definition that cannot select anything as written is a 400 now, not an empty subcorpus later. */
  private check(d: SubcorpusDefinition): void {
    if (d.kind === "reports") {
      const corpus = this.deps.corpus.get();
      const unknown = [...new Set(d.ids)].filter((id) => !corpus.byId.has(id));
      if (unknown.length) throw new BadRequestError(`definition.ids: no report with id ${unknown.slice(0, 20).map((x) => JSON.stringify(x)).join(", ")}${unknown.length > 20 ? ` and ${unknown.length - 20} more` : ""}`, "definition.ids");
      return;
    }
    if (d.kind === "hits" && !parseTerm(d.term, this.deps.segmenter, this.deps.synonyms, { synonyms: d.filters.synonyms })) throw new BadRequestError(`definition.term: ${JSON.stringify(d.term)} has no word (only punctuation)`, "definition.term");
    if (d.q?.trim()) parseQuery(d.q, this.deps.segmenter, this.deps.synonyms, { synonyms: d.filters.synonyms, field: "definition.q" });
  }

  private sizeNow(s: Subcorpus): Subcorpus["at"] {
    const r = this.resolve(s);
    return { reports: r.ids.size, words: r.words, generation: this.deps.corpus.generation };
  }

  /** A slug of the name's Latin letters and digits, or sub-<random>; -2, -3 … when taken. */
  private freeId(name: string): string {
    const slug = name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40)
      .replace(/-+$/, "");
    const base = slug.length >= 3 && /^[a-z0-9]/.test(slug) ? slug : `sub-${randomBytes(3).toString("hex")}`;
    let id = base;
    for (let n = 2; this.all.some((s) => s.id === id); n++) id = `${base}-${n}`;
    return id;
  }

  /** The subcorpus's reports in the loaded corpus, by the one selection (core/corpus/select.ts). */
  private resolve(s: Subcorpus): Resolved {
    const generation = this.deps.corpus.generation;
    if (this.resolved.generation !== generation) this.resolved = { generation, map: new Map() };
    const memo = `${s.id}@${s.rev}`;
    const hit = this.resolved.map.get(memo);
    if (hit) return hit;
    const corpus = this.deps.corpus.get();
    const d = s.definition;
    let docs: CorpusDoc[] | undefined;
    let missing: string[] = [];
    if (d.kind === "reports") {
      const unique = [...new Set(d.ids)];
      missing = unique.filter((id) => !corpus.byId.has(id));
      const wanted = new Set(unique);
      // hand-picked: exactly these reports, whatever their kind or duplicate status
      docs = corpus.docs.filter((doc) => wanted.has(doc.report.id));
    } else {
      const seg = this.deps.segmenter;
      const syn = this.deps.synonyms;
      const parsed = parseQuery(d.q, seg, syn, { synonyms: d.filters.synonyms, field: "definition.q" });
      if (d.kind === "hits") {
        // the reports holding a concordance hit: the term as one more required part of the query,
        // matched as /api/kwic matches it (its alternatives, synonyms included)
        const term = parseTerm(d.term, seg, syn, { synonyms: d.filters.synonyms });
        if (term) parsed.required.push(term);
        else docs = [];
      }
      docs ??= selectReports(corpus, d.filters, parsed);
    }
    const ids = new Set(docs.map((doc) => doc.report.id));
    const words = docs.reduce((n, doc) => n + doc.wordCount, 0);
    const hash = createHash("sha256");
    for (const id of [...ids].sort()) hash.update(`${id}\n`);
    const out = { ids, missing, words, key: `${s.id}@${s.rev}:${hash.digest("hex").slice(0, 16)}` };
    this.resolved.map.set(memo, out);
    return out;
  }

  /**
   * A validated query with each subcorpus it names resolved: `within` (`a.within`, `b.within`)
   * beside `subcorpus`. An unknown id is a 400 naming it and the parameter.
   */
  resolveQuery<Q extends object>(query: Q): Q {
    let out: Record<string, unknown> | null = null;
    const given = query as Record<string, unknown>;
    for (const p of PARAMETERS) {
      const id = given[p];
      if (typeof id !== "string") continue;
      const r = this.resolve(this.named(p, id));
      const set: ReportSet = { key: r.key, ids: r.ids };
      out = { ...(out ?? given), [p.replace(/subcorpus$/, "within")]: set };
    }
    return (out ?? query) as Q;
  }

  private named(parameter: string, id: string): Subcorpus {
    const s = this.all.find((x) => x.id === id);
    if (!s) throw new BadRequestError(`${parameter}: no subcorpus with id ${JSON.stringify(id)} (GET /api/subcorpora lists them)`, parameter, "invalid_parameter", { subcorpus: id });
    return s;
  }

  /** What an export's provenance says of the subcorpora its query names: each in full. */
  provenance(query: object): NonNullable<ExportProvenance["subcorpora"]> {
    return PARAMETERS.flatMap((parameter) => {
      const id = (query as Record<string, unknown>)[parameter];
      if (typeof id !== "string") return [];
      const s = this.named(parameter, id);
      const r = this.resolve(s);
      return [{ parameter, id: s.id, name: s.name, rev: s.rev, updatedAt: s.updatedAt, definition: s.definition, reports: r.ids.size, words: r.words, missing: r.missing, key: r.key }];
    });
  }
}
