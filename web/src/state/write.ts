// Write view (`/write`) URL state: the draft (a sentence or a paragraph), the term whose frames
// are shown, and the filters the closest sentences are drawn from.
import { DOC_TYPES, FRAME_SORTS, SECTORS } from "../../../core/api/schema.ts";
import { int, oneOf, put, str } from "./route.ts";

export interface WriteState {
  text: string;
  term: string;
  sector: (typeof SECTORS)[number] | "";
  docType: (typeof DOC_TYPES)[number] | "";
  /** 0: any year */
  yearFrom: number;
  /** the frames' order: count (the writer's default: the wording used most first) or logDice */
  fsort: (typeof FRAME_SORTS)[number];
  /** a second term: the sketch difference of `term` vs it (职代会 vs 教代会) */
  vs: string;
}

export const defaultWriteState = (): WriteState => ({ text: "", term: "", sector: "", docType: "", yearFrom: 0, fsort: "count", vs: "" });

export function stateToRoute(s: WriteState): URLSearchParams {
  const p = new URLSearchParams();
  put(p, "text", s.text);
  put(p, "term", s.term);
  put(p, "sector", s.sector);
  put(p, "docType", s.docType);
  put(p, "yearFrom", s.yearFrom, 0);
  put(p, "fsort", s.fsort, "count");
  put(p, "vs", s.vs);
  return p;
}

export function routeToState(p: URLSearchParams): WriteState {
  return {
    text: str(p, "text", 2000),
    term: str(p, "term", 100),
    sector: oneOf(p, "sector", ["", ...SECTORS] as const, ""),
    docType: oneOf(p, "docType", ["", ...DOC_TYPES] as const, ""),
    yearFrom: int(p, "yearFrom", 0, 2100, 0),
    fsort: oneOf(p, "fsort", FRAME_SORTS, "count"),
    vs: str(p, "vs", 100),
  };
}

/** The draft's sentences (split after 。！？；!?; and at line breaks), at most 10. */
export function draftSentences(text: string): string[] {
  return text
    .split(/(?<=[。！？；!?;])|\n/)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s))
    .slice(0, 10);
}
