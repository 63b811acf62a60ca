// Section kinds: the conventional parts of a work report — 指导思想, 工作回顾, 存在的问题, 经验体会,
// 下一步打算 — found in one text. The rule (shown on /methods):
//  1. Headings are the report's outline (indexer/outline.ts: 一、 （一） 1. …) and its unnumbered
//     heading lines (a short line without sentence punctuation, after the first line). Only
//     top-level ones (一、, 第一部分, an unnumbered line) name a part: （一） and below are its items.
//  2. A heading is normalised: its numbering (一、 （三） 第二部分), years and placeholders
//     (20xx年, ~年) go, and it is cut at its first comma, colon or bracket. Only a short core
//     (at most CORE_MAX characters) names a part: a long one (加强民主管理，深化院务公开) is a
//     topic, not a part of the genre.
//  3. The core's key words decide its kind, the first rule of KIND_RULES that matches
//     (存在问题及今后改进办法 is a problems part; 主要工作打算 a next-steps part).
//  4. A part also opens without a heading: a paragraph conceding problems in its first
//     CUE_WINDOW characters (但也存在一些不足, 还有一定的差距, 不足之处) is a problems part; a
//     paragraph beginning 下一步 / 今后 / 新的一年 … 将/要/继续 is a next-steps part.
// Pure: a text and its outline in, the parts out (each kind once, at its first place).
import { SECTION_KINDS } from "../../../core/api/schema.ts";
import type { Section } from "../../../core/model.ts";
import { outline } from "../../../indexer/outline.ts";
import { isTitleLike, NUMBERED_START } from "../../../indexer/text-patterns.ts";

export { SECTION_KINDS };
export type SectionKind = (typeof SECTION_KINDS)[number];

/** a heading core longer than this is a topic heading, not a part of the genre */
export const CORE_MAX = 14;
/** how far into a paragraph a conceding phrase opens a problems part */
export const CUE_WINDOW = 100;

/** In order: the first that matches a heading's core decides its kind. */
export const KIND_RULES: readonly [SectionKind, RegExp][] = [
  ["problems", /问题|不足|差距|困难|缺点|短板|薄弱/],
  ["next", /下一步|今后|明年|新的一年|打算|展望|设想/],
  ["guiding", /指导思想|总体要求|思路|目标|方针/],
  ["next", /计划|安排|部署|对策|方向|任务|措施/],
  ["experience", /体会|经验|启示|思考|做法/],
  ["review", /回顾|总结|成绩|成效|亮点|工作情况|开展情况|完成情况|主要工作/],
];

const PROBLEM_CUE = /(?:但|也|还|仍|同时)[^。；！？]{0,16}存在[^。；！？]{0,10}(?:问题|不足|差距|缺点|困难)|不足之处|(?:还有|仍有)[^。；！？]{0,10}(?:差距|不足)/;
const NEXT_CUE = /^(?:下一步|今后|在新的一年|新的一年|明年)[^。；！？]{0,30}(?:将|要|继续|重点)/;

const PART = /^第[一二三四五六七八九十\d]+部分\s*/;
const YEARS = /(?:(?:19|20)[\dxX×_～~*]{2}|[xX×_～~*]{2,4}|[一二三四五六七八九十〇○零]{2,4}|~|～)\s*(?:年度|年)/g;
const PLACEHOLDERS = /[xX×_~～*]{2,}|[~～]/g;

/** A heading without its numbering, years and placeholders, cut at its first comma, colon or bracket. */
export function headingCore(title: string): string {
  let t = title.trim().replace(PART, "");
  const n = NUMBERED_START.exec(t);
  if (n) t = t.slice(n[0].length);
  t = t.replace(/^[、，,.．\s]+/, "");
  const cut = t.search(/[，,：:；;（(—…。]/);
  if (cut > 0) t = t.slice(0, cut);
  return t.replace(YEARS, "").replace(PLACEHOLDERS, "").replace(/\s+/g, "");
}

/** The kind a heading names, or null (a topic heading, or none of the key words). */
export function headingKind(title: string): SectionKind | null {
  const core = headingCore(title);
  if (!core || Array.from(core).length > CORE_MAX) return null;
  return KIND_RULES.find(([, re]) => re.test(core))?.[0] ?? null;
}

export interface Heading {
  level: number;
  title: string;
  start: number;
  kind: SectionKind | null;
}

export interface Part {
  kind: SectionKind;
  /** char offsets in the text: the heading line, or the paragraph's conceding sentence */
  start: number;
  end: number;
  /** the heading, or the sentence that opens the part */
  text: string;
  via: "heading" | "paragraph";
}

/** Numbered headings (the report outline) and unnumbered heading lines, in text order, each with its kind. */
export function headingsOf(text: string, sections: readonly Section[] = outline(text)): Heading[] {
  const out: Heading[] = sections.map((s) => ({ level: s.level, title: s.title, start: s.start, kind: s.level <= 1 ? headingKind(s.title) : null }));
  const numbered = new Set(sections.map((s) => s.start));
  let at = 0;
  let first = true;
  for (const line of text.split("\n")) {
    const lead = line.length - line.trimStart().length;
    const t = line.trim();
    if (t && !first && !numbered.has(at + lead) && isTitleLike(t) && !/[。！？；：:]$/.test(t)) out.push({ level: 0, title: t, start: at + lead, kind: headingKind(t) });
    if (t) first = false;
    at += line.length + 1;
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The section kinds a text has: each kind once, at its first heading or opening paragraph. */
export function sectionParts(text: string, sections?: readonly Section[]): Part[] {
  const found = new Map<SectionKind, Part>();
  const keep = (p: Part) => {
    const had = found.get(p.kind);
    if (!had || p.start < had.start) found.set(p.kind, p);
  };
  for (const h of headingsOf(text, sections)) if (h.kind) keep({ kind: h.kind, start: h.start, end: h.start + h.title.length, text: h.title, via: "heading" });
  let at = 0;
  for (const line of text.split("\n")) {
    const lead = line.length - line.trimStart().length;
    const t = line.trim();
    const problem = PROBLEM_CUE.exec(t.slice(0, CUE_WINDOW));
    if (problem) keep({ kind: "problems", ...sentenceAround(t, problem.index, at + lead), via: "paragraph" });
    if (NEXT_CUE.test(t)) keep({ kind: "next", ...sentenceAround(t, 0, at + lead), via: "paragraph" });
    at += line.length + 1;
  }
  return SECTION_KINDS.flatMap((k) => (found.has(k) ? [found.get(k)!] : []));
}

/** The sentence of `line` holding position `i` (split at 。！？；and a colon ending the phrase). */
function sentenceAround(line: string, i: number, offset: number): { start: number; end: number; text: string } {
  const before = line.slice(0, i).search(/[^。！？；]*$/);
  const stop = line.slice(i).search(/[。！？；：]/);
  const end = stop < 0 ? line.length : i + stop + 1;
  return { start: offset + before, end: offset + end, text: line.slice(before, end) };
}
