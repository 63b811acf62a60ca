// The sentence around a token span: from after the previous sentence end up to and including the
// next one (a paragraph break is left out). O(sentence length); `maxWords` bounds it on each side
// for texts that never end a sentence.
import type { TokenIds } from "../../../core/corpus/types.ts";
import { NEWLINE, SENTENCE_END, SPACE, WORD } from "./tokenClasses.ts";

export function sentenceRange(ids: TokenIds, start: number, end: number, flags: Uint8Array, maxWords = Infinity): [number, number] {
  let s = start;
  for (let words = 0; s > 0 && !(flags[ids[s - 1]] & SENTENCE_END) && words < maxWords; s--) {
    if (flags[ids[s - 1]] & WORD) words++;
  }
  let e = end;
  for (let words = 0; e < ids.length && words < maxWords; e++) {
    const f = flags[ids[e]];
    if (f & SENTENCE_END) {
      if (!(f & NEWLINE)) e++;
      break;
    }
    if (f & WORD) words++;
  }
  while (s < e && flags[ids[s]] & (SPACE | NEWLINE)) s++;
  return [s, e];
}
