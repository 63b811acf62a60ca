// GDEX for Chinese work reports: how quotable one sentence is, 0..1, with the reasons it lost
// points. Sketch Engine's GDEX (Kilgarriff et al. 2008) ranks concordance lines by a configurable
// score; its default is made for English. A work report's good example is a complete,
// self-contained sentence: not a heading or a list label (一、 （三） 1. 一是 with little after
// it), of a readable length, with few numerals, dates, 20xx/×× placeholders and unit names, not
// opening on a word that points back (此外, 同时, 这, 该), and holding the term's usual
// collocates. Pure and O(length of the sentence); /methods documents it (MethodsView.tsx).

export interface GdexOptions {
  /** the length window in characters (whitespace not counted); defaults 15 and 80 */
  min?: number;
  max?: number;
  /** typical collocates of the term: the more of them (up to 3) the sentence holds, the better */
  collocates?: readonly string[];
}

export interface Gdex {
  /** 0 (do not quote) .. 1 (quote as is) */
  score: number;
  /** why points were lost (or won: "collocates"), in the order checked */
  reasons: string[];
}

const END = /[。！？；!?;]$/;
// 一、 二. （三） (3) 1、 1. ⑴ 第一， 一是 一要 首先 其次 — a list marker at the start (similar.ts reads it too)
export const MARKER = /^(?:[一二三四五六七八九十百]+[、．.，,]|[（(][一二三四五六七八九十\d]+[）)][、．.]?|\d{1,2}[、．.)）](?!\d)|[⑴-⒇①-⑳]|第[一二三四五六七八九十]+[、，,：:]?|[一二三四五六七八九十]+(?:是|要|抓)|首先|其次|再次|最后)/;
const OPENER = /^(?:此外|同时|另外|其中|这|该|其|为此|因此|对此|上述|以上|但是|但|而且|并且|他们|她们|它们)/;
const NUMERAL = /[0-9０-９]+(?:[.．][0-9]+)?%?|百分之[一二三四五六七八九十百]+/g;
const DATE = /(?:19|20)[0-9xX×＊*_]{2}\s*年|[0-9]{1,2}\s*月(?:份|[0-9]{1,2}\s*日)?|[0-9]{1,2}\s*日/;
// anonymised or blanked out: xx, ××, **, 20__, □, a space where a number was cut ("对 名先进职工")
const PLACEHOLDER = /[xXｘＸ×]{2,}|[*＊]{2,}|_{2,}|□|~年|[\u4e00-\u9fff]\s+[\u4e00-\u9fff]/;
// a proper name: three or more characters, none a particle or pronoun, before the kind of unit
// (so 集团公司, 增强公司凝聚力 and 我院 are not names; 蚌埠新材料有限公司 and 市人民医院 are)
const UNIT = /(?:(?![是的了和与在为对把将向也都及以从由被让我全本各该其这])[\u4e00-\u9fff]){3,}(?:有限公司|公司|集团|医院|卫生院|学校|中学|小学|大学|学院|幼儿园|银行|[局厂矿]|街道|[镇乡村]|总工会)/g;

const clamp = (x: number) => Math.max(0, Math.min(1, x));

export function gdex(sentence: string, opts: GdexOptions = {}): Gdex {
  const min = opts.min ?? 15;
  const max = opts.max ?? 80;
  const text = sentence.trim();
  const reasons: string[] = [];
  let penalty = 0;
  const lose = (reason: string, points: number) => {
    reasons.push(reason);
    penalty += points;
  };

  const ended = END.test(text);
  if (!ended) lose(/[：:]$/.test(text) ? "heading" : "no-end", 0.5);
  const marker = MARKER.exec(text);
  if (marker) {
    const body = text.slice(marker[0].length).replace(END, "");
    // "三是广泛开展劳动竞赛。": the label of a list item, its content in the sentences after it
    if (body.length < 12) lose("list-stub", 0.5);
    else lose("list-marker", 0.1);
  }
  const length = text.replace(/\s/g, "").length;
  if (length < min) lose("short", 0.3);
  else if (length > max) lose("long", Math.min(0.4, 0.2 + (0.2 * (length - max)) / max));
  const numerals = text.match(NUMERAL)?.length ?? 0;
  if (numerals) lose("numerals", Math.min(0.3, 0.06 * numerals));
  if (DATE.test(text)) lose("date", 0.15);
  if (PLACEHOLDER.test(text)) lose("placeholder", 0.25);
  const units = text.match(UNIT)?.length ?? 0;
  if (units) lose("unit-name", Math.min(0.3, 0.15 * units));
  if (OPENER.test(marker ? text.slice(marker[0].length) : text)) lose("opener", 0.2);

  let score = clamp(1 - penalty);
  const collocates = opts.collocates?.filter((c) => c.length > 0) ?? [];
  if (collocates.length) {
    const found = collocates.filter((c) => text.includes(c)).length;
    const wanted = Math.min(3, collocates.length);
    // a bonus that reorders near ties, never one that lifts a stub over a sentence
    score = 0.85 * score + 0.15 * Math.min(1, found / wanted);
    if (found) reasons.push("collocates");
  }
  return { score: Math.round(score * 1000) / 1000, reasons };
}

/** The best-scored of `items` by the GDEX of `text(item)` (the first among ties); `limit` bounds the items scored. */
export function bestExample<T>(items: readonly T[], text: (item: T) => string, limit = 200): T {
  let best = items[0];
  let top = -1;
  for (const item of items.slice(0, limit)) {
    const { score } = gdex(text(item));
    if (score > top) [best, top] = [item, score];
  }
  return best;
}
