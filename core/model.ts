// The data that flows through the indexer, stage by stage:
//   read → clean → split → dedupe → classify → segment → load (+ corpus store)
// Every stage is a pure function from one of these shapes to the next; only
// `read`, `load` and `store` touch the disk or Meilisearch.

export const SECTORS = ["hospital", "school", "enterprise", "agency", "other"] as const;
export type Sector = (typeof SECTORS)[number];

export const DOC_TYPES = ["report", "summary", "plan", "speech", "other"] as const;
export type DocType = (typeof DOC_TYPES)[number];

// 省 / 市 / 县 / 区 / 乡镇 / 街道 / 村 / a single unit (hospital, school, company …)
export const LEVELS = ["province", "city", "county", "district", "township", "subdistrict", "village", "unit"] as const;
export type Level = (typeof LEVELS)[number];

export const KINDS = ["report", "excerpt"] as const;
export type Kind = (typeof KINDS)[number];

/** `read`: one input file, decoded. */
export type ReadResult =
  | { ok: true; source: string; text: string; format: "txt" | "md" | "html" | "docx" | "pdf"; encoding: string; bytes: number; sha256: string }
  | { ok: false; source: string; reason: string };

/** `clean`: a paragraph of clean text. `truncated` marks a paragraph whose last character was lost (U+FFFD). */
export interface CleanParagraph {
  text: string;
  truncated: boolean;
  /**
   * Set on a sentinel paragraph that `clean` emits where a page announces its "related documents"
   * tail (相关推荐 / 相关文章 / 猜你喜欢 …). `split` never puts a sentinel into a piece; everything
   * after it is treated as related-document excerpts.
   */
  boundary?: "related";
}

/** `split`: one report (or related-document excerpt) cut out of a page. */
export interface Piece {
  /** stable id: hash of source content + piece index … see split.ts */
  id: string;
  /** id of the page it came from (content hash of the file) */
  parentId: string;
  source: string;
  /** 1-based position in the page */
  piece: number;
  kind: Kind;
  title: string;
  paragraphs: CleanParagraph[];
  /**
   * True when the piece has no title line of its own and `title` is its opening words
   * ("现将xx年工会工作情况和xx年工会工作安排…", see split.ts `incipit`): classify must not
   * treat it as a title.
   */
  genericTitle?: boolean;
  /** The page's own title (for a compilation: its heading without "精选27篇", e.g. "2023关于工会工作报告"). */
  pageTitle: string;
}

/** `dedupe`: which pieces are (near-)copies of which. */
export interface DuplicateLinks {
  /** piece id → canonical piece id, only for non-canonical members */
  duplicateOf: Map<string, string>;
  /** canonical id → ids of its copies */
  duplicates: Map<string, string[]>;
  /** canonical id → Jaccard similarity of each copy to the canonical, same order as `duplicates` (a copy grouped through another copy may be slightly below the threshold) */
  similarity: Map<string, number[]>;
}

export interface Section {
  /** 1 = 一、  2 = （一）  3 = 1、 / 1.  */
  level: number;
  title: string;
  /** character offset of the heading in the report `text` */
  start: number;
}

/** `classify`: metadata inferred from the text. */
export interface Classification {
  sector: Sector;
  /** 0..1 */
  sectorConfidence: number;
  /** the terms that decided it, most decisive first, e.g. ["院务公开×3", "患者×5"] */
  sectorEvidence: string[];
  year: number | null;
  docType: DocType;
  level: Level;
  /** 年度 / 上半年 / 下半年 / 学期 / 季度 / 五年 / … or null */
  period: string | null;
}

export interface ParagraphSpan {
  start: number;
  end: number;
  truncated: boolean;
}

/** A finished report: what goes into the corpus store and (in reduced form) Meilisearch. */
export interface Report extends Classification {
  id: string;
  parentId: string;
  source: string;
  piece: number;
  kind: Kind;
  /** the report's own title line, or its opening words and "…" when it has none (split.ts) */
  title: string;
  /**
   * The title of the page it was cut from: for a compilation, the compilation's heading
   * ("2023关于工会工作报告"), shared by all its reports; for a single-report page, its title.
   * Context only: no year or sector is taken from it.
   */
  pageTitle: string;
  /** clean text: paragraphs joined by "\n"; every offset in the system points into this string */
  text: string;
  paragraphs: ParagraphSpan[];
  sections: Section[];
  duplicateOf: string | null;
  duplicates: string[];
  chars: number;
}

/** The segmenter's output for one text: tokens whose concatenation is exactly the text. */
export type Tokens = string[];
