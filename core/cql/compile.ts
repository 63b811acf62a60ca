// From parsed CQL to the pattern the evaluator runs (ast.ts `Pattern`), on the thread that holds
// the segmenter: word values are folded to simplified characters (core/fold.ts); a bare quoted
// literal is cut by jieba like every query word, so "为抓手" matches the tokens 为 抓手 in a row;
// regular expressions are checked here so a bad one is a 400 naming its column.
import { fold } from "../fold.ts";
import type { Segmenter } from "../text/segment.ts";
import { REGEX_META, type CqlQuery, type Pattern, type PatternItem, type Test, type TokenTest } from "./ast.ts";
import { CqlSyntaxError, parseCql } from "./parse.ts";
import { asCql } from "./simple.ts";

/** A regular expression matching a whole attribute value. */
export function anchored(source: string): RegExp {
  return new RegExp(`^(?:${source})$`, "u");
}

function checkRegex(source: string, column: number): string {
  try {
    anchored(source);
  } catch (e) {
    throw new CqlSyntaxError(column, `not a valid regular expression: ${(e as Error).message}`);
  }
  return source;
}

function compileTest(t: Test): TokenTest {
  switch (t.kind) {
    case "any":
      return t;
    case "not":
      return { kind: "not", test: compileTest(t.test) };
    case "and":
    case "or":
      return { kind: t.kind, parts: t.parts.map(compileTest) };
    case "attr": {
      if (t.attr === "tag") return { kind: "tag", negated: t.negated, regex: checkRegex(t.value, t.column) };
      const value = fold(t.value);
      return REGEX_META.test(value) ? { kind: "word", negated: t.negated, literal: null, regex: checkRegex(value, t.column) } : { kind: "word", negated: t.negated, literal: value, regex: null };
    }
  }
}

export function compileCql(q: CqlQuery, seg: Segmenter, cql: string): Pattern {
  const items: PatternItem[] = [];
  for (const item of q.items) {
    const t = item.test;
    if (item.bare && t.kind === "attr" && !REGEX_META.test(t.value)) {
      // non-space tokens: the positions the evaluator counts (whitespace is stepped over)
      const tokens = seg.cut(fold(t.value)).filter((x) => x.trim());
      if (!tokens.length) throw new CqlSyntaxError(item.column, "an empty word");
      if (tokens.length > 1 && (item.min !== 1 || item.max !== 1))
        throw new CqlSyntaxError(item.column, `"${t.value}" is ${tokens.length} words (${tokens.join(" ")}): repeat each in brackets instead`);
      for (const w of tokens) items.push({ test: { kind: "word", negated: t.negated, literal: w, regex: null }, min: item.min, max: item.max });
      continue;
    }
    items.push({ test: compileTest(t), min: item.min, max: item.max });
  }
  return { items, within: q.within, cql };
}

/** A query as the user typed it (CQL, or simple mode) → the pattern. Throws CqlSyntaxError. */
export function cqlPattern(source: string, seg: Segmenter): Pattern {
  const cql = asCql(source);
  if (!cql) throw new CqlSyntaxError(1, "an empty query");
  return compileCql(parseCql(cql), seg, cql);
}
