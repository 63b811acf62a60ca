// `split`: one page's clean paragraphs → reports (and related-document excerpts).
//
// A page is: [header] [piece heading + report]… [related-documents tail].
// - Piece headings are lines like "2023关于工会工作报告 篇1", "第二篇：XXX工会工作总结", "【篇一】",
//   "范文三". Text before the first heading is the compilation's header unless it is itself a report.
// - A piece is titled by its own title line (isOwnTitle) or, lacking one, by its opening words
//   (incipit); never by the page's heading plus its number, which names the page and carries the
//   page's year. Every piece keeps the page's title as `pageTitle`.
// - The tail is either announced (a `boundary` sentinel from clean: 相关推荐 / 相关文章 …) or
//   recognised by its shape: a short title line followed by one or two excerpt paragraphs that echo
//   the title or stop mid-sentence, repeated up to the end of the page. Each unit becomes its own
//   `excerpt` piece, so an excerpt never sticks to the report before it.
import { createHash } from "node:crypto";
import type { CleanParagraph, Piece } from "../core/model.ts";
import { bigramCover, CN_NUM, DOC_WORDS, isHeadingLine, isTitleLike, NUMBERED_START, SENTENCE_END } from "./text-patterns.ts";

const NUM = `[0-9${CN_NUM}]{1,4}`;
const PIECE_HEADING = new RegExp(
  `^(.{0,50}?)\\s*[【\\[（(]?\\s*(?:第\\s*(${NUM})\\s*篇|篇\\s*(${NUM})|范文\\s*(${NUM}))\\s*[】\\]）)]?\\s*(?:[：:]\\s*(.{0,60}))?$`,
);

interface Heading {
  pre: string;
  n: string;
  post: string;
}

export function parseHeading(text: string): Heading | null {
  if (text.length > 90) return null;
  const m = PIECE_HEADING.exec(text);
  if (!m) return null;
  const pre = m[1].trim();
  if (/[。！？，；]/.test(pre)) return null;
  return { pre, n: m[2] ?? m[3] ?? m[4], post: (m[5] ?? "").trim() };
}

/** Strip what sites append to titles: "(精选27篇)", "通用6篇", a stray piece number "总结1", "_模板". */
export function cleanTitle(title: string): string {
  return title
    .replace(/\s*[（(]?(?:精选|通用|优秀|最新|参考|热门|实用|经典|汇总|合集)?\s*\d+\s*篇\s*[)）]?$/, "")
    .replace(/[_\-—\s]*(?:模板|模版|范文|范本|精选|大全|汇编)$/, "")
    .replace(new RegExp(`(${DOC_WORDS.source})\\d{1,2}$`), "$1")
    .trim();
}

function isTailTitle(p: CleanParagraph): boolean {
  const t = p.text;
  return (
    !p.boundary && t.length >= 4 && isTitleLike(t) && !NUMBERED_START.test(t) && (DOC_WORDS.test(t) || t.includes("工会"))
  );
}

/** The excerpt repeats its title in its first words (the page printed title + snippet). */
function echoes(title: string, body: CleanParagraph): boolean {
  const head = body.text.slice(0, title.length + 60);
  return bigramCover(title, head) >= 0.6;
}

interface Unit {
  title: string;
  body: CleanParagraph[];
}

/**
 * Where the implicit related-documents tail of `ps` starts, or -1. Parsed backwards from the end:
 * each unit is a tail-title line plus 1–3 body paragraphs; a unit counts if its body echoes the
 * title or ends mid-sentence. Two such units, or one that echoes, make a tail.
 */
export function findTail(ps: CleanParagraph[]): { start: number; units: Unit[] } | null {
  const units: Unit[] = [];
  let end = ps.length;
  let echoed = 0;
  while (end > 1) {
    let t = end - 1;
    while (t >= 0 && end - t <= 4 && !isTailTitle(ps[t])) t--;
    if (t < 1 || end - t < 2 || end - t > 4) break; // the report itself must remain before the tail
    const body = ps.slice(t + 1, end);
    if (body.some((b) => isTitleLike(b.text) || isHeadingLine(b.text))) break;
    const echo = body.slice(0, 2).some((b) => echoes(ps[t].text, b));
    const unfinished = !SENTENCE_END.test(body[body.length - 1].text) || body[body.length - 1].truncated;
    if (!echo && !unfinished) break;
    if (echo) echoed++;
    units.unshift({ title: ps[t].text, body });
    end = t;
  }
  if (units.length >= 2 || (units.length === 1 && echoed === 1)) return { start: end, units };
  return null;
}

/** Units of an announced tail: titles followed by bodies; bare title lists are dropped. */
function parseAnnouncedTail(ps: CleanParagraph[]): Unit[] {
  const units: Unit[] = [];
  for (const p of ps) {
    if (p.boundary) continue;
    if (isTailTitle(p) || (isTitleLike(p.text) && !units.length)) units.push({ title: p.text, body: [] });
    else if (units.length && !isTitleLike(p.text)) units[units.length - 1].body.push(p);
  }
  return units.filter((u) => u.body.length > 0);
}

/** The page title: the most complete of the leading title lines that name a document. */
function pickTitle(lines: CleanParagraph[]): string {
  const titled = lines.filter((l) => isTitleLike(l.text) && !isHeadingLine(l.text));
  const named = titled.filter((l) => DOC_WORDS.test(l.text) || l.text.includes("工会"));
  const first = (named[0] ?? titled[0])?.text;
  if (first) {
    const same = (named.length ? named : titled).map((l) => cleanTitle(l.text)).filter((t) => nearSame(t, cleanTitle(first)));
    return same.reduce((a, b) => (b.length > a.length ? b : a), cleanTitle(first));
  }
  const text = lines.find((l) => !l.boundary)?.text ?? "";
  return text.split(/[。！？；，]/)[0].slice(0, 30);
}

const nearSame = (a: string, b: string): boolean => bigramCover(a, b) >= 0.8 && bigramCover(b, a) >= 0.8;

/** A title line that says what `title` says, perhaps with a year or unit added ("20xx年xxx工会工作总结"). */
const repeatsTitle = (line: string, title: string): boolean =>
  isTitleLike(line) && bigramCover(title, line) >= 0.8 && line.length <= title.length * 1.6 + 6;

/** Drop the leading lines of a report that only repeat its title. */
function dropTitleLines(ps: CleanParagraph[], title: string): CleanParagraph[] {
  let i = 0;
  while (i < ps.length && repeatsTitle(cleanTitle(ps[i].text), title)) i++;
  return ps.slice(i);
}

/** Body text that is not just title lines: is a region a report or only a compilation header? */
function hasBody(ps: CleanParagraph[]): boolean {
  return ps.filter((p) => !isTitleLike(p.text)).reduce((n, p) => n + p.text.length, 0) >= 150;
}

const SALUTATION = /^(?:尊敬的|各位|亲爱的)|同志们[！!]?$|[：:]$/;
/** "各位代表、同志们：" — a short line; a long paragraph ending in a colon is a lead-in to a list. */
const isSalutation = (t: string): boolean => t.length <= 30 && SALUTATION.test(t);
const DATE_LINE = /^(?:\d{2,4}|[0-9xX_～~]{2,4}|[〇○零一二三四五六七八九]{4})\s*年.{0,4}月.{0,4}日$/;

/**
 * The line at the top of a piece is the report's own title when it is short, has no sentence
 * punctuation, is not a numbered section (一、 （三） 第一部分), a salutation (各位代表、同志们：) or a
 * date, and names a document or a union ("医院工会工作计划", "镇工会2021年工作总结"). A short
 * line further down, after the opening paragraph, is a part heading ("过去五年工作回顾"), not a title.
 */
export function isOwnTitle(text: string): boolean {
  const t = text.trim();
  return (
    t.length >= 4 &&
    isTitleLike(t) &&
    !isHeadingLine(t) &&
    !NUMBERED_START.test(t) &&
    !isSalutation(t) &&
    !DATE_LINE.test(t) &&
    (DOC_WORDS.test(t) || /工会|工作|回顾|职代会|代表大会/.test(t))
  );
}

const INCIPIT_CHARS = 30;

/**
 * The name of a report that has no title of its own: its opening words and "…", as an untitled
 * work is cited by its first line. Salutations, dates and section headings are skipped; the first
 * sentence, without a leading number (（一）), is cut at a comma within INCIPIT_CHARS characters ("现将xx年工会工作情况和xx年工会工作安排…").
 */
export function incipit(ps: CleanParagraph[]): string {
  const first = ps.find((p) => !isSalutation(p.text.trim()) && !isHeadingLine(p.text) && !DATE_LINE.test(p.text.trim())) ?? ps[0];
  if (!first) return "";
  const opening = first.text.trim().replace(NUMBERED_START, "").trim();
  const sentence = Array.from(opening.split(/[。！？；：!?;:]/)[0]);
  let end = sentence.length;
  if (end > INCIPIT_CHARS) {
    const head = sentence.slice(0, INCIPIT_CHARS);
    const at = (marks: string): number => head.findLastIndex((c, i) => i >= 8 && marks.includes(c));
    const comma = at("，,");
    end = comma >= 0 ? comma : at("、") >= 0 ? at("、") : INCIPIT_CHARS;
  }
  return `${sentence.slice(0, end).join("").replace(/[，、,\s]+$/, "")}…`;
}

export function pieceId(parentId: string, piece: number): string {
  return createHash("sha256").update(`${parentId}:${piece}`).digest("hex").slice(0, 16);
}

export function split(paragraphs: CleanParagraph[], meta: { source: string; parentId: string }): Piece[] {
  const sentinel = paragraphs.findIndex((p) => p.boundary);
  const body = sentinel < 0 ? paragraphs : paragraphs.slice(0, sentinel);
  const announced = sentinel < 0 ? [] : parseAnnouncedTail(paragraphs.slice(sentinel));

  const heads: { at: number; h: Heading }[] = [];
  body.forEach((p, at) => {
    const h = parseHeading(p.text);
    if (h) heads.push({ at, h });
  });

  const header = body.slice(0, heads.length ? heads[0].at : body.length);
  const firstBody = header.findIndex((p) => !isTitleLike(p.text));
  const leading = header.slice(0, firstBody < 0 ? header.length : Math.max(1, firstBody));
  const pageTitle = pickTitle(leading.length ? leading : header);

  type Draft = { title: string; generic: boolean; paragraphs: CleanParagraph[] };
  const reports: Draft[] = [];
  if (!heads.length || hasBody(header)) {
    const ps = dropTitleLines(header, pageTitle);
    if (ps.length) reports.push({ title: pageTitle, generic: false, paragraphs: ps });
  }
  heads.forEach(({ at, h }, i) => {
    let ps = body.slice(at + 1, i + 1 < heads.length ? heads[i + 1].at : body.length);
    let title = h.post ? cleanTitle(h.post) : "";
    let generic = false;
    const inner = ps[0];
    if (!title && inner && isOwnTitle(inner.text)) {
      title = cleanTitle(inner.text); // the piece names itself: "医院工会工作计划"
      ps = ps.slice(1);
    }
    if (!title) {
      // Not "2023关于工会工作报告（篇3）": that names the page (and carries the page's year)
      title = incipit(ps);
      generic = true;
    } else {
      const longer = ps[0] && repeatsTitle(cleanTitle(ps[0].text), title) ? cleanTitle(ps[0].text) : "";
      if (longer.length > title.length) title = longer;
      ps = dropTitleLines(ps, title);
    }
    if (ps.length) reports.push({ title, generic, paragraphs: ps });
  });

  let excerpts: Unit[] = [];
  const last = reports[reports.length - 1];
  if (last) {
    const tail = findTail(last.paragraphs);
    if (tail) {
      last.paragraphs = last.paragraphs.slice(0, tail.start);
      excerpts = tail.units;
    }
  }
  excerpts = excerpts.concat(announced);

  const pieces: Piece[] = [];
  const add = (kind: Piece["kind"], title: string, ps: CleanParagraph[], generic: boolean): void => {
    const piece = pieces.length + 1;
    pieces.push({
      id: pieceId(meta.parentId, piece),
      parentId: meta.parentId,
      source: meta.source,
      piece,
      kind,
      title,
      paragraphs: ps.map(({ text, truncated }) => ({ text, truncated })),
      ...(generic ? { genericTitle: true } : {}),
      pageTitle,
    });
  };
  for (const r of reports) add("report", r.title, r.paragraphs, r.generic);
  for (const u of excerpts) add("excerpt", cleanTitle(u.title) || u.title, u.body, false);
  return pieces;
}
