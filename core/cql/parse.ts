// The CQL grammar (ast.ts lists the subset), written with parsimmon's combinators. A syntax error
// names the 1-based column where the parser stopped and what it expected there.
import P from "parsimmon";
import { MAX_REPEAT, type Attr, type CqlQuery, type Item, type Test, type Within } from "./ast.ts";

/** A query that is not valid CQL; `column` is 1-based. */
export class CqlSyntaxError extends Error {
  override name = "CqlSyntaxError";
  constructor(
    readonly column: number,
    readonly detail: string,
  ) {
    super(`CQL error at column ${column}: ${detail}`);
  }
}

const ws = P.optWhitespace;
const tok = <T>(p: P.Parser<T>) => p.skip(ws);
const sym = (s: string) => tok(P.string(s));

// "…" with \" and \\ escapes; Chinese keyboards type “…” — accepted as the same quotes.
const quoted = P.alt(
  P.seqMap(P.string('"'), P.regexp(/(?:[^"\\]|\\.)*/), P.string('"').desc("a closing \""), (_a, body) => body.replace(/\\(["\\])/g, "$1")),
  P.seqMap(P.string("“"), P.regexp(/[^”]*/), P.string("”"), (_a, body) => body),
  P.seqMap(P.string("'"), P.regexp(/(?:[^'\\]|\\.)*/), P.string("'"), (_a, body) => body.replace(/\\(['\\])/g, "$1")),
).desc("a quoted string");

const int = P.regexp(/[0-9]+/).map(Number).desc("a number");

const attrName: P.Parser<Attr> = P.alt(P.string("word"), P.string("tag"), P.string("pos"))
  .skip(P.notFollowedBy(P.regexp(/[A-Za-z_]/)))
  .map((a): Attr => (a === "pos" ? "tag" : a))
  .desc("an attribute (word or tag)");

const attrTest: P.Parser<Test> = P.seqMap(P.index, tok(attrName), tok(P.alt(P.string("!="), P.string("=")).desc("= or !=")), tok(quoted), (at, attr, op, value) => ({
  kind: "attr" as const,
  attr,
  negated: op === "!=",
  value,
  column: at.column,
})).skip(tok(P.regexp(/%[cd]+/).desc("a flag (%c)")).atMost(1)); // CQP's %c / %d flags: case and diacritics mean nothing in Chinese

const expr: P.Parser<Test> = P.lazy(() => {
  const unary: P.Parser<Test> = P.alt(
    sym("!").then(P.lazy(() => unary)).map((test): Test => ({ kind: "not", test })),
    sym("(").then(expr).skip(sym(")")),
    attrTest,
  );
  const and = P.sepBy1(unary, sym("&")).map((parts): Test => (parts.length === 1 ? parts[0] : { kind: "and", parts }));
  return P.sepBy1(and, sym("|")).map((parts): Test => (parts.length === 1 ? parts[0] : { kind: "or", parts }));
});

const bracket: P.Parser<Test> = sym("[")
  .then(expr.atMost(1))
  .skip(sym("]").desc("]"))
  .map((e): Test => e[0] ?? { kind: "any" });

type Range = { min: number; max: number; column: number };
const range: P.Parser<Range> = P.alt(
  P.seqMap(P.index, sym("{"), tok(int), P.alt(sym(",").then(tok(int).atMost(1)), P.succeed(null)), sym("}").desc("}"), (at, _o, min, rest) => ({
    min,
    max: rest === null ? min : (rest[0] ?? Infinity),
    column: at.column,
  })),
  P.seqMap(P.index, sym("?"), (at) => ({ min: 0, max: 1, column: at.column })),
  P.seqMap(P.index, sym("*"), (at) => ({ min: 0, max: Infinity, column: at.column })),
  P.seqMap(P.index, sym("+"), (at) => ({ min: 1, max: Infinity, column: at.column })),
);

/** Bounds the grammar accepts but the language does not. */
function checkRange(r: Range): Range {
  if (r.max < r.min) throw new CqlSyntaxError(r.column, `{${r.min},${r.max}}: the upper bound is below the lower one`);
  if (r.max === 0) throw new CqlSyntaxError(r.column, "{0} matches nothing");
  if (r.min > MAX_REPEAT || (r.max !== Infinity && r.max > MAX_REPEAT)) throw new CqlSyntaxError(r.column, `at most ${MAX_REPEAT} repetitions`);
  return { ...r, max: Math.min(r.max, MAX_REPEAT) };
}

const item: P.Parser<Item> = P.seqMap(
  P.index,
  P.alt(tok(quoted).map((value) => ({ test: { kind: "attr", attr: "word", negated: false, value, column: 0 } as Test, bare: true })), bracket.map((test) => ({ test, bare: false }))),
  range.atMost(1),
  (at, { test, bare }, r) => {
    if (test.kind === "attr" && bare) test.column = at.column;
    const { min, max } = r[0] ? checkRange(r[0]) : { min: 1, max: 1 };
    return { test, bare, min, max, column: at.column };
  },
);

const within: P.Parser<Within> = sym("within").then(
  tok(P.alt(P.string("text"), P.string("doc"), P.string("s"), P.string("d")).skip(P.notFollowedBy(P.regexp(/[A-Za-z]/))))
    .map((w): Within => (w === "s" ? "s" : "text"))
    .desc("s or text"),
);

const query: P.Parser<CqlQuery> = ws.then(P.seqMap(item.atLeast(1), within.atMost(1), (items, w) => ({ items, within: w[0] ?? "s" }))).skip(P.eof.desc("the end of the query"));

/** Parses CQL; throws CqlSyntaxError pointing at the column. */
export function parseCql(source: string): CqlQuery {
  const r = query.parse(source);
  if (!r.status) {
    const expected = [...new Set(r.expected)].sort().join(", ");
    throw new CqlSyntaxError(r.index.column, `expected ${expected}`);
  }
  if (r.value.items.every((i) => i.min === 0)) throw new CqlSyntaxError(1, "every token of the pattern is optional: it would match nothing");
  return r.value;
}
