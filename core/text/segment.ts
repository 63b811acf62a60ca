// `segment`: jieba with the project dictionary. The same Segmenter is used at
// index time, for queries and in analytics, so every count agrees with search.
import { rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Jieba } from "@node-rs/jieba";
import { dict as defaultDict } from "@node-rs/jieba/dict.js";
import type { Tokens } from "../model.ts";

export const SEGMENTER_ENGINES = ["node-rs", "nodejieba"] as const;
export type SegmenterEngine = (typeof SEGMENTER_ENGINES)[number];

export interface Segmenter {
  readonly engine: SegmenterEngine;
  /** Tokens whose concatenation is exactly `text` (spaces and punctuation are tokens too). */
  cut(text: string): Tokens;
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
  if (engine === "nodejieba") return nodejiebaSegmenter(userDict);
  const jieba = Jieba.withDict(defaultDict);
  if (userDict) jieba.loadDict(Buffer.from(userDict + "\n"));
  // HMM off: tokens come from the dictionaries only, so they are stable across
  // engines and across runs, and a new dictionary word is always one token.
  return { engine, cut: (text) => (text ? jieba.cut(text, false) : []) };
}

function nodejiebaSegmenter(userDict: string): Segmenter {
  const require = createRequire(import.meta.url);
  const nodejieba = require("nodejieba") as {
    load(options: Record<string, string>): void;
    cut(text: string, hmm?: boolean): string[];
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
  return {
    engine: "nodejieba",
    cut(text) {
      if (!text) return [];
      const tokens = nodejieba.cut(text, false);
      // nodejieba may drop characters it cannot classify; fall back to character tokens so the
      // concatenation invariant holds.
      return tokens.join("") === text ? tokens : realign(tokens, text);
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
