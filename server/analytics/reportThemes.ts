// The themes one report mentions, most mentioned first (themes it never mentions are left out).
// O(tokens of the report). The matcher is rebuilt per call: O(theme terms), negligible next to a report.
import type { Corpus, CorpusDoc } from "../../core/corpus/types.ts";
import { themeMatcher } from "./shared/themeMatcher.ts";
import type { ThemeDef } from "./themes-file.ts";

export function reportThemes(corpus: Corpus, doc: CorpusDoc, defs: ThemeDef[]): { id: string; name: string; count: number }[] {
  const counts = new Uint32Array(defs.length);
  themeMatcher(corpus, defs).count(doc, counts);
  return defs
    .map((d, t) => ({ id: d.id, name: d.name, count: counts[t] }))
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count);
}
