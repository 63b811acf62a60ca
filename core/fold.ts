// Traditional → simplified folding of what a user types (OpenCC through opencc-js): 職工 finds
// 职工. Only queries are folded, never the text: offsets, snippets and counts stay those of the
// clean text. core/query.ts folds every query part and term through here, so search, KWIC and
// every analytic fold alike; CQL literals and substring strings are folded here too.
import * as OpenCC from "opencc-js";

let toSimplified: ((s: string) => string) | null = null;

/** The simplified form of s (s itself when it holds no traditional character). ~20 ms on first use. */
export function fold(s: string): string {
  // Only CJK ideographs can change; skip loading the dictionaries for Latin, digits and punctuation.
  if (!/[\u3400-\u9fff\uf900-\ufaff]/.test(s)) return s;
  const convert = (toSimplified ??= OpenCC.Converter({ from: "t", to: "cn" }));
  return convert(s);
}
