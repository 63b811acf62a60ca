import { describe, expect, it } from "vitest";
import { reportThemes } from "../../server/analytics/reportThemes.ts";
import type { ThemeDef } from "../../server/analytics/themes-file.ts";
import { fixtureCorpus, segmenter } from "../fixtures/analytics-corpus.ts";

const def = (id: string, name: string, terms: string[]): ThemeDef => ({ id, name, nameEn: id, description: "", terms, termTokens: terms.map((t) => segmenter.cut(t)) });

describe("reportThemes", () => {
  it("counts one report's themes, most mentioned first, absent ones left out", () => {
    const corpus = fixtureCorpus();
    const defs = [
      def("congress", "职代会", ["职代会", "教代会"]),
      def("relief", "送温暖", ["送温暖", "慰问", "困难职工"]),
      def("emulation", "劳动竞赛", ["劳动竞赛"]),
      def("women", "女职工", ["女职工"]),
    ];
    expect(reportThemes(corpus, corpus.byId.get("e1")!, defs)).toEqual([
      { id: "relief", name: "送温暖", count: 3 },
      { id: "emulation", name: "劳动竞赛", count: 2 },
      { id: "congress", name: "职代会", count: 1 },
    ]);
  });
});
