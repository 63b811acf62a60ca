// A `term` (KWIC, breakdown) or a search `q` read as a corpus query, on the main thread where the
// segmenter lives: the compiled pattern a pool task carries, what it matched for the response
// (simple mode shows its CQL translation), and a CQL syntax error as a 400 naming its column.
import { BadRequestError } from "../../core/errors.ts";
import type { Pattern } from "../../core/cql/ast.ts";
import { cqlPattern } from "../../core/cql/compile.ts";
import { CqlSyntaxError } from "../../core/cql/parse.ts";
import { asCql } from "../../core/cql/simple.ts";
import type { QueryPart } from "../../core/query.ts";
import type { Segmenter } from "../../core/text/segment.ts";

export function patternOf(source: string, seg: Segmenter, field: string): Pattern {
  try {
    return cqlPattern(source, seg);
  } catch (e) {
    if (!(e instanceof CqlSyntaxError)) throw e;
    const cql = asCql(source);
    const as = cql !== source.trim() ? ` (read as CQL: ${cql})` : "";
    throw new BadRequestError(`${field}: ${e.message}${as}`, field, "cql_syntax", { column: e.column, reason: e.detail, ...(as ? { cql } : {}) });
  }
}

/** What the pattern matched, as responses report it: the query, then its CQL when it was simple mode. */
export function explainPattern(source: string, pattern: Pattern, role: QueryPart["role"]): QueryPart {
  const text = source.trim();
  return { text, role, negated: false, matches: pattern.cql !== text ? [text, pattern.cql] : [text] };
}
