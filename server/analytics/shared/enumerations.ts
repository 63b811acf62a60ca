// Enumeration formulas: 一是…二是…三是… and 一要…二要…三要…, found in the text (jieba cuts 一是
// into 一 + 是, so characters are simpler than tokens here). A run is 一X, 二X, 三X … in order within
// one paragraph; it counts for the pattern of its length, capped at three items. Fillers are what
// follows each marker up to the next punctuation (≤ 12 chars). O(chars of docs).
import type { CorpusDoc } from "../../../core/corpus/types.ts";
import type { FormulaRow } from "../formulas.ts";

const NUMERALS = "一二三四五六七八九十";
const MARKERS = ["是", "要"];
const FILLER_RE = /^[^，。；：！？、,.;:!?\n]{1,12}/;

interface Acc {
  count: number;
  sectors: Record<string, number>;
  fillers: Map<string, number>[];
  lastDoc: CorpusDoc | null;
}

export function enumerations(docs: CorpusDoc[], min: number): FormulaRow[] {
  const acc = new Map<string, Acc>();
  for (const doc of docs) {
    for (const paragraph of doc.report.text.split("\n")) {
      for (const marker of MARKERS) {
        const first = "一" + marker;
        for (let pos = paragraph.indexOf(first); pos >= 0; ) {
          const items = [filler(paragraph, pos)];
          let cur = pos;
          for (let k = 1; k < NUMERALS.length; k++) {
            const next = paragraph.indexOf(NUMERALS[k] + marker, cur + 2);
            const restart = paragraph.indexOf(first, cur + 2);
            if (next < 0 || (restart >= 0 && restart < next)) break;
            items.push(filler(paragraph, next));
            cur = next;
          }
          if (items.length >= 2) add(acc, doc, marker, items.slice(0, 3));
          pos = paragraph.indexOf(first, cur + 2);
        }
      }
    }
  }
  const rows: FormulaRow[] = [];
  for (const [pattern, a] of acc) {
    const reports = Object.values(a.sectors).reduce((x, y) => x + y, 0);
    if (reports < min) continue;
    rows.push({
      pattern,
      count: a.count,
      reports,
      sectors: a.sectors,
      fillers: a.fillers.map((m) =>
        [...m]
          .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
          .slice(0, 5)
          .map(([text, count]) => ({ text, count })),
      ),
    });
  }
  return rows;
}

function add(acc: Map<string, Acc>, doc: CorpusDoc, marker: string, items: string[]): void {
  const pattern = items.map((_, k) => NUMERALS[k] + marker + "…").join("");
  let a = acc.get(pattern);
  if (!a) acc.set(pattern, (a = { count: 0, sectors: {}, fillers: items.map(() => new Map()), lastDoc: null }));
  a.count++;
  items.forEach((text, k) => a.fillers[k].set(text, (a.fillers[k].get(text) ?? 0) + 1));
  if (a.lastDoc !== doc) {
    a.lastDoc = doc;
    a.sectors[doc.report.sector] = (a.sectors[doc.report.sector] ?? 0) + 1;
  }
}

function filler(paragraph: string, markerAt: number): string {
  return FILLER_RE.exec(paragraph.slice(markerAt + 2, markerAt + 14))?.[0] ?? "";
}
