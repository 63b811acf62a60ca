// Where a CQL pattern (core/cql) matches, over the in-memory token arrays. Positions are the
// non-blank tokens (whitespace is stepped over, punctuation is a token as in CQP); within a
// sentence (the default) a match never holds a sentence end (。！？；… or a line break).
// The pattern is anchored on its rarest required word test: only the reports the postings give
// for it are read, and in them only the sentences holding it, so a pattern costs what that word's
// postings cost. A pattern with no word test to anchor on ([tag="v"]{2}) reads every selected report.
// Within a sentence, when the anchor is one word and a second required test another word, only the
// sentences the sentence index lists for both are read ("开展" [] "活动": the sentences holding
// both words, not every report that does).
// Matches are left to right, longest first at each start, never overlapping.
import type { Corpus, CorpusDoc, TokenIds } from "../../core/corpus/types.ts";
import type { Pattern, TokenTest } from "../../core/cql/ast.ts";
import { anchored } from "../../core/cql/compile.ts";
import type { CorpusIndexes } from "../corpus/indexes.ts";
import { NEWLINE, SENTENCE_END, SPACE } from "./shared/tokenClasses.ts";
import { inSentenceIndex, SentencePostings, type SentenceIndex } from "./shared/sentenceIndex.ts";
import { docFrequency } from "./shared/docPostings.ts";

export type CqlIndexes = Pick<CorpusIndexes, "tokenClasses" | "docPostings" | "sentenceIndex">;

/** (vocab id, tag id) → does the token pass; `words`: the vocab ids it can pass, when finite and tag-free. */
interface CompiledTest {
  pass: (v: number, t: number) => boolean;
  words: number[] | null;
  usesTags: boolean;
}

function compileTest(corpus: Corpus, t: TokenTest): CompiledTest {
  switch (t.kind) {
    case "any":
      return { pass: () => true, words: null, usesTags: false };
    case "word": {
      let ids: number[];
      if (t.literal !== null) {
        const id = corpus.termIds.get(t.literal);
        ids = id === undefined ? [] : [id];
      } else {
        const re = anchored(t.regex ?? "");
        ids = [];
        corpus.vocab.forEach((w, id) => {
          if (re.test(w)) ids.push(id);
        });
      }
      const set = new Set(ids);
      return t.negated ? { pass: (v) => !set.has(v), words: null, usesTags: false } : { pass: (v) => set.has(v), words: ids, usesTags: false };
    }
    case "tag": {
      const re = anchored(t.regex);
      // tag id 0 is an untagged token: it passes no tag test
      const ok = Uint8Array.from(corpus.tagNames, (name, id) => (id > 0 && re.test(name) ? 1 : 0));
      return { pass: (_v, tag) => (ok[tag] === 1) !== t.negated, words: null, usesTags: true };
    }
    case "not": {
      const inner = compileTest(corpus, t.test);
      return { pass: (v, tag) => !inner.pass(v, tag), words: null, usesTags: inner.usesTags };
    }
    case "and": {
      const parts = t.parts.map((p) => compileTest(corpus, p));
      // the narrowest finite word set of the conjuncts bounds the whole
      const finite = parts.filter((p) => p.words).sort((a, b) => a.words!.length - b.words!.length)[0];
      return { pass: (v, tag) => parts.every((p) => p.pass(v, tag)), words: finite ? finite.words!.filter((v) => parts.every((p) => p.pass(v, 0) || p.usesTags)) : null, usesTags: parts.some((p) => p.usesTags) };
    }
    case "or": {
      const parts = t.parts.map((p) => compileTest(corpus, p));
      const finite = parts.every((p) => p.words);
      return { pass: (v, tag) => parts.some((p) => p.pass(v, tag)), words: finite ? [...new Set(parts.flatMap((p) => p.words!))] : null, usesTags: parts.some((p) => p.usesTags) };
    }
  }
}

export interface CqlScan {
  /** occurrences */
  total: number;
  /** reports with at least one */
  reports: number;
  /** onMatch asked to stop: the counts cover the reports read until then */
  stopped: boolean;
}

/**
 * A test as the inner loop reads it: any token, a lookup by vocabulary id, a lookup by tag id, or
 * (a test mixing words and tags) the general function.
 */
interface Item {
  kind: 0 | 1 | 2 | 3;
  byWord: Uint8Array;
  byTag: Uint8Array;
  pass: (v: number, t: number) => boolean;
  min: number;
  max: number;
}

function toItem(corpus: Corpus, t: TokenTest, min: number, max: number): Item & { words: number[] | null } {
  const c = compileTest(corpus, t);
  const none = new Uint8Array(0);
  if (t.kind === "any") return { kind: 0, byWord: none, byTag: none, pass: c.pass, min, max, words: null };
  if (!c.usesTags) {
    const byWord = new Uint8Array(corpus.vocab.length);
    if (c.words) for (const v of c.words) byWord[v] = 1;
    else for (let v = 0; v < byWord.length; v++) byWord[v] = c.pass(v, 0) ? 1 : 0;
    return { kind: 1, byWord, byTag: none, pass: c.pass, min, max, words: c.words };
  }
  if (t.kind === "tag") return { kind: 2, byWord: none, byTag: Uint8Array.from(corpus.tagNames, (_n, id) => (c.pass(0, id) ? 1 : 0)), pass: c.pass, min, max, words: null };
  return { kind: 3, byWord: none, byTag: none, pass: c.pass, min, max, words: c.words };
}

/**
 * Calls onMatch(index into docs, first token, end token exclusive) for every match, reports in
 * the order of `docs`, matches in text order. onMatch returning true stops the scan at the end of
 * the report under way (any other value goes on).
 */
export function cqlScan(corpus: Corpus, docs: readonly CorpusDoc[], pattern: Pattern, ix: CqlIndexes, onMatch?: (d: number, start: number, end: number) => unknown): CqlScan {
  const items = pattern.items.map((it) => toItem(corpus, it.test, it.min, it.max));
  const flags = ix.tokenClasses;
  const P = ix.docPostings;
  const postingsOf = (ids: number[]) => ids.reduce((n, v) => n + docFrequency(P, v), 0);

  // the anchor: the required item with a finite word set whose postings are fewest
  let anchor: number[] | null = null;
  let anchorItem = -1;
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (it.min < 1 || !it.words) continue;
    if (!anchor || postingsOf(it.words) < postingsOf(anchor)) {
      anchor = it.words;
      anchorItem = k;
    }
  }
  if (anchor && !anchor.length) return { total: 0, reports: 0, stopped: false };
  let anchorSet: Uint8Array | null = null;
  let candidate: Uint8Array | null = null;
  if (anchor) {
    anchorSet = new Uint8Array(corpus.vocab.length);
    for (const v of anchor) anchorSet[v] = 1;
    // a candidate report holds a word of every required word test, not only the anchor's:
    // candidate[k] counts the tests it passes
    const required = items.filter((it) => it.min >= 1 && it.words);
    candidate = new Uint8Array(corpus.docs.length);
    const seen = new Uint8Array(corpus.docs.length);
    required.forEach((it, r) => {
      for (const v of it.words!) {
        for (const k of P.list(v).doc) {
          // one increment per test, however many of its words the report holds
          if (seen[k] !== r + 1 && candidate![k] === r) {
            seen[k] = r + 1;
            candidate![k]++;
          }
        }
      }
    });
    const need = required.length;
    for (let k = 0; k < candidate.length; k++) candidate[k] = candidate[k] === need ? 1 : 0;
  }
  // one anchor word: the native TypedArray.indexOf finds its next occurrence (a tight memchr-like
  // loop), several: a lookup per token
  const single = anchor && anchor.length === 1 ? anchor[0] : -1;

  // per vocab id: 1 = blank (no position), 2 = a sentence end (a boundary within s)
  const inSentence = pattern.within === "s";
  const cls = new Uint8Array(corpus.vocab.length);
  for (let v = 0; v < cls.length; v++) {
    if (flags[v] & SPACE || (flags[v] & NEWLINE && !corpus.vocab[v].trim())) cls[v] = 1;
    if (inSentence && flags[v] & SENTENCE_END) cls[v] = 2;
  }
  let sentences = inSentence && anchor ? sentencePlan(corpus, items, anchorItem, flags, ix) : null;
  const scratch = new Scratch();
  // the most positions a match can span
  const W = items.reduce((n, it) => n + it.max, 0);
  // Every item exactly one token ("开展" [] "活动"): a match is the one start `anchorItem`
  // positions before an anchor, checked item by item — no span to build. Matches all have the same
  // length, so taking them in order of their starts, each after the last one's end, is the general
  // rule (leftmost, longest, never overlapping). Anchors that are not themselves positions (a blank,
  // a sentence end) take the general path.
  const fixed = anchorSet !== null && items.every((it) => it.min === 1 && it.max === 1) && anchor!.every((v) => cls[v] === 0);
  let total = 0;
  let reports = 0;

  let stopped = false;
  // the token ranges of a report where anchors are looked for: its whole text, or its candidate sentences
  let rangeStart: Uint32Array = new Uint32Array(16);
  let rangeEnd: Uint32Array = new Uint32Array(16);
  let ranges = 1;
  let common = sentences ? sentences.next() : Infinity;
  let lastK = -1;
  // the report under way and the end of its last match, for the one callback every match goes through
  // (built once: closures made per report cost ~1 µs each, seconds at 100k reports)
  let current = 0;
  let lastEnd = 0;
  const hit = (s: number, e: number) => {
    lastEnd = e;
    if (onMatch?.(current, s, e) === true) stopped = true;
  };
  for (let d = 0; d < docs.length && !stopped; d++) {
    const doc = docs[d];
    // The candidate sentences come in corpus order; so do `docs` (a selection keeps the corpus's
    // order): this report's are the next ones. Reports out of that order read their whole texts.
    const k = sentences ? (sentences.index.docIndex.get(doc) ?? -1) : -1;
    if (sentences && k <= lastK) sentences = null;
    if (sentences) {
      const SI = sentences.index;
      lastK = k;
      while (common < Infinity && SI.sentDoc[common] < k) common = sentences.next();
      ranges = 0;
      for (; common < Infinity && SI.sentDoc[common] === k; common = sentences.next()) {
        if (ranges === rangeStart.length) {
          rangeStart = grow(rangeStart);
          rangeEnd = grow(rangeEnd);
        }
        rangeStart[ranges] = SI.sentStart[common];
        rangeEnd[ranges++] = SI.sentEnd[common];
      }
      if (!ranges) continue;
    } else if (candidate) {
      const k = P.docIndex.get(doc);
      if (k === undefined || !candidate[k]) continue;
    }
    const ids = doc.tokenIds;
    if (!sentences) {
      ranges = 1;
      rangeStart[0] = 0;
      rangeEnd[0] = ids.length;
    }
    const indexOfAnchor = single >= 0 && !sentences;
    const tags = doc.tagIds;
    let found = 0;
    current = d;
    lastEnd = 0;
    if (anchorSet) {
      // Every match holds an anchor token and spans at most W positions: around each anchor, only
      // the starts up to it and W positions either side (inside its sentence) need trying. Starts
      // before `resume` were tried already, or lie inside a match.
      let resume = 0;
      let fixedEnd = 0;
      const set = anchorSet;
      for (let r = 0; r < ranges; r++) {
        const to = rangeEnd[r];
        // An anchor inside a match already found starts nothing new: the next one is looked for from
        // `resume`. In a whole text one word is found by the native indexOf; in a sentence (a few dozen
        // tokens) by a plain loop.
        for (let i = indexOfAnchor ? ids.indexOf(single, resume) : nextIn(set, ids, Math.max(resume, rangeStart[r]), to); i >= 0; i = indexOfAnchor ? ids.indexOf(single, resume) : nextIn(set, ids, resume, to)) {
          if (fixed) {
            // a match may start before this anchor but not before the last match's end
            const start = startOf(ids, cls, i, anchorItem);
            const end = start >= fixedEnd ? fixedMatch(items, ids, tags, cls, start) : -1;
            if (end > 0) {
              found++;
              hit(start, end);
              fixedEnd = end;
            }
            resume = i + 1;
            continue;
          }
          let a = i;
          for (let k = 1; a > resume && k < W; ) {
            const c = cls[ids[a - 1]];
            if (c === 2) break;
            a--;
            if (c === 0) k++;
          }
          const pos = scratch.positions(2 * W + 1);
          let L = 0;
          for (let j = a; j < i; j++) if (cls[ids[j]] === 0) pos[L++] = j;
          const anchorAt = L;
          pos[L++] = i;
          for (let j = i + 1, k = 1; j < ids.length && k < W; j++) {
            const c = cls[ids[j]];
            if (c === 2) break;
            if (c === 0) {
              pos[L++] = j;
              k++;
            }
          }
          lastEnd = 0;
          found += matchSpan(items, ids, tags, pos, L, anchorAt, scratch, hit);
          resume = Math.max(i + 1, lastEnd);
        }
      }
    } else {
      for (let i = 0; i < ids.length; i++) {
        if (cls[ids[i]] !== 0) continue;
        // the span around i: its sentence, or the whole text
        let a = i;
        let b = i + 1;
        if (inSentence) {
          while (a > 0 && cls[ids[a - 1]] !== 2) a--;
          while (b < ids.length && cls[ids[b]] !== 2) b++;
        } else {
          a = 0;
          b = ids.length;
        }
        const pos = scratch.positions(b - a);
        let L = 0;
        for (let j = a; j < b; j++) if (cls[ids[j]] === 0) pos[L++] = j;
        found += matchSpan(items, ids, tags, pos, L, L - 1, scratch, hit);
        i = b - 1;
      }
    }
    if (found) {
      total += found;
      reports++;
    }
  }
  return { total, reports, stopped };
}

/** The token `back` positions (non-blank tokens) before token i; -1 past a sentence end or the start. */
function startOf(ids: TokenIds, cls: Uint8Array, i: number, back: number): number {
  let s = i;
  for (let k = 0; k < back; k++) {
    s--;
    while (s >= 0 && cls[ids[s]] === 1) s--;
    if (s < 0 || cls[ids[s]] === 2) return -1;
  }
  return s;
}

/** A fixed-length pattern (every item one token) tried from token s: the end token (exclusive) of the match, or -1. */
function fixedMatch(items: Item[], ids: TokenIds, tags: Uint8Array, cls: Uint8Array, s: number): number {
  let p = s;
  for (let k = 0; k < items.length; k++) {
    if (k > 0) {
      p++;
      while (p < ids.length && cls[ids[p]] === 1) p++;
    }
    if (p >= ids.length || cls[ids[p]] === 2 || !passes(items[k], ids[p], tags[p])) return -1;
  }
  return p + 1;
}

/** The first token in [from, to) whose word is in `set`, or -1. */
function nextIn(set: Uint8Array, ids: TokenIds, from: number, to: number): number {
  for (let j = from; j < to; j++) if (set[ids[j]]) return j;
  return -1;
}

function grow(a: Uint32Array): Uint32Array {
  const b = new Uint32Array(2 * a.length);
  b.set(a);
  return b;
}

/**
 * The sentences a match within s can lie in, when the sentence index can tell: the anchor's item is
 * one word, and a second required item is one other word, both indexed (words, not stopwords; the
 * index also skips sentences with fewer than two distinct words, which two different required words
 * rule out). `next()` gives the sentences holding both, ascending, read from the two postings as the
 * scan goes (a first page that stops early decodes only what it reached). Null when there is no
 * such pair.
 */
function sentencePlan(corpus: Corpus, items: (Item & { words: number[] | null })[], anchorItem: number, flags: Uint8Array, ix: CqlIndexes): { index: SentenceIndex; next: () => number } | null {
  const indexed = (ws: number[] | null): ws is [number] => ws !== null && ws.length === 1 && inSentenceIndex(corpus, flags, ws[0]);
  const anchorWords = items[anchorItem].words;
  if (!indexed(anchorWords)) return null;
  const others = items.filter((it, k) => k !== anchorItem && it.min >= 1 && indexed(it.words) && it.words[0] !== anchorWords[0]).map((it) => it.words![0]);
  if (!others.length) return null;
  // read only now: an index not prebuilt in the image is built on first read
  const SI = ix.sentenceIndex;
  const other = others.reduce((a, b) => (SI.df[b] < SI.df[a] ? b : a));
  const a = new SentencePostings(SI, anchorWords[0]);
  const b = new SentencePostings(SI, other);
  return {
    index: SI,
    next: () => {
      // both step off the last common sentence (or onto their first), then the one behind steps
      if (!a.next() || !b.next()) return Infinity;
      while (a.sentence !== b.sentence) {
        if (!(a.sentence < b.sentence ? a.next() : b.next())) return Infinity;
      }
      return a.sentence;
    },
  };
}

/** Arrays reused from span to span (one scan allocates them once, grown as spans need). */
class Scratch {
  pos = new Uint32Array(1024);
  reach = new Uint8Array(1025);
  next = new Uint8Array(1025);

  positions(n: number): Uint32Array {
    if (this.pos.length < n) {
      this.pos = new Uint32Array(2 * n);
      this.reach = new Uint8Array(2 * n + 1);
      this.next = new Uint8Array(2 * n + 1);
    }
    return this.pos;
  }
}

function passes(it: Item, v: number, t: number): boolean {
  switch (it.kind) {
    case 0:
      return true;
    case 1:
      return it.byWord[v] === 1;
    case 2:
      return it.byTag[t] === 1;
    default:
      return it.pass(v, t);
  }
}

/**
 * The matches inside one span of positions (token indices) starting at positions up to
 * `lastStart`: left to right, longest at each start, no overlap.
 */
function matchSpan(items: Item[], ids: TokenIds, tags: Uint8Array, pos: Uint32Array, L: number, lastStart: number, scratch: Scratch, onMatch: (start: number, end: number) => void): number {
  let reach = scratch.reach;
  let next = scratch.next;
  reach.fill(0, 0, L + 1);
  next.fill(0, 0, L + 1);
  const first = items[0];
  let n = 0;
  // the highest position written since the arrays were last cleared: a start clears only that far
  let dirty = 0;
  for (let s = 0; s <= lastStart && s < L; ) {
    // a required first token that fails here: no match starts here (the common case)
    if (first.min > 0 && !passes(first, ids[pos[s]], tags[pos[s]])) {
      s++;
      continue;
    }
    // the set of positions reachable after each item, starting at s (an NFA over the span)
    reach.fill(0, s, dirty + 1);
    next.fill(0, s, dirty + 1);
    reach[s] = 1;
    let lo = s;
    let hi = s;
    for (const it of items) {
      next.fill(0, lo, dirty + 1);
      let nlo = L + 1;
      let nhi = -1;
      for (let r = lo; r <= hi; r++) {
        if (!reach[r]) continue;
        let k = r;
        for (let c = 0; c <= it.max; c++) {
          if (c >= it.min) {
            next[k] = 1;
            if (k < nlo) nlo = k;
            if (k > nhi) nhi = k;
          }
          if (c === it.max || k >= L || !passes(it, ids[pos[k]], tags[pos[k]])) break;
          k++;
        }
      }
      if (nhi > dirty) dirty = nhi;
      [reach, next] = [next, reach];
      lo = nlo;
      hi = nhi;
      if (hi < lo) break;
    }
    let end = -1;
    for (let r = hi; r > s && r >= lo; r--) {
      if (reach[r]) {
        end = r;
        break;
      }
    }
    if (end > s) {
      onMatch(pos[s], pos[end - 1] + 1);
      n++;
      s = end;
    } else s++;
  }
  return n;
}
