// POST /api/draft-check: a whole draft checked against the corpus (server/analytics/draftCheck.ts).
// The draft is segmented here (the segmenter lives on this thread) and computed in the analytics
// pool. Nothing is kept: no result cache (its keys would hold the text), no log line with the body.
import express, { Router } from "express";
import { fold } from "../../core/fold.ts";
import { synonymKeysIn, synonymSequences } from "../../core/query.ts";
import { isWord } from "../../core/text/segment.ts";
import type { DraftCheckRequest } from "../../core/api/schema.ts";
import type { DraftCheckInput } from "../analytics/draftCheck.ts";
import type { AnalyticsDeps } from "./analytics.ts";
import { route } from "./endpoint.ts";

/** Room for DRAFT_MAX_CHARS of Chinese as JSON (3 bytes a character, escapes): a longer draft is the schema's 400, not body-parser's 413. */
export const draftBody = express.json({ limit: "256kb" });

/** The pool task's input: paragraphs with their words, the draft's words, the synonym-list keys it uses in their own form. */
export function draftInput(deps: Pick<AnalyticsDeps, "segmenter" | "synonyms">, sequences: Map<string, string[][]>, body: DraftCheckRequest): DraftCheckInput {
  const text = body.text.replace(/\r\n?/g, "\n");
  const words = (s: string) => deps.segmenter.cut(fold(s)).filter(isWord);
  const paragraphs: DraftCheckInput["paragraphs"] = [];
  let at = 0;
  for (const line of text.split("\n")) {
    const t = line.trim();
    if (/[\p{L}\p{N}]/u.test(t)) paragraphs.push({ start: at + line.indexOf(t), text: t, tokens: words(t) });
    at += line.length + 1;
  }
  const cut = deps.segmenter.cut(fold(text));
  const terms = [...sequences]
    .filter(([key, alts]) => synonymKeysIn(cut, new Map([[key, [alts[0]]]])).length > 0)
    .map(([key, alts]) => ({ term: key, own: [alts[0]], others: alts.slice(1).map((a) => ({ term: a.join(""), alternatives: [a] })) }));
  return { text, sector: body.sector, docType: body.docType, paragraphs, tokens: cut.filter(isWord), terms };
}

export function draftRoutes(deps: AnalyticsDeps): Router {
  const r = Router();
  const sequences = synonymSequences(deps.segmenter, deps.synonyms);
  route(r, "draftCheck", ({ body, ctx }) => {
    deps.corpus.get(); // a 503 naming the damaged file before any work
    return deps.corpus.run({ name: "draftCheck", input: draftInput(deps, sequences, body) }, ctx);
  });
  return r;
}
