// Loads corpus/themes.yaml: the theme catalogue analysts count (送温暖, 职代会 …). Each term is
// segmented here, once, with the same segmenter as the corpus, so a theme term matches exactly
// the token sequences that search and KWIC would match.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import type { Segmenter } from "../../core/text/segment.ts";

export interface ThemeDef {
  id: string;
  name: string;
  nameEn: string;
  description: string;
  terms: string[];
  /** per term, its tokens (whitespace dropped) */
  termTokens: string[][];
}

const ThemeFile = z.object({
  themes: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z][a-z0-9-]*$/),
        name: z.string().min(1),
        nameEn: z.string().min(1),
        description: z.string().default(""),
        terms: z.array(z.string().trim().min(1)).min(1),
      }),
    )
    .min(1),
});

export function loadThemes(path: string, segmenter: Segmenter): ThemeDef[] {
  const file = ThemeFile.parse(parse(readFileSync(path, "utf8")));
  const seen = new Set<string>();
  return file.themes.map((t) => {
    if (seen.has(t.id)) throw new Error(`${path}: duplicate theme id ${t.id}`);
    seen.add(t.id);
    const terms = [...new Set(t.terms)];
    return { ...t, terms, termTokens: terms.map((term) => segmenter.cut(term).filter((tok) => tok.trim())) };
  });
}
