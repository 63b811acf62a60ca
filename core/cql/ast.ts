// The corpus query language as parsed (parse.ts) and as compiled for the evaluator (compile.ts).
// Plain data only: a compiled pattern crosses from the main thread (which segments and folds its
// literals) to an analytics worker (which resolves it against the corpus vocabulary).
//
// The subset CQPweb and Sketch Engine users type:
//   "开展" [] "活动"          a token, any token, a token
//   []{0,3}  []? []* []+      repetition (unbounded repetition stops at MAX_REPEAT tokens)
//   [word="职工.*"]           a regular expression over the whole word form
//   [tag="v"] "职工"           a part-of-speech tag (jieba's tagset)
//   [word="送温暖" | word="扶贫帮困"]  [word!="的" & tag="n"]  !  ( )   boolean tests
//   … within s | within text  a match stays inside one sentence by default

export type Attr = "word" | "tag";

/** A test on one token, as the user wrote it. */
export type Test =
  | { kind: "any" }
  | { kind: "attr"; attr: Attr; negated: boolean; value: string; column: number }
  | { kind: "and"; parts: Test[] }
  | { kind: "or"; parts: Test[] }
  | { kind: "not"; test: Test };

export interface Item {
  test: Test;
  min: number;
  max: number;
  /** a bare "quoted string" (not in brackets): a literal phrase is segmented into its words */
  bare: boolean;
  /** 1-based column where the item starts, for error messages */
  column: number;
}

export type Within = "s" | "text";

export interface CqlQuery {
  items: Item[];
  within: Within;
}

/** Repetition without an upper bound ({2,}, *, +) stops here. */
export const MAX_REPEAT = 50;

/** A value is matched as a regular expression only when it holds one of these; otherwise as the word itself. */
export const REGEX_META = /[.*+?()[\]{}|\\^$]/;

/** A compiled token test: word values are folded and either literal or a regular expression (anchored at both ends). */
export type TokenTest =
  | { kind: "any" }
  | { kind: "word"; negated: boolean; literal: string | null; regex: string | null }
  | { kind: "tag"; negated: boolean; regex: string }
  | { kind: "and"; parts: TokenTest[] }
  | { kind: "or"; parts: TokenTest[] }
  | { kind: "not"; test: TokenTest };

export interface PatternItem {
  test: TokenTest;
  min: number;
  max: number;
}

/** What the evaluator runs: items in order, each repeated min..max times, within a sentence or a text. */
export interface Pattern {
  items: PatternItem[];
  within: Within;
  /** the query as CQL (the simple-mode translation, or what the user wrote), shown back to the user */
  cql: string;
}
