// The frames rules as the README states them, written again over the store's strings (tokens and
// tags), not the analytics code: the verb before a term and the word after it, for the frames and
// sketch-difference tests (test/analytics/frames.test.ts, test/browser/writer.test.ts).
import { SECTORS } from "../../core/api/schema.ts";
import type { Report } from "../../core/model.ts";

export interface TaggedEntry {
  report: Report;
  tokens: string[];
  tags: string[];
}

export const isWord = (t: string) => /[\p{L}\p{N}]/u.test(t);
/** quotes, book-title marks, spaces: a clause goes on (a bracket ends it) */
export const see = (t: string) => /^[“”‘’"'《》〈〉「」『』]+$/.test(t) || /^[^\S\n]+$/.test(t);
const VERB = new Set(["v", "vd", "vi", "vg"]);
export const verb = (tag: string, w: string) => VERB.has(tag) || ((tag === "l" || tag === "i") && /^(积极|深入|认真|全面|大力|不断|进一步|切实|广泛|继续|努力|扎实|着力|充分|持续)./.test(w));
export const MOD = new Set(["a", "an", "b", "z", "n", "nz", "ng", "j", "l", "i", "t", "vn", "f", "s"]);
const numeric = (t: string) => /^(?:[0-9０-９.．%％]+|[xX×＊*_＿~～]+|20[xX]{2}|[0-9]+[xX]+|[〇零一二三四五六七八九十百千万两]+)$/.test(t);
/** a single character glued to a numeral or to a single-character content word (三会, 开好) is no collocate */
const glued = (tokens: string[], tags: string[], k: number, term: number) =>
  tokens[k].length === 1 && [k - 1, k + 1].some((j) => j !== term && j >= 0 && j < tokens.length && isWord(tokens[j]) && (numeric(tokens[j]) || (tokens[j].length === 1 && !/^[dcpruyeo]/.test(tags[j]))));

type Rows = Map<string, { count: number; reports: Set<string>; bySector: Record<string, number> }>;

const made = new WeakMap<TaggedEntry[], ReturnType<typeof make>>();

/** The recount over these entries (made once per array). */
export function framesRecount(entries: TaggedEntry[]) {
  let r = made.get(entries);
  if (!r) made.set(entries, (r = make(entries)));
  return r;
}

function make(entries: TaggedEntry[]) {
  // Head verbs: a word ending in another word (≥ 2 characters) that the corpus tags v/vd/vi/vg
  // somewhere is counted under the shortest such ending.
  const verbWords = new Set(entries.flatMap((e) => e.tokens.filter((_, i) => VERB.has(e.tags[i]))));
  const headOf = (w: string) => {
    for (let len = 2; len < w.length; len++) if (verbWords.has(w.slice(w.length - len))) return w.slice(w.length - len);
    return w;
  };

  /** The frames rows of `term` (any of its words: a synonym set) in the reports `keep` selects. */
  function recount(term: string | string[], keep: (r: Report) => boolean = () => true) {
    const terms = new Set(typeof term === "string" ? [term] : term);
    const verbs: Rows = new Map();
    const after: Rows = new Map();
    const add = (m: Rows, w: string, r: Report) => {
      const row = m.get(w) ?? { count: 0, reports: new Set<string>(), bySector: Object.fromEntries(SECTORS.map((s) => [s, 0])) };
      row.count++;
      row.reports.add(r.id);
      row.bySector[r.sector]++;
      m.set(w, row);
    };
    let occurrences = 0;
    for (const { report, tokens, tags } of entries) {
      if (!keep(report)) continue;
      tokens.forEach((t, i) => {
        if (!terms.has(t)) return;
        occurrences++;
        // previous words inside the clause
        const prev: number[] = [];
        for (let k = i - 1; k >= 0 && prev.length < 8; k--) {
          if (isWord(tokens[k])) prev.push(k);
          else if (!see(tokens[k])) break;
        }
        let skipped = 0;
        for (const k of prev) {
          if (verb(tags[k], tokens[k])) {
            if (!glued(tokens, tags, k, i)) add(verbs, headOf(tokens[k]), report);
            break;
          }
          if (tokens[k] === "的") continue;
          if (!MOD.has(tags[k]) || ++skipped > 3) break;
        }
        for (let k = i + 1; k < tokens.length; k++) {
          if (isWord(tokens[k])) {
            if ((tags[k].startsWith("n") || tags[k].startsWith("v")) && !numeric(tokens[k]) && !glued(tokens, tags, k, i)) add(after, tokens[k], report);
            break;
          }
          if (!see(tokens[k])) break;
        }
      });
    }
    return { occurrences, verb: verbs, after };
  }
  return { headOf, recount };
}
