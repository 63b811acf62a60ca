// Metadata corrections in the running server: set fields on one report or many in one write, and
// undo a write. Each write, under the data folder's write lock: Meilisearch's documents of the
// reports and their passages, then data/corrections.json, then one history entry per field changed
// (core/corrections.ts), then the loaded corpus — so every view follows at once and the history
// says who changed what from what.
import { randomBytes } from "node:crypto";
import { CORRECTABLE, appendHistory, readCorrections, readHistory, readRetired, writeCorrections, type CorrectableField, type Correction, type CorrectionHistoryEntry, type Corrections } from "../../core/corrections.ts";
import { BadRequestError, NotFoundError } from "../../core/errors.ts";
import { lock } from "../../core/lock.ts";
import { updateDocuments } from "../../core/meili/indexes.ts";
import { correctionUpdates } from "../../core/meili/requests.ts";
import { waitTask } from "../../core/meili/tasks.ts";
import { passageSpans } from "../../core/documents.ts";
import type { ManagerDeps } from "./manage.ts";

type Deps = Pick<ManagerDeps, "dataDir" | "corpus" | "admin" | "names">;
type Value = CorrectionHistoryEntry["from"];
type Fields = Record<string, Value>;
type Draft = Omit<CorrectionHistoryEntry, "seq">;

const writeId = () => randomBytes(6).toString("hex");

/** Sends the reports' new field values to Meilisearch (reports and passages, one batch each) and sets them in the loaded corpus. */
async function apply(deps: Deps, changes: Map<string, Fields>): Promise<void> {
  const corpus = deps.corpus.get();
  const reports: Record<string, unknown>[] = [];
  const passages: Record<string, unknown>[] = [];
  for (const [id, fields] of changes) {
    const u = correctionUpdates(id, passageSpans(corpus.byId.get(id)!.report).length, fields);
    reports.push(...u.reports);
    passages.push(...u.passages);
  }
  if (!reports.length) return;
  const taskR = await updateDocuments(deps.admin, deps.names.reports, reports);
  const taskP = passages.length ? await updateDocuments(deps.admin, deps.names.passages, passages) : null;
  await waitTask(deps.admin, taskR);
  if (taskP !== null) await waitTask(deps.admin, taskP);
}

function setInCorpus(deps: Deps, changes: Map<string, Fields>): void {
  for (const [id, fields] of changes) deps.corpus.correct(id, fields);
}

/**
 * Sets `set` on every report of `ids`. Every id is checked first: unknown ones are a 400 naming
 * them all, and nothing is written. Returns each report's correction as kept, and the history entries.
 */
export async function correctReports(deps: Deps, ids: string[], set: Correction, who: string): Promise<{ corrections: Corrections; entries: CorrectionHistoryEntry[] }> {
  const fields = CORRECTABLE.filter((f) => set[f] !== undefined);
  if (!fields.length) throw new BadRequestError(`nothing to set: give one or more of ${CORRECTABLE.join(", ")}`, "set");
  const unique = [...new Set(ids)];
  const corpus = deps.corpus.get();
  const unknown = unique.filter((id) => !corpus.byId.has(id));
  if (unknown.length) throw new BadRequestError(`no report with id ${unknown.map((id) => JSON.stringify(id)).join(", ")} (nothing was changed)`, "ids");
  const held = await lock(deps.dataDir, "a metadata correction", 60_000);
  try {
    const all = readCorrections(deps.dataDir);
    const at = new Date().toISOString();
    const write = writeId();
    const drafts: Draft[] = [];
    const changes = new Map<string, Fields>();
    const out: Corrections = {};
    for (const id of unique) {
      const report = corpus.byId.get(id)!.report as unknown as Record<CorrectableField, Value>;
      const before = all[id];
      for (const field of fields) {
        const to = set[field] as Value;
        const fromCorrected = before?.[field] !== undefined;
        if (fromCorrected && before[field] === to) continue;
        drafts.push({ at, who, action: "set", write, report: id, field, from: report[field], to, fromCorrected, toCorrected: true });
      }
      const merged = { ...before, ...set, at };
      all[id] = merged;
      out[id] = merged;
      changes.set(id, Object.fromEntries(CORRECTABLE.filter((k) => merged[k] !== undefined).map((k) => [k, merged[k] as Value])));
    }
    await apply(deps, changes);
    writeCorrections(deps.dataDir, all);
    const entries = appendHistory(deps.dataDir, drafts);
    setInCorpus(deps, changes);
    return { corrections: out, entries };
  } finally {
    held.release();
  }
}

/** The history, newest first, optionally of one report. */
export function correctionHistory(dataDir: string, report: string | undefined, limit: number): { total: number; entries: CorrectionHistoryEntry[] } {
  const all = readHistory(dataDir).filter((e) => report === undefined || e.report === report);
  return { total: all.length, entries: all.reverse().slice(0, limit) };
}

/** The entries an undo request names: one entry, or a report's latest write that no undo has answered yet. */
function targetsOf(history: CorrectionHistoryEntry[], req: { entry: number } | { report: string }): CorrectionHistoryEntry[] {
  if ("entry" in req) {
    const e = history.find((x) => x.seq === req.entry);
    if (!e) throw new NotFoundError(`no history entry ${req.entry}`);
    return [e];
  }
  const undone = new Set(history.flatMap((e) => (e.undoes === undefined ? [] : [e.undoes])));
  const open = history.filter((e) => e.report === req.report && e.action !== "undo" && !undone.has(e.seq));
  const last = open.at(-1);
  if (!last) throw new BadRequestError(`nothing to undo for report ${JSON.stringify(req.report)}`, "report");
  return open.filter((e) => e.write === last.write);
}

/**
 * Puts back what history entries changed: a field that was the classifier's own value loses its
 * correction, one that was corrected gets the earlier correction again (a retired correction comes
 * back). Refused (400, naming the later entry) when a later write changed the field since. Written as "undo" entries.
 */
export async function undoCorrection(deps: Deps, req: { entry: number } | { report: string }, who: string): Promise<{ entries: CorrectionHistoryEntry[] }> {
  const held = await lock(deps.dataDir, "a metadata correction", 60_000);
  try {
    const history = readHistory(deps.dataDir);
    const targets = targetsOf(history, req);
    const corpus = deps.corpus.get();
    const all = readCorrections(deps.dataDir);
    let retired = readRetired(deps.dataDir);
    const at = new Date().toISOString();
    const write = writeId();
    const drafts: Draft[] = [];
    const changes = new Map<string, Fields>();
    for (const t of targets) {
      const doc = corpus.byId.get(t.report);
      if (!doc) throw new BadRequestError(`report ${JSON.stringify(t.report)} is not in the corpus now: its correction cannot be put back`, "entry");
      const current = all[t.report]?.[t.field] as Value | undefined;
      const same = t.toCorrected ? current !== undefined && current === t.to : current === undefined;
      if (!same) {
        const later = history.filter((e) => e.report === t.report && e.field === t.field && e.seq > t.seq).at(-1);
        throw new BadRequestError(`${t.field} of report ${t.report} was changed after entry ${t.seq}${later ? ` (by entry ${later.seq})` : ""}: undo that change first`, "entry");
      }
      const from = (doc.report as unknown as Record<CorrectableField, Value>)[t.field];
      const c: Record<string, unknown> = { ...all[t.report] };
      if (t.fromCorrected) c[t.field] = t.from;
      else delete c[t.field];
      if (CORRECTABLE.some((f) => c[f] !== undefined)) all[t.report] = { ...(c as Correction), at };
      else delete all[t.report];
      if (t.action === "retire") {
        retired = retired.flatMap((r) => {
          if (r.id !== t.report || r.retiredAt !== t.at) return [r];
          const rest: Record<string, unknown> = { ...r.correction };
          delete rest[t.field];
          return CORRECTABLE.some((f) => rest[f] !== undefined) ? [{ ...r, correction: rest as typeof r.correction }] : [];
        });
      }
      drafts.push({ at, who, action: "undo", write, report: t.report, field: t.field, from, to: t.from, fromCorrected: current !== undefined, toCorrected: t.fromCorrected, undoes: t.seq });
      changes.set(t.report, { ...changes.get(t.report), [t.field]: t.from });
    }
    await apply(deps, changes);
    writeCorrections(deps.dataDir, all, retired);
    const entries = appendHistory(deps.dataDir, drafts);
    setInCorpus(deps, changes);
    return { entries };
  } finally {
    held.release();
  }
}
