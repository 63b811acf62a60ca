// Meilisearch sees each jieba word as a code word of lowercase Latin letters.
//
// Why: Meilisearch re-segments Chinese itself (charabia: jieba plus a second cut
// of long words), so 困难职工帮扶中心 would be indexed as four words and 帮扶
// would match inside it. Its `dictionary` setting can pin words, but the
// tokenizer is rebuilt with the whole dictionary on every search: measured here,
// 5,800 pinned words cost 25 ms per query (≈0 ms without), growing with the
// vocabulary. A Latin code word is never split, so the words Meilisearch
// matches are exactly our jieba tokens, at no cost per query.
//
// The code is a hash of the word, so index and query agree without a shared
// table: "w" + 12 letters (26^12 ≈ 9.5e16 values; a million-word vocabulary has
// a ~5e-6 chance of one collision).
import { createHash } from "node:crypto";
import { isWord } from "./segment.ts";

export function wordCode(word: string): string {
  const digest = createHash("sha1").update(word).digest();
  let code = "w";
  for (let i = 0; i < 12; i++) code += String.fromCharCode(97 + (digest[i] % 26));
  return code;
}

/**
 * Code words of one indexing run, remembered: a corpus repeats its words (~50M tokens over ~100k
 * distinct words at 20k reports), and a sha1 per token would add tens of seconds to an ingest. The
 * run creates it and drops it when done; nothing outlives the run.
 */
export class CodeWords {
  private readonly memo = new Map<string, string>();

  code(word: string): string {
    let code = this.memo.get(word);
    if (code === undefined) this.memo.set(word, (code = wordCode(word)));
    return code;
  }

  /** encodeTokens with this run's memory */
  encode(tokens: readonly string[]): string[] {
    return encodeTokens(tokens, (w) => this.code(w));
  }
}

/**
 * The code of a synonym set, written once per report (or passage) in the `syn` field wherever any
 * member of the set occurs (query.ts synonymKeysIn). "s" keeps it apart from every word code.
 */
export function synonymCode(key: string): string {
  return "s" + wordCode(key).slice(1);
}

/** What punctuation other than a sentence end becomes in Meilisearch: a word that is never
 * queried, so a phrase cannot match across it (Meilisearch puts words on either side of a comma
 * one position apart, as if adjacent; our token match does not). */
export const PUNCTUATION_CODE = "zp";

/** Sentence ends stay themselves: Meilisearch's hard separators (8 positions; no phrase across). */
export const SENTENCE_END = /^[。！？!?；;\n]+$/u;

/**
 * The searchable form of a token stream: words as codes, sentence ends kept, other punctuation
 * as PUNCTUATION_CODE, line breaks kept, other whitespace dropped (words either side of a space
 * are adjacent).
 */
export function encodeTokens(tokens: readonly string[], code: (word: string) => string = wordCode): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    // A space joins (职代会 制度 is still a phrase); a line break separates, as in match.ts.
    if (!t.trim()) {
      if (t.includes("\n")) out.push(PUNCTUATION_CODE);
      continue;
    }
    out.push(isWord(t) ? code(t) : SENTENCE_END.test(t) ? t : PUNCTUATION_CODE);
  }
  return out;
}
