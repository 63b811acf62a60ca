// Where a CQL pattern (core/cql) matches, over the in-memory token arrays. Positions are the
// non-blank tokens (whitespace is stepped over, punctuation is a token as in CQP); within a
// sentence (the default) a match never holds a sentence end (。！？；… or a line break).
// The pattern is anchored on its rarest required word test: only the reports the postings give
// for it are read, and in them only the sentences holding it, so a pattern costs what that word's
// postings cost. A pattern with no word test to anchor on ([tag="v"]{2}) reads every selected report.
// Matches are left to right, longest first at each start, never overlapping.
import type { Corpus, CorpusDoc, TokenIds } from "../../core/corpus/types.ts";
import type { Pattern, TokenTest } from "../../core/cql/ast.ts";
import { anchored } from "../../core/cql/compile.ts";
import type { CorpusIndexes } from "../corpus/indexes.ts";
import { NEWLINE, SENTENCE_END, SPACE } from "./shared/tokenClasses.ts";

export type CqlIndexes = Pick<CorpusIndexes, "tokenClasses" | "docPostings">;

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
}

/**
 * Calls onMatch(index into docs, first token, end token exclusive) for every match, reports in
 * the order of `docs`, matches in text order.
 */
export function cqlScan(corpus: Corpus, docs: readonly CorpusDoc[], pattern: Pattern, ix: CqlIndexes, onMatch?: (d: number, start: number, end: number) => void): CqlScan {
  const items = pattern.items.map((it) => ({ ...compileTest(corpus, it.test), min: it.min, max: it.max }));
  const flags = ix.tokenClasses;
  const P = ix.docPostings;
  const postingsOf = (ids: number[]) => ids.reduce((n, v) => n + P.offsets[v + 1] - P.offsets[v], 0);

  // the anchor: the required item with a finite word set whose postings are fewest
  let anchor: number[] | null = null;
  for (const it of items) {
    if (it.min < 1 || !it.words) continue;
    if (!anchor || postingsOf(it.words) < postingsOf(anchor)) anchor = it.words;
  }
  if (anchor && !anchor.length) return { total: 0, reports: 0 };
  let anchorSet: Uint8Array | null = null;
  let candidate: Uint8Array | null = null;
  if (anchor) {
    anchorSet = new Uint8Array(corpus.vocab.length);
    candidate = new Uint8Array(corpus.docs.length);
    for (const v of anchor) {
      anchorSet[v] = 1;
      for (let p = P.offsets[v]; p < P.offsets[v + 1]; p++) candidate[P.doc[p]] = 1;
    }
  }

  const inSentence = pattern.within === "s";
  const blank = (v: number) => (flags[v] & SPACE) !== 0 || ((flags[v] & NEWLINE) !== 0 && !corpus.vocab[v].trim());
  const boundary = (v: number) => inSentence && (flags[v] & SENTENCE_END) !== 0;
  let pos = new Uint32Array(1024);
  let total = 0;
  let reports = 0;

  docs.forEach((doc, d) => {
    if (candidate) {
      const k = P.docIndex.get(doc);
      if (k === undefined || !candidate[k]) return;
    }
    const ids = doc.tokenIds;
    const tags = doc.tagIds;
    let found = 0;
    for (let i = 0; i < ids.length; i++) {
      if (anchorSet ? !anchorSet[ids[i]] : boundary(ids[i]) || blank(ids[i])) continue;
      // the span around i: its sentence, or the whole text
      let a = i;
      let b = i + 1;
      if (inSentence) {
        while (a > 0 && !boundary(ids[a - 1])) a--;
        while (b < ids.length && !boundary(ids[b])) b++;
      } else {
        a = 0;
        b = ids.length;
      }
      if (pos.length < b - a) pos = new Uint32Array(2 * (b - a));
      let L = 0;
      for (let j = a; j < b; j++) if (!blank(ids[j])) pos[L++] = j;
      found += matchSpan(items, ids, tags, pos, L, (s, e) => onMatch?.(d, s, e));
      i = b - 1;
    }
    if (found) {
      total += found;
      reports++;
    }
  });
  return { total, reports };
}

type Item = CompiledTest & { min: number; max: number };

/** The matches inside one span of positions (token indices): left to right, longest at each start, no overlap. */
function matchSpan(items: Item[], ids: TokenIds, tags: Uint8Array, pos: Uint32Array, L: number, onMatch: (start: number, end: number) => void): number {
  const passes = (it: Item, k: number) => it.pass(ids[pos[k]], tags[pos[k]]);
  let reach = new Uint8Array(L + 1);
  let next = new Uint8Array(L + 1);
  let n = 0;
  // the highest position written since the arrays were last cleared: a start clears only that far
  let dirty = 0;
  for (let s = 0; s < L; ) {
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
          if (c === it.max || k >= L || !passes(it, k)) break;
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
