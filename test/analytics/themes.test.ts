import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadThemes } from "../../server/analytics/themes-file.ts";
import type { ThemeDef } from "../../server/analytics/themes-file.ts";
import { themes } from "../../server/analytics/themes.ts";
import { selectReports } from "../../core/corpus/select.ts";
import { fixtureCorpus, segmenter } from "../fixtures/analytics-corpus.ts";

const corpus = fixtureCorpus();
const docs = selectReports(corpus, {}, null);

const def = (id: string, terms: string[]): ThemeDef => ({
  id,
  name: id,
  nameEn: id,
  description: "",
  terms,
  termTokens: terms.map((t) => segmenter.cut(t)),
});
const DEFS = [
  def("relief", ["送温暖", "慰问", "困难职工"]),
  def("congress", ["职代会", "教代会"]),
  def("openness", ["院务公开", "校务公开", "厂务公开"]),
  // two tokens: 职工之家|建设
  def("home", ["职工之家建设"]),
  // 送温暖活动 contains 送温暖: one mention, not two
  def("overlap", ["送温暖", "送温暖活动"]),
];

/** word tokens of the reports, recounted: tokens with a letter or digit */
const wordsIn = (ids: string[]) => ids.reduce((n, id) => n + segmenter.cut(corpus.byId.get(id)!.report.text).filter((t) => /[\p{L}\p{N}]/u.test(t)).length, 0);

describe("themes", () => {
  const out = themes(corpus, docs, DEFS, { by: "sector" });
  const cell = (theme: string, group: string) => out.cells.find((c) => c.theme === theme && c.group === group)!;

  it("lists groups with their docs and chars", () => {
    const chars = (ids: string[]) => ids.reduce((n, id) => n + corpus.byId.get(id)!.report.text.length, 0);
    expect(out.groups).toEqual([
      { key: "hospital", docs: 2, chars: chars(["h1", "h2"]), tokens: wordsIn(["h1", "h2"]) },
      { key: "school", docs: 2, chars: chars(["s1", "s2"]), tokens: wordsIn(["s1", "s2"]) },
      { key: "enterprise", docs: 1, chars: chars(["e1"]), tokens: wordsIn(["e1"]) },
      { key: "agency", docs: 1, chars: chars(["a1"]), tokens: wordsIn(["a1"]) },
    ]);
    expect(out.themes.map((t) => t.id)).toEqual(DEFS.map((d) => d.id));
  });

  it("fills the theme × group matrix with hand-counted numbers", () => {
    const matrix = Object.fromEntries(DEFS.map((d) => [d.id, out.groups.map((g) => [cell(d.id, g.key).count, cell(d.id, g.key).docs])]));
    expect(matrix).toEqual({
      //          hospital  school   enterprise agency
      relief: [[6, 2], [4, 2], [3, 1], [3, 1]],
      congress: [[2, 2], [2, 2], [1, 1], [1, 1]],
      openness: [[2, 2], [1, 1], [1, 1], [1, 1]],
      home: [[1, 1], [1, 1], [0, 0], [1, 1]],
      overlap: [[2, 2], [2, 2], [1, 1], [1, 1]],
    });
    const g = out.groups[0];
    const hospitalChars = ["h1", "h2"].reduce((n, id) => n + corpus.byId.get(id)!.report.text.length, 0);
    expect(g.chars).toBe(hospitalChars);
    expect(cell("relief", "hospital").per10k).toBeCloseTo((6 / hospitalChars) * 10_000, 9);
    expect(cell("relief", "hospital").perMillion).toBeCloseTo((6 / wordsIn(["h1", "h2"])) * 1e6, 9);
    expect(out.cells).toHaveLength(DEFS.length * out.groups.length);
  });

  it("agrees with a naive text count for single-word terms", () => {
    // 送温暖 慰问 困难职工 are whole tokens wherever they occur here, so substring counts agree
    const naive = docs.reduce((n, d) => n + ["送温暖", "慰问", "困难职工"].reduce((m, t) => m + d.report.text.split(t).length - 1, 0), 0);
    expect(out.cells.filter((c) => c.theme === "relief").reduce((n, c) => n + c.count, 0)).toBe(naive);
  });

  it("groups by year", () => {
    const byYear = themes(corpus, docs, DEFS, { by: "year" });
    expect(byYear.groups.map((g) => g.key)).toEqual(["2021", "2022", "2023", "unknown"]);
  });
});

describe("loadThemes", () => {
  it("reads corpus/themes.yaml and segments every term", () => {
    const path = fileURLToPath(new URL("../../corpus/themes.yaml", import.meta.url));
    const defs = loadThemes(path, segmenter);
    expect(defs.length).toBeGreaterThanOrEqual(15);
    expect(new Set(defs.map((d) => d.id)).size).toBe(defs.length);
    for (const d of defs) {
      expect(d.name && d.nameEn && d.description).toBeTruthy();
      expect(d.termTokens).toHaveLength(d.terms.length);
      d.termTokens.forEach((tokens, i) => expect(tokens.join("")).toBe(d.terms[i]));
    }
    expect(defs.find((d) => d.id === "relief")!.terms).toContain("送温暖");
  });
});
