// The corpus sentences most like a pasted sentence (writers' "has anyone said this before?").
//
// Sentences (split at 。！？；… and paragraph breaks) are indexed once per corpus (sentenceIndex):
// postings from each non-stopword word type to the sentences holding it and each sentence's TF-IDF
// norm. A query scores candidates by binary TF-IDF over word tokens (idf = ln(1 + S/df)); the best
// CANDIDATES are re-scored as 0.7·word score + 0.3·char-bigram score, which forgives segmentation
// differences (职工之家 vs 职工 之家). Both are cosines with pivoted length normalisation (Singhal
// et al. 1996), the pivot being the draft: a sentence shorter than the draft is normalised as if it
// were as long, so its score is the share of the draft it covers, not how little else it says.
// A fragment (fewer than FULL_SENTENCE letters and digits, unless the draft is shorter still) is
// weighted by its share of that length: 三是走访慰问 no longer outranks a full sentence that says the
// same thing; the identical sentence still scores 1.
// Sentences with the same words once digits, placeholders and punctuation are gone, or a
// character-bigram cosine ≥ GROUP_AT with a better one, are one row: `reports` says how many
// reports use it and `also` lists the others. A wording used by many reports is a template, not a
// phrasing someone chose: it ranks by its score divided by 1 + ln(reports) / 4 (boilerplate
// down-weighted; the score shown stays the similarity).
// The same point, not only the same words (issue 25; judged in test/fixtures/similar-judged.json):
// - a draft word of four characters or more also searches as the corpus words inside it, at half
//   its weight (女职工特殊权益 → 女职工, 特殊, 权益), so a sentence that says it in other words is found;
// - the draft's key terms are its rarest words (idf within KEY_SHARE of the rarest, at most
//   KEY_MAX), never a verb with its modifier (积极开展: a prefixed form of a corpus verb,
//   verbHeads.ts) nor a word mostly tagged as a function word; a sentence holding none of them
//   (in its text, so any segmentation counts; a long key also counts when half the words inside it
//   are there), or stating a shortcoming (不够, 有待, 差距…) when the draft states a task, drifts to
//   another point: × DRIFT;
// - a heading without its sentence end, a list label (一是…, 1、… one clause shorter than
//   LABEL_BODY), a heading glued to the next sentence, a sentence under GDEX's length window: × FRAGMENT;
// - and every candidate × (0.75 + 0.25 · GDEX), which orders near ties by how quotable they are.
// The identical sentence (same letters) still scores 1. `plain` skips all of this.
// Each row marks the words it shares with the draft (`marks`, ranges of its text).
// Scores are in 0..1. Index build O(tokens of corpus); query O(sum of postings of the query words
// + CANDIDATES · sentence length + CANDIDATES² bigram comparisons for grouping).
import { tokenStart } from "../../core/corpus/offsets.ts";
import type { Corpus, CorpusDoc } from "../../core/corpus/types.ts";
import { gdex, MARKER } from "./shared/gdex.ts";
import { forEachSentence } from "./shared/sentenceIndex.ts";
import { verbHeads } from "./shared/verbHeads.ts";
import { WORD } from "./shared/tokenClasses.ts";
import type { CorpusIndexes } from "../corpus/indexes.ts";
import type { z } from "zod";
import type { SimilarResponseSchema } from "../../core/api/schema.ts";

type SimilarResponse = z.infer<typeof SimilarResponseSchema>;

const CANDIDATES = 300;
/** a sentence holding none of the draft's key terms drifts to another point: its score is multiplied by this */
const DRIFT = 0.4;
/** a heading, a list stub or a clause without its sentence end (GDEX reasons) is multiplied by this */
const FRAGMENT = 0.5;
/** key terms: the draft's words within this share of its rarest word's idf (at most KEY_MAX) */
const KEY_SHARE = 0.75;
const KEY_MAX = 3;
/** a list item whose one clause is shorter than this (letters) is the label of what follows: 四是积极开展扶贫帮困和送温暖活动。 */
const LABEL_BODY = 16;
/** the words of a work report's 存在的问题: a sentence stating a shortcoming makes another point than a draft that states a task */
const SHORTCOMING = /不够|不足|不高|不强|不到位|不平衡|有待|还需|亟待|亟需|函待|欠缺|差距|薄弱|滞后/;
/** a word of the draft's this long or longer also searches as the corpus words inside it (女职工特殊权益: 女职工, 特殊, 权益), at this share of its weight */
const COMPOUND = 4;
const PART_SHARE = 0.5;
const GROUP_AT = 0.85;
/** letters and digits of a full sentence: shorter ones are fragments (unless the draft is shorter still) */
const FULL_SENTENCE = 16;
const ALSO_MAX = 10;

export interface SimilarOptions {
  /** the segmenter's tokens of the pasted text */
  tokens: string[];
  limit?: number;
  /** old ranking (plain cosine, no grouping, no template weight): kept to measure the new one against */
  plain?: boolean;
}

/** text: the sentence; start: its char offset in report.text */
export type SimilarRow = SimilarResponse["rows"][number];

export function similar(corpus: Corpus, docs: CorpusDoc[], options: SimilarOptions, ix: Pick<CorpusIndexes, "tokenClasses" | "sentenceIndex">): SimilarResponse {
  const limit = options.limit ?? 10;
  const index = ix.sentenceIndex;
  const flags = ix.tokenClasses;
  const allowed = new Uint8Array(corpus.docs.length);
  for (const d of docs) {
    const k = index.docIndex.get(d);
    if (k !== undefined) allowed[k] = 1;
  }

  const plain = options.plain ?? false;
  const indexed = (id: number | undefined): id is number => id !== undefined && !!(flags[id] & WORD) && !corpus.isStopword[id] && index.df[id] > 0;
  const query = new Map<number, number>(); // id → idf
  /** per query word of four characters or more: the corpus words inside it */
  const concepts = new Map<number, { text: string; parts: string[] }>();
  /** the corpus words inside a long word of the draft, id → weight: a sentence without the long word scores them instead */
  const parts = new Map<number, number>();
  for (const t of options.tokens) {
    const id = corpus.termIds.get(t);
    if (!indexed(id) || query.has(id)) continue;
    query.set(id, Math.log(1 + index.sentences / index.df[id]));
    concepts.set(id, { text: t, parts: [] });
  }
  if (!plain) {
    for (const [id, c] of concepts) {
      const t = corpus.vocab[id];
      if ([...t].length < COMPOUND) continue;
      for (const part of partsOf(t, corpus.termIds)) {
        const pid = corpus.termIds.get(part)!;
        if (!indexed(pid) || query.has(pid) || parts.has(pid)) continue;
        parts.set(pid, PART_SHARE * Math.log(1 + index.sentences / index.df[pid]));
        c.parts.push(part);
      }
    }
  }
  let qNorm = 0;
  for (const w of query.values()) qNorm += w * w;
  qNorm = Math.sqrt(qNorm);
  if (!qNorm) return { rows: [], keyTerms: [] };

  const dot = new Map<number, number>();
  for (const [id, w] of query) {
    forEachSentence(index, id, (s) => {
      if (allowed[index.sentDoc[s]]) dot.set(s, (dot.get(s) ?? 0) + w * w);
    });
  }
  // a sentence without the long word scores the words inside it that it holds, up to the long word's own weight
  for (const [id, c] of concepts) {
    if (!c.parts.length) continue;
    const holding = new Set<number>();
    forEachSentence(index, id, (s) => void holding.add(s));
    const partial = new Map<number, number>();
    for (const part of c.parts) {
      const pid = corpus.termIds.get(part)!;
      const w = parts.get(pid)!;
      forEachSentence(index, pid, (s) => {
        if (allowed[index.sentDoc[s]] && !holding.has(s)) partial.set(s, (partial.get(s) ?? 0) + w * w);
      });
    }
    const cap = query.get(id)! ** 2;
    for (const [s, x] of partial) dot.set(s, (dot.get(s) ?? 0) + Math.min(cap, x));
  }
  // the draft's key terms: its rarest words (two characters or more); a sentence holding none of
  // them (in any segmentation) makes another point however many common words it shares
  // (a verb with its modifier, 积极开展 or 切实维护, says how, not what: never a key term)
  const heads = plain ? null : verbHeads(corpus);
  // nor is an adverb, pronoun or numeral (进一步, 我们)
  const fn = plain ? null : functionWords(corpus);
  const ranked = [...query].filter(([id]) => corpus.vocab[id].length >= 2 && !(heads && heads[id] >= 0) && !fn?.[id]).sort((a, b) => b[1] - a[1]);
  const keys = ranked.filter(([, w], i) => i < KEY_MAX && w >= KEY_SHARE * ranked[0][1]).map(([id]) => concepts.get(id)!);
  /** holds a key term: the word, or half the corpus words inside it (女职工…权益) */
  const holds = (k: (typeof keys)[number], text: string) => text.includes(k.text) || (k.parts.length > 1 && k.parts.filter((x) => text.includes(x)).length * 2 >= k.parts.length);
  const anchored = (text: string) => !keys.length || keys.some((k) => holds(k, text));
  const draftShortcoming = SHORTCOMING.test(options.tokens.join(""));
  const queryText = options.tokens.join("");
  const qBigrams = bigrams(queryText);
  const qBigramNorm = norm(qBigrams);
  /** a sentence shorter than the draft is normalised as if it were as long: its score is the share of the draft it covers */
  const pivot = (n: number, q: number) => (plain || n >= q ? n : q);
  const fullLength = Math.min(FULL_SENTENCE, [...queryText.replace(/[^\p{L}\p{N}]/gu, "")].length);
  /** fragments (三是走访慰问) weigh by their share of a full sentence's characters */
  const fragment = (text: string) => (plain ? 1 : Math.min(1, [...text.replace(/[^\p{L}\p{N}]/gu, "")].length / fullLength));
  const draftKey = groupKey(queryText);
  /**
   * What keeps a close sentence from being a usable one: no key term (drift), a heading or list stub
   * (GDEX's fragment reasons), and, among near ties, the rest of its GDEX score (dates, numerals,
   * unit names, openers that point back, a length outside the window).
   */
  const quality = (text: string) => {
    const g = gdex(text);
    const marker = MARKER.exec(text.trim());
    const label = marker && !/[，,：:]/.test(text) && letters(text.trim().slice(marker[0].length)) < LABEL_BODY;
    // a heading glued to the sentence after it (the line break lost): 二、提高职工素质 全面提高… or …队伍素质一是…
    const glued = /[\p{L}\p{N}][ \u3000]+[\u4e00-\u9fff]|[^\s\p{P}](?:[一二三四五六七八九十]是|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]、)/u.test(text.trim());
    const fragmentary = label || glued || g.reasons.some((r) => r === "heading" || r === "no-end" || r === "list-stub" || r === "short");
    const drift = !anchored(text) || (!draftShortcoming && SHORTCOMING.test(text));
    return (drift ? DRIFT : 1) * (fragmentary ? FRAGMENT : 1) * (0.75 + 0.25 * g.score);
  };
  const candidates = [...dot]
    .map(([s, d]) => [s, d / (qNorm * pivot(index.norm[s], qNorm))] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, CANDIDATES)
    .map(([s, cos]) => {
      const doc = corpus.docs[index.sentDoc[s]];
      const start = tokenStart(corpus, doc, index.sentStart[s]);
      const text = doc.report.text.slice(start, tokenStart(corpus, doc, index.sentEnd[s]));
      const b = bigrams(text);
      const bn = norm(b);
      const bcos = qBigramNorm && bn ? dotOf(qBigrams, b) / (qBigramNorm * pivot(bn, qBigramNorm)) : 0;
      const key = groupKey(text);
      const sim = (0.7 * Math.min(1, cos) + 0.3 * Math.min(1, bcos)) * fragment(text);
      return {
        s,
        doc,
        start,
        text,
        b,
        bn,
        key,
        score: plain || key === draftKey ? sim : sim * quality(text),
      };
    })
    .sort((a, b) => b.score - a.score);

  /** the sentence's words that are the draft's (its query words), as merged ranges of its text */
  const shared = (s: number): [number, number][] => {
    const doc = corpus.docs[index.sentDoc[s]];
    const base = tokenStart(corpus, doc, index.sentStart[s]);
    const marks: [number, number][] = [];
    for (let i = index.sentStart[s]; i < index.sentEnd[s]; i++) {
      if (!query.has(doc.tokenIds[i])) continue;
      const [a, b] = [tokenStart(corpus, doc, i) - base, tokenStart(corpus, doc, i + 1) - base];
      const last = marks[marks.length - 1];
      if (last && last[1] === a) last[1] = b;
      else marks.push([a, b]);
    }
    return marks;
  };

  if (plain) {
    const seen = new Set<string>();
    const rows: SimilarRow[] = [];
    for (const c of candidates) {
      if (seen.has(c.text)) continue;
      seen.add(c.text);
      rows.push(rowOf(c.doc, c.start, c.text, c.score, [c], shared(c.s)));
      if (rows.length >= limit) break;
    }
    return { rows, keyTerms: keyTerms(corpus, query) };
  }

  // near-identical sentences are one group, led by its best-scored member
  type Candidate = (typeof candidates)[number];
  const groups: Candidate[][] = [];
  const byKey = new Map<string, Candidate[]>();
  for (const c of candidates) {
    let g = byKey.get(c.key);
    if (!g) g = groups.find((x) => x[0].bn && c.bn && dotOf(x[0].b, c.b) / (x[0].bn * c.bn) >= GROUP_AT);
    if (g) g.push(c);
    else groups.push((g = [c]));
    byKey.set(c.key, g);
  }
  const rows = groups
    .map((g) => {
      const row = rowOf(g[0].doc, g[0].start, g[0].text, g[0].score, g, shared(g[0].s));
      return { row, rank: row.score / (1 + Math.log(row.reports) / 4) };
    })
    .sort((a, b) => b.rank - a.rank)
    .slice(0, limit)
    .map((x) => x.row);
  return { rows, keyTerms: keyTerms(corpus, query) };
}

function rowOf(doc: CorpusDoc, start: number, text: string, score: number, group: { doc: CorpusDoc; start: number }[], marks: [number, number][]): SimilarRow {
  const r = doc.report;
  const seen = new Set([r.id]);
  const also: SimilarRow["also"] = [];
  for (const c of group) {
    if (seen.has(c.doc.report.id)) continue;
    seen.add(c.doc.report.id);
    if (also.length < ALSO_MAX)
      also.push({
        reportId: c.doc.report.id,
        title: c.doc.report.title,
        sector: c.doc.report.sector,
        year: c.doc.report.year,
        start: c.start,
      });
  }
  return {
    reportId: r.id,
    title: r.title,
    sector: r.sector,
    year: r.year,
    text,
    start,
    score,
    reports: seen.size,
    also,
    marks,
  };
}

/** The draft's words a writer would look up: the rarest (highest idf) first, at most five, two characters or more. */
function keyTerms(corpus: Corpus, query: Map<number, number>): string[] {
  return [...query]
    .filter(([id]) => corpus.vocab[id].length >= 2)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([id]) => corpus.vocab[id]);
}

/** What near-copies share: the letters, without digits, placeholders and punctuation. */
function groupKey(text: string): string {
  return text.replace(/[^\p{L}]|[xX]/gu, "").replace(/[〇零一二三四五六七八九十百千万]/g, "");
}

// adverbs, pronouns, numerals, measure words, prepositions, conjunctions, particles (jieba's tags)
const FUNCTION_TAGS = new Set(["d", "r", "m", "mq", "q", "p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "y", "e", "o"]);
const functionCache = new WeakMap<Corpus, Uint8Array>();

/** per vocab id: 1 when most of the word's tagged occurrences are a function word's (one pass over the tokens, cached per corpus) */
function functionWords(corpus: Corpus): Uint8Array {
  const hit = functionCache.get(corpus);
  if (hit) return hit;
  const isFunction = corpus.tagNames.map((t) => FUNCTION_TAGS.has(t));
  const balance = new Int32Array(corpus.vocab.length);
  for (const doc of corpus.docs) {
    const ids = doc.tokenIds;
    const tags = doc.tagIds;
    for (let i = 0; i < ids.length; i++) if (tags[i]) balance[ids[i]] += isFunction[tags[i]] ? 1 : -1;
  }
  const words = new Uint8Array(corpus.vocab.length);
  for (let id = 0; id < words.length; id++) words[id] = balance[id] > 0 ? 1 : 0;
  functionCache.set(corpus, words);
  return words;
}

const letters = (text: string) => [...text.replace(/[^\p{L}\p{N}]/gu, "")].length;

/** The corpus words of two characters or more inside `word`, longest first, not overlapping (greedy from the left). */
function partsOf(word: string, termIds: Map<string, number>): string[] {
  const chars = [...word];
  const found: string[] = [];
  for (let i = 0; i < chars.length;) {
    let n = i === 0 ? chars.length - 1 : chars.length - i;
    for (; n >= 2 && !termIds.has(chars.slice(i, i + n).join("")); n--);
    if (n >= 2) {
      found.push(chars.slice(i, i + n).join(""));
      i += n;
    } else i++;
  }
  return found;
}

function bigrams(text: string): Map<string, number> {
  const chars = [...text.replace(/[^\p{L}\p{N}]/gu, "")];
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const b = chars[i] + chars[i + 1];
    m.set(b, (m.get(b) ?? 0) + 1);
  }
  return m;
}

function norm(m: Map<string, number>): number {
  let n = 0;
  for (const v of m.values()) n += v * v;
  return Math.sqrt(n);
}

function dotOf(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  for (const [k, v] of a) dot += v * (b.get(k) ?? 0);
  return dot;
}
