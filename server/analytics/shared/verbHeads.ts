// Head verbs, decided by the corpus itself: a word whose end is another corpus word of at least
// two characters tagged as a verb (v, vd, vi, vg) somewhere in the corpus has that word as its
// head — 深入开展, 积极开展, 组织开展 → 开展; 认真落实, 贯彻落实 → 落实; 进一步加强 → 加强. The shortest
// such ending wins (进一步深入开展 → 开展, not 深入开展). A single-character ending never is a head
// (召开 is not a form of 开). O(tokens) once per corpus to learn which words are verbs, then
// O(vocab × word length); cached per corpus.
import type { Corpus } from "../../../core/corpus/types.ts";

const VERB_TAGS = new Set(["v", "vd", "vi", "vg"]);
/** the shortest head a form may have, in characters */
export const MIN_HEAD = 2;

const cache = new WeakMap<Corpus, Int32Array>();

/** per vocab id: the vocab id of its head verb, or -1 when the word is no prefixed form of one */
export function verbHeads(corpus: Corpus): Int32Array {
  const hit = cache.get(corpus);
  if (hit) return hit;
  const verbTagIds = new Uint8Array(256);
  corpus.tagNames.forEach((t, i) => {
    if (VERB_TAGS.has(t)) verbTagIds[i] = 1;
  });
  const isVerb = new Uint8Array(corpus.vocab.length);
  for (const doc of corpus.docs) {
    const ids = doc.tokenIds;
    const tags = doc.tagIds;
    for (let i = 0; i < ids.length; i++) if (verbTagIds[tags[i]]) isVerb[ids[i]] = 1;
  }
  const heads = new Int32Array(corpus.vocab.length).fill(-1);
  for (let id = 0; id < corpus.vocab.length; id++) {
    const w = corpus.vocab[id];
    if (!corpus.isWord[id] || w.length <= MIN_HEAD) continue;
    for (let len = MIN_HEAD; len < w.length; len++) {
      const h = corpus.termIds.get(w.slice(w.length - len));
      if (h !== undefined && isVerb[h]) {
        heads[id] = h;
        break;
      }
    }
  }
  cache.set(corpus, heads);
  return heads;
}
