// `outline`: the numbered headings of a report, with their offsets in its text.
// Levels follow Chinese official-document numbering: 一、 (1) → （一） (2) → 1、 / 1. (3) → （1） (4).
import type { Section } from "../core/model.ts";

const CN = "一二三四五六七八九十";
const LEVELS: [RegExp, number][] = [
  [new RegExp(`^(?:第[${CN}]+部分|[${CN}]{1,3}[、．.])`), 1],
  [new RegExp(`^(?:[（(][${CN}]{1,3}[)）]|[${CN}]{1,3}[)）])`), 2],
  // "1." but not "1.5%" or "2023.": one or two digits, then a separator not followed by a digit.
  [/^\d{1,2}(?:[、]|[.．。](?!\d))/, 3],
  [/^(?:[（(]\d{1,2}[)）]|\d{1,2}[)）])/, 4],
];

export function outline(text: string): Section[] {
  const sections: Section[] = [];
  let start = 0;
  for (const paragraph of text.split("\n")) {
    const line = paragraph.trimStart();
    const at = start + (paragraph.length - line.length);
    start += paragraph.length + 1;
    const found = LEVELS.find(([re]) => re.test(line));
    if (!found) continue;
    const [re, level] = found;
    sections.push({ level, title: headingTitle(line, re.exec(line)![0].length), start: at });
  }
  return sections;
}

/** The heading itself: its first sentence, at most 40 characters. */
function headingTitle(line: string, numberLength: number): string {
  const end = line.slice(numberLength).search(/[。！？；]/);
  const first = end < 0 ? line : line.slice(0, numberLength + end);
  const chars = Array.from(first.replace(/[。；]$/, "").trim());
  return chars.length > 40 ? `${chars.slice(0, 40).join("")}…` : chars.join("");
}
