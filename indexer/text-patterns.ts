// Character classes and line shapes shared by clean, split and outline.
// Kept in one place so "what a heading looks like" means the same thing in every stage.

/** CJK ideographs (BMP + extension A) — the test for "Chinese context". */
export const CJK = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
const CJK_RE = new RegExp(`[${CJK}]`);
export const hasCjk = (s: string): boolean => CJK_RE.test(s);
export const isCjkChar = (ch: string | undefined): boolean => ch !== undefined && CJK_RE.test(ch);

/** Chinese numerals as used in headings (一、 / 第十二篇 / 二○一三年). */
export const CN_NUM = "一二三四五六七八九十百零〇○两";

/** Characters that can end a sentence or a complete line (so the line was not cut by a hard wrap). */
export const SENTENCE_END = /[。！？；：…!?;:”’」』）)》】〉\]]$/;

/** Internal punctuation that a title line never contains. */
const SENTENCE_PUNCT = /[，。；！？,;!?]/;

/** Section numbering at the start of a paragraph: 一、 （一） 一) 1、 1. (1) 第一部分 */
export const NUMBERED_START = new RegExp(
  `^(?:[${CN_NUM}]+[、．.]|[（(][${CN_NUM}\\d]{1,3}[)）]|[${CN_NUM}]{1,3}[)）]|\\d{1,2}(?:[、，]|[.．。](?!\\d))|\\d{1,2}[)）]|第[${CN_NUM}\\d]+(?:部分|章|节))`,
);

/** Words that make a short line look like the title of a document. */
export const DOC_WORDS = /总结|计划|报告|要点|打算|讲话|发言|致辞|方案|汇报|范文|心得|述职|设想|安排|意见/;

/** A short line with no sentence punctuation inside: a title, a sub-title or a section heading. */
export function isTitleLike(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= 40 && !SENTENCE_PUNCT.test(t);
}

/** A numbered section heading line (short, no full stop): never part of the paragraph above it. */
export function isHeadingLine(text: string): boolean {
  const t = text.trim();
  return NUMBERED_START.test(t) && t.length <= 50 && !/[。！？]./.test(t);
}

/** Remove spaces and punctuation so that titles compare on their words only. */
export function bareText(s: string): string {
  return s.replace(/[\s\p{P}\p{S}]/gu, "").toLowerCase();
}

/** Share of `a`'s character bigrams that occur in `b` (0..1). Cheap fuzzy "does b repeat a". */
export function bigramCover(a: string, b: string): number {
  const x = bareText(a);
  if (x.length < 2) return x.length === 1 && b.includes(x) ? 1 : 0;
  const y = bareText(b);
  const grams = new Set<string>();
  for (let i = 0; i + 1 < y.length; i++) grams.add(y.slice(i, i + 2));
  let hit = 0;
  for (let i = 0; i + 1 < x.length; i++) if (grams.has(x.slice(i, i + 2))) hit++;
  return hit / (x.length - 1);
}
