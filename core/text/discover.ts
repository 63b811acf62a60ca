// New-word discovery: the corpus's own recurring words that the dictionaries lack, so jieba with
// HMM off cuts them into single characters (师德 → 师 | 德, 我局 → 我 | 局, 一是 → 一 | 是). The
// standard unsupervised method for Chinese (e.g. Matrix67's "互联网时代的社会语言学", after
// Sproat & Shih 1990 on mutual information and Huang & Powers 2003 on boundary entropy): a string
// of Han characters is a word when it
//   - recurs: at least `minFreq` occurrences (and in at least `minDocs` texts);
//   - holds together: internal cohesion, the smallest pointwise mutual information over its split
//     points, log2(p(w) / (p(left) · p(right))) ≥ `minPmi` bits (probabilities per character
//     position, so strings of every length compare);
//   - varies at both edges: the entropy of the characters just before it and just after it (a
//     text or run edge counting as its own kind of neighbour each time) is ≥ `minEntropy` bits, so
//     a fragment of a longer word (师德建 is always followed by 设) is not a word;
//   - neither begins nor ends with a function character (的 了 和 在 等 …; FUNCTION_EDGE), except
//     the enumerators 一是 … 十是;
//   - is cut into single characters by the current segmenter (a string the dictionaries already
//     cut into words, such as 送温暖活动 → 送温暖 | 活动, is left alone: as one token it would hide
//     送温暖 from word search and counts).
// Candidates are 2–4 Han characters inside runs of Han characters. A longer candidate that passes
// wins over the shorter ones it contains only when it recurs as often (it then is the word).
// O(characters × 4) time and one count per distinct substring of up to 5 characters.

export interface DiscoverOptions {
  minFreq?: number;
  minDocs?: number;
  minPmi?: number;
  minEntropy?: number;
}

/** Words a reviewer rejected: `# not a word: 必访 率达` lines anywhere in a dictionary file. */
export function rejectedWords(dictionary: string): Set<string> {
  const out = new Set<string>();
  for (const m of dictionary.matchAll(/^#\s*not a word:(.*)$/gm)) for (const w of m[1].trim().split(/\s+/)) if (w) out.add(w);
  return out;
}

export interface DiscoveredWord {
  word: string;
  freq: number;
  docs: number;
  pmi: number;
  left: number;
  right: number;
}

const HAN = /\p{Script=Han}/u;
/**
 * A word does not begin or end with a particle, preposition, conjunction or degree adverb (…了,
 * 的…, 在…, …和, 较…); the enumerators 一是 … 十是 are the exception this corpus needs.
 */
const FUNCTION_EDGE = /^[的了着地得和与及等在对向把将被为也都还并这那每更很较让以由从于就才又再有是要能会去来到上中个各]|[的了着地得和与及等在对向把将被为也都还并这那每更很较让以由从于就才又再有是要能会去来到上中个各]$/;
const ENUMERATOR = /^[一二三四五六七八九十]是$/;
const EDGE = "\u0000";

export function discoverWords(texts: Iterable<string>, cut: (text: string) => string[], options: DiscoverOptions = {}): DiscoveredWord[] {
  const minFreq = options.minFreq ?? 5;
  const minDocs = options.minDocs ?? 3;
  const minPmi = options.minPmi ?? 4;
  const minEntropy = options.minEntropy ?? 2;

  const all = [...texts];
  // UTF-16 code units: a character outside the BMP (CJK Extension B …) counts as a non-Han
  // neighbour, so substrings are plain slices
  const hanOf = (text: string) => {
    const han = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) han[i] = HAN.test(text[i]) ? 1 : 0;
    return han;
  };

  // Pass 1: every string of 1–4 Han characters, counted, and the texts it occurs in.
  const count = new Map<string, number>();
  const docsOf = new Map<string, number>();
  const lastDoc = new Map<string, number>();
  let chars = 0;
  for (let d = 0; d < all.length; d++) {
    const text = all[d];
    const han = hanOf(text);
    for (let i = 0; i < text.length; i++) {
      if (!han[i]) continue;
      chars++;
      for (let n = 1; n <= 4 && i + n <= text.length && han[i + n - 1]; n++) {
        const w = text.slice(i, i + n);
        count.set(w, (count.get(w) ?? 0) + 1);
        if (n > 1 && lastDoc.get(w) !== d) {
          lastDoc.set(w, d);
          docsOf.set(w, (docsOf.get(w) ?? 0) + 1);
        }
      }
    }
  }
  lastDoc.clear();

  const p = (s: string) => (count.get(s) ?? 0) / chars;
  const candidates = new Map<string, number>();
  for (const [w, freq] of count) {
    if (w.length < 2 || freq < minFreq || (docsOf.get(w) ?? 0) < minDocs) continue;
    if (FUNCTION_EDGE.test(w) && !ENUMERATOR.test(w)) continue;
    let pmi = Infinity;
    for (let k = 1; k < w.length; k++) pmi = Math.min(pmi, Math.log2(p(w) / (p(w.slice(0, k)) * p(w.slice(k)))));
    if (pmi >= minPmi) candidates.set(w, pmi);
  }

  // Pass 2: the neighbours of the candidates only (the costly part, kept small).
  const leftOf = new Map<string, Map<string, number>>();
  const rightOf = new Map<string, Map<string, number>>();
  const bump = (m: Map<string, Map<string, number>>, w: string, c: string) => {
    let n = m.get(w);
    if (!n) m.set(w, (n = new Map()));
    n.set(c, (n.get(c) ?? 0) + 1);
  };
  for (const text of all) {
    const han = hanOf(text);
    for (let i = 0; i < text.length; i++) {
      for (let n = 2; n <= 4 && i + n <= text.length && han[i] && han[i + n - 1]; n++) {
        if (!han[i + 1]) break;
        const w = text.slice(i, i + n);
        if (!candidates.has(w)) continue;
        // a neighbour that is not Han (punctuation, a digit, the text's edge) is an edge: each one
        // counts as a distinct neighbour, as free as a word boundary gets
        bump(leftOf, w, i > 0 && han[i - 1] ? text[i - 1] : `${EDGE}${i}`);
        bump(rightOf, w, i + n < text.length && han[i + n] ? text[i + n] : `${EDGE}${i + n}`);
      }
    }
  }

  const entropy = (m: Map<string, number> | undefined) => {
    if (!m) return 0;
    let total = 0;
    for (const v of m.values()) total += v;
    let h = 0;
    for (const v of m.values()) h -= (v / total) * Math.log2(v / total);
    return h;
  };

  const found: DiscoveredWord[] = [];
  for (const [w, pmi] of candidates) {
    const left = entropy(leftOf.get(w));
    const right = entropy(rightOf.get(w));
    if (left < minEntropy || right < minEntropy) continue;
    const tokens = cut(w);
    if (tokens.length < 2 || tokens.some((t) => [...t].length !== 1)) continue;
    found.push({ word: w, freq: count.get(w)!, docs: docsOf.get(w)!, pmi, left, right });
  }
  // a word inside a longer discovered word that always comes with it is that word's fragment
  const words = new Set(found.map((f) => f.word));
  return found
    .filter((f) => ![...words].some((o) => o !== f.word && o.includes(f.word) && (count.get(o) ?? 0) >= f.freq))
    .sort((a, b) => b.freq - a.freq || (a.word < b.word ? -1 : 1));
}
