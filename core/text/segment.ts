// `segment`: jieba with the project dictionary. The same Segmenter is used at
// index time, for queries and in analytics, so every count agrees with search.
import { rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Jieba } from "@node-rs/jieba";
import { dict as defaultDict } from "@node-rs/jieba/dict.js";
import type { Tokens } from "../model.ts";
import { fold } from "../fold.ts";

export const SEGMENTER_ENGINES = ["node-rs", "nodejieba"] as const;
export type SegmenterEngine = (typeof SEGMENTER_ENGINES)[number];

export interface Segmenter {
  readonly engine: SegmenterEngine;
  /** Tokens whose concatenation is exactly `text` (spaces and punctuation are tokens too). */
  cut(text: string): Tokens;
  /** The same tokens as `cut`, each with its part-of-speech tag (jieba's ICTCLAS set: v, n, vn, a, m, x …). */
  tag(text: string): TaggedTokens;
}

export interface TaggedTokens {
  tokens: Tokens;
  /** tags[i] is the part of speech of tokens[i] */
  tags: string[];
}

/**
 * The tag of a token no dictionary knows, as jieba's tagger gives it: digits are numerals (m),
 * Latin letters and digits are `eng`, anything else (punctuation, whitespace, a lone symbol) `x`.
 */
export function fallbackTag(token: string): string {
  if (/^[0-9]+$/.test(token)) return "m";
  if (/^[A-Za-z0-9]+$/.test(token)) return "eng";
  return "x";
}

/** Dictionary lines are `word [freq] [tag]`; a word without a frequency gets one high enough to win. */
export function parseDictionary(source: string): { word: string; freq: number; tag: string }[] {
  const entries: { word: string; freq: number; tag: string }[] = [];
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const [word, freq, tag] = line.split(/\s+/);
    if (!word) continue;
    entries.push({ word, freq: freq && /^\d+$/.test(freq) ? Number(freq) : 20000, tag: tag ?? "n" });
  }
  return entries;
}

function toJiebaDict(source: string): string {
  return parseDictionary(source)
    .map((e) => `${e.word} ${e.freq} ${e.tag}`)
    .join("\n");
}

export function createSegmenter(engine: SegmenterEngine, dictionarySource: string): Segmenter {
  const userDict = toJiebaDict(dictionarySource);
  if (engine === "nodejieba") return onFolded(nodejiebaSegmenter(userDict));
  const jieba = Jieba.withDict(defaultDict);
  if (userDict) jieba.loadDict(Buffer.from(userDict + "\n"));
  // @node-rs/jieba keeps the default dictionary's tag for a word the project dictionary lists
  // again (维权: n, where corpus/dict.txt says v); Python jieba and nodejieba take the project's.
  // The project's tag wins here too, so both engines tag alike.
  const projectTag = new Map(parseDictionary(dictionarySource).map((e) => [e.word, e.tag]));
  // HMM off: tokens come from the dictionaries only, so they are stable across
  // engines and across runs, and a new dictionary word is always one token.
  return onFolded({
    engine,
    cut: (text) => (text ? jieba.cut(text, false) : []),
    // jieba's tag() with HMM off cuts exactly as cut() does (test/text/tags.test.ts checks it).
    tag(text) {
      if (!text) return { tokens: [], tags: [] };
      const tagged = jieba.tag(text, false);
      return { tokens: tagged.map((t) => t.word), tags: tagged.map((t) => projectTag.get(t.word) ?? t.tag) };
    },
  });
}

/**
 * Cuts a text where its folded form (core/fold.ts: simplified, same length) is cut, and returns
 * the text's own slices: 職工代表大會 is cut as 职工代表大会 is, and its tokens still cover it.
 */
function onFolded(seg: Segmenter): Segmenter {
  const back = (text: string, folded: string, tokens: Tokens): Tokens => {
    if (folded === text) return tokens;
    let pos = 0;
    return tokens.map((t) => text.slice(pos, (pos += t.length)));
  };
  return {
    engine: seg.engine,
    cut(text) {
      const folded = fold(text);
      return back(text, folded, seg.cut(folded));
    },
    tag(text) {
      const folded = fold(text);
      const { tokens, tags } = seg.tag(folded);
      return { tokens: back(text, folded, tokens), tags };
    },
  };
}

function nodejiebaSegmenter(userDict: string): Segmenter {
  const require = createRequire(import.meta.url);
  const nodejieba = require("nodejieba") as {
    load(options: Record<string, string>): void;
    cut(text: string, hmm?: boolean): string[];
    tag(text: string): { word: string; tag: string }[];
    DEFAULT_DICT: string;
    DEFAULT_HMM_DICT: string;
    DEFAULT_IDF_DICT: string;
    DEFAULT_STOP_WORD_DICT: string;
  };
  // nodejieba only takes a user dictionary as a file path.
  const path = `${process.env.TMPDIR ?? "/tmp"}/wenyuan-userdict-${process.pid}.utf8`;
  writeFileSync(path, userDict + "\n", { mode: 0o600 });
  nodejieba.load({
    dict: nodejieba.DEFAULT_DICT,
    hmmDict: nodejieba.DEFAULT_HMM_DICT,
    userDict: path,
    idfDict: nodejieba.DEFAULT_IDF_DICT,
    stopWordDict: nodejieba.DEFAULT_STOP_WORD_DICT,
  });
  // Read once at load: the temporary copy is not needed afterwards.
  rmSync(path, { force: true });
  const cut = (text: string): Tokens => {
    if (!text) return [];
    const tokens = nodejieba.cut(text, false);
    // nodejieba may drop characters it cannot classify; fall back to character tokens so the
    // concatenation invariant holds.
    return tokens.join("") === text ? tokens : realign(tokens, text);
  };
  // nodejieba's tag() always runs the HMM, which would cut differently from cut(text, false). A
  // dictionary word's tag does not depend on its context, so each token is tagged on its own (one
  // call per distinct token): the tag of the token when nodejieba keeps it whole, else jieba's rule
  // for unknown tokens — the tags @node-rs/jieba gives for the same tokens.
  const tagOf = new Map<string, string>();
  const tokenTag = (token: string): string => {
    let tag = tagOf.get(token);
    if (tag === undefined) {
      const t = token.trim() ? nodejieba.tag(token) : [];
      tag = t.length === 1 && t[0].word === token && t[0].tag !== "x" ? t[0].tag : fallbackTag(token);
      tagOf.set(token, tag);
    }
    return tag;
  };
  return {
    engine: "nodejieba",
    cut,
    tag(text) {
      const tokens = cut(text);
      return { tokens, tags: tokens.map(tokenTag) };
    },
  };
}

/** Re-cover `text` with `tokens`, inserting whatever the engine skipped as single characters. */
function realign(tokens: string[], text: string): string[] {
  const out: string[] = [];
  let pos = 0;
  for (const t of tokens) {
    const at = text.indexOf(t, pos);
    if (at < 0) continue;
    for (const ch of text.slice(pos, at)) out.push(ch);
    out.push(t);
    pos = at + t.length;
  }
  for (const ch of text.slice(pos)) out.push(ch);
  return out;
}

/** A word is a token with a letter or a digit in it; spaces and punctuation (full- or half-width) are not words. */
export function isWord(token: string): boolean {
  return /[\p{L}\p{N}]/u.test(token);
}
