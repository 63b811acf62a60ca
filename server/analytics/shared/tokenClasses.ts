// Per-vocabulary-id flags that every analytic needs (is it a word, a space, a sentence end …),
// O(vocab); CorpusIndexes (server/corpus/indexes.ts) computes them once per corpus.
import type { Corpus } from "../../../core/corpus/types.ts";

export const WORD = 1;
/** whitespace only, no newline: invisible to word matching (a space inside 职代会 制度) */
export const SPACE = 2;
/** 。！？；… or a paragraph break: sentences (phrasing, similar, collocation windows) stop here */
export const SENTENCE_END = 4;
/** digits and anonymised placeholders (2023, xx, 20xx, 二〇二三): phrasing treats them as gaps */
export const NUMERIC = 8;
/** a token holding a newline: a paragraph break */
export const NEWLINE = 16;

const SENTENCE_END_RE = /[。！？；!?;…\n]/;
const NUMERIC_RE = /^(?:[0-9０-９.．%％]+|[xX×＊*_＿~～]+|20[xX]{2}|[0-9]+[xX]+|[〇零一二三四五六七八九十百千万两]+)$/;

export function tokenClasses(corpus: Corpus): Uint8Array {
  const flags = new Uint8Array(corpus.vocab.length);
  for (let id = 0; id < corpus.vocab.length; id++) {
    const t = corpus.vocab[id];
    let f = 0;
    if (corpus.isWord[id]) f |= WORD;
    else if (/^[^\S\n]+$/.test(t)) f |= SPACE;
    if (!corpus.isWord[id] && SENTENCE_END_RE.test(t)) f |= SENTENCE_END;
    if (NUMERIC_RE.test(t)) f |= NUMERIC;
    if (t.includes("\n")) f |= NEWLINE;
    flags[id] = f;
  }
  return flags;
}
