// `clean`: scraped page text → readable paragraphs.
// Every rule here is a pattern about how 范文 sites decorate pages (navigation, "以下是小编…",
// download stubs, counters) or how scrapers damage text (hard wraps, cut characters) — never a
// string copied from one page. All regexes are anchored or bounded so that a 20 MB line stays linear.
import type { CleanParagraph } from "../core/model.ts";
import { hasCjk, isCjkChar, isHeadingLine, isTitleLike, SENTENCE_END } from "./text-patterns.ts";

/** Markers that introduce a page's "related documents" block; they become a `boundary` sentinel. */
const RELATED_MARKER =
  /^(?:.{0,40}?)(?:相关推荐|相关主题|相关文章|相关文档|相关阅读|相关范文|猜你喜欢|热门推荐|精品推荐|推荐阅读|延伸阅读|文本预览|最新文档|更多相关)(?:\s*(?:最新文档|相关文档))?\s*[:：]?$/;

/** Whole lines that are site chrome. Only tested on short lines (see `isChromeLine`). */
const CHROME_LINES: RegExp[] = [
  /^当前位置/,
  /^(?:您的位置|你的位置|所在位置)[:：]/,
  /^首页.{0,40}$/, // breadcrumb that starts at 首页: "首页报告工作报告 内容页"
  /^.{0,40}(?:内容页|正文页)$/,
  /[›»>＞].{0,30}[›»>＞]/, // "a › b › c" breadcrumbs
  /^(?:上一篇|下一篇|上一页|下一页)/,
  /^(?:分享|收藏|打印|下载本文|下载文档|举报|复制链接|返回顶部|返回列表|网友投稿)\s*[:：]?$/,
  /^(?:时间|来源|作者|编辑|责任编辑|发布时间|发布日期|更新时间)\s*[:：]?\s*$/,
  /(?:发布时间|发布日期|更新时间)[:：]/,
  /^(?:来源|作者)[:：].{0,30}$/,
  /^.{0,20}(?:阅读|浏览|点击)(?:量|数|次数)?\s*[:：]?\s*\d+\s*次?$/,
  /^推荐度/,
  /点击下载/,
  /将本文的?\s*Word\s*文档下载/i,
  /文档为\s*\w+\s*格式/,
  /^第?\s*\d+\s*页\s*[\/／共]\s*\d+\s*页?$/,
  /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s*\S{0,12}$/, // lone date heading: "2023-04-19工作报告"
];

/** "最近发表了一篇名为《…》的范文…收藏。" and "以下是…小编…推荐…参考。" style promotion sentences. */
const PROMO_FRAGMENTS: RegExp[] = [
  /最近发表了一篇名为《[^》\n]{0,80}》的[^。！\n]{0,80}[。！!]?/g,
  /下面(?:是|由)?[^。！\n]{0,20}(?:小编|为你|为您)[^。！!\n]{0,80}[。！!]/g,
  /以下是[^。\n]{0,40}(?:小编|编辑|本站|为你|为您)[^。\n]{0,120}(?:参考|借鉴|阅读|欣赏|收藏|帮助)[^。\n]{0,20}[。！!]?/g,
  /-{5,}[^-\n]{0,16}-{5,}/g, // "-----范文最新推荐-----"
  /第\s*\d+\s*页\s*共\s*\d+\s*页/g,
];

/** A sentence like "工作总结的记录是为了…" that only exists to lead into "以下是…小编…". */
const PROMO_LINE = /以下是[^。\n]{0,40}(?:小编|编辑|本站|为你|为您)/;

export function clean(text: string): CleanParagraph[] {
  const lines = text.replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n").split("\n");
  const kept: CleanParagraph[] = [];
  for (const raw of lines) {
    const line = cleanLine(raw);
    if (!line) continue;
    if (line.text.length <= 60 && RELATED_MARKER.test(line.text)) {
      kept.push({ text: line.text, truncated: false, boundary: "related" });
      continue;
    }
    if (isChromeLine(line.text)) continue;
    const prev = kept[kept.length - 1];
    // Pages repeat their title (breadcrumb, <h1>, body): keep one of consecutive equal short lines.
    if (prev && !prev.boundary && line.text.length <= 60 && prev.text === line.text) continue;
    kept.push(line);
  }
  return rejoin(kept);
}

function isChromeLine(text: string): boolean {
  // Chrome is short; a long line that happens to match ("…组织阅读20次") is content.
  if (text.length > 80) return false;
  // Lines without a single Chinese character ("betray", "27255", "1 / 15", "……") carry nothing here.
  if (!hasCjk(text)) return true;
  return CHROME_LINES.some((re) => re.test(text));
}

/** One physical line: whitespace, promotion fragments, punctuation, lost characters. */
function cleanLine(raw: string): CleanParagraph | null {
  // A scraper that cut a line inside a multi-byte character leaves U+FFFD (or a lone surrogate) at
  // the end: that paragraph lost its last character. U+FFFD elsewhere (a few bad bytes that `read`
  // accepted in an otherwise valid UTF-8 file) is dropped without marking truncation.
  let s = raw.replace(/[\s\u00a0\u3000\ufeff]+$/u, "");
  let truncated = false;
  const cut = /(?:\ufffd|[\ud800-\udbff])+$/.exec(s);
  if (cut) {
    s = s.slice(0, cut.index);
    truncated = true;
  }
  s = s.replace(/\ufffd/g, "").replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "");
  s = s.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200d]/g, "");
  // "工作总结的记录是为了…，以下是…小编精心为您推荐的…，供大家参考。": the whole line is promotion.
  if (s.length < 300 && PROMO_LINE.test(s)) return null;
  for (const re of PROMO_FRAGMENTS) s = s.replace(re, " ");
  s = s.replace(/[ \t\u00a0\u3000\u2000-\u200a\u202f\u205f]+/g, " ").trim();
  s = s.replace(/[_＿]{3,}/g, "");
  // A page number left at the end of a wrapped line: "…的基本要求, 4" / "…职工代表大 1 / 15"
  s = s.replace(/([，,、；;])\s+\d{1,3}$/, "$1").replace(/\s+\d{1,3}\s*\/\s*\d{1,3}$/, "");
  s = normalisePunctuation(s);
  s = s.trim();
  return s ? { text: s, truncated } : null;
}

const FULL: Record<string, string> = { ",": "，", ";": "；", ":": "：", "?": "？", "!": "！" };
const ASCII_WORD = /[A-Za-z0-9]/;
const CJK_PUNCT = /[，。；：？！、“”‘’《》（）【】…—]/;
/** the characters normalisePunctuation may change: half-width punctuation, parentheses, quotes, spaces */
const NEEDS_NORMALISING = /[,;:?!()" ]/;
const cjkish = (ch: string | undefined): boolean => isCjkChar(ch) || (ch !== undefined && CJK_PUNCT.test(ch));

/**
 * Half-width , ; : ? ! ( ) " next to Chinese become full-width, so "二、加强民主管理,突出实效"
 * and "二、加强民主管理，突出实效" are the same text for search and counting. ASCII stays where
 * it belongs to Latin or numbers: "12.5%", "2023-04-19", "7:20", "http://".
 */
export function normalisePunctuation(s: string): string {
  // Most lines of a Chinese report hold none of the characters below: nothing to do.
  if (!NEEDS_NORMALISING.test(s)) return s;
  // Parentheses as a pair first, so "(2)建立" becomes "（2）建立" rather than "(2）建立".
  s = s.replace(/\(([^()\n]{0,120})\)/g, (m, inner: string, at: number, all: string) =>
    hasCjk(inner) || cjkish(all[at - 1]) || cjkish(all[at + m.length]) ? `（${inner}）` : m,
  );
  s = s.replace(new RegExp(`"([^"\\n]{0,120})"`, "g"), (m, inner: string) => (hasCjk(inner) ? `“${inner}”` : m));
  // Unchanged runs are copied as slices and only replaced characters pushed on their own: one
  // string per character made this the indexer's hottest function. `last` is the last character
  // emitted (never read back from a growing string: that flattened it each time, quadratic on a
  // 20 MB line).
  const out: string[] = [];
  let runStart = 0;
  let last = "";
  const replace = (i: number, c: string) => {
    out.push(s.slice(runStart, i), c);
    runStart = i + 1;
    if (c) last = c;
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const full = FULL[ch];
    if (full) {
      const prev = prevNonSpace(s, i);
      const next = nextNonSpace(s, i);
      const latinBefore = prev !== undefined && ASCII_WORD.test(prev);
      if (cjkish(prev) || (!latinBefore && cjkish(next)) || (prev === ")" && isCjkChar(next))) {
        replace(i, full);
        continue;
      }
    } else if (ch === "(" || ch === ")") {
      // An unpaired parenthesis next to Chinese.
      if (cjkish(s[i - 1]) || cjkish(s[i + 1])) {
        replace(i, ch === "(" ? "（" : "）");
        continue;
      }
    } else if (ch === " " && (CJK_PUNCT.test(last) || CJK_PUNCT.test(s[i + 1] ?? ""))) {
      replace(i, ""); // no space around full-width punctuation
      continue;
    }
    last = ch;
  }
  out.push(s.slice(runStart));
  return out.join("").replace(/ (?=[，。；：？！、）》”」])|(?<=[，。；：？！、（《“「]) /g, "");
}

function prevNonSpace(s: string, i: number): string | undefined {
  const c = s[i - 1];
  return c === " " ? s[i - 2] : c;
}
function nextNonSpace(s: string, i: number): string | undefined {
  const c = s[i + 1];
  return c === " " ? s[i + 2] : c;
}

/**
 * Re-join lines that a hard wrap cut mid-sentence: the line does not end like a sentence, neither
 * side is a heading or a title, and the next line is not a sentinel. Titles ("县总工会2017年…总结")
 * and numbered headings ("一、加强组织领导") end without punctuation too, so they are never joined.
 */
function rejoin(paragraphs: CleanParagraph[]): CleanParagraph[] {
  const out: CleanParagraph[] = [];
  for (const p of paragraphs) {
    const prev = out[out.length - 1];
    if (prev && canJoin(prev, p)) {
      const glue = /[A-Za-z0-9]$/.test(prev.text) && /^[A-Za-z0-9]/.test(p.text) ? " " : "";
      prev.text += glue + p.text;
      prev.truncated = p.truncated;
      continue;
    }
    out.push({ ...p });
  }
  return out;
}

const OPENS_LIST = new RegExp(`^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，、]|首先|其次|再次|最后|[①-⑳])`);

function canJoin(a: CleanParagraph, b: CleanParagraph): boolean {
  if (a.boundary || b.boundary || a.truncated) return false;
  if (SENTENCE_END.test(a.text)) return false;
  if (isTitleLike(a.text) || isHeadingLine(a.text)) return false;
  if (isTitleLike(b.text) || isHeadingLine(b.text) || OPENS_LIST.test(b.text)) return false;
  // Both sides must be running Chinese text for the wrap to be a mid-sentence cut.
  const last = a.text[a.text.length - 1];
  return isCjkChar(last) || /[，、,\d《“（(A-Za-z*]/.test(last ?? "");
}

