// The draft check's 提法 part on a corpus built to show a falling word: 帮扶救助 in the reports of
// 2014–2016, 精准帮扶 in those of 2020–2022. Counts recounted here from the texts.
import { describe, expect, it } from "vitest";
import { buildCorpus } from "../../core/corpus/build.ts";
import { createSegmenter } from "../../core/text/segment.ts";
import { synonymSequences } from "../../core/query.ts";
import { draftCheck } from "../../server/analytics/draftCheck.ts";
import { draftInput } from "../../server/routes/draft.ts";
import { indexesOf, makeReport, STOPWORDS } from "../fixtures/analytics-corpus.ts";

const segmenter = createSegmenter("node-rs", ["帮扶救助", "精准帮扶", "困难职工", "院务公开"].join("\n"));
const synonyms = { 帮扶救助: ["精准帮扶"], 精准帮扶: ["帮扶救助"] };
const EARLY = [2014, 2015, 2016];
const LATE = [2020, 2021, 2022];
const specs = [
  ...EARLY.flatMap((year) => [0, 1, 2, 3].map((k) => ({ id: `e${year}${k}`, sector: "hospital" as const, year, docType: "summary" as const, text: `一、工作回顾\n医院工会开展帮扶救助，对困难职工帮扶救助${k + 1}次，推进院务公开。` }))),
  ...LATE.flatMap((year) => [0, 1, 2, 3].map((k) => ({ id: `l${year}${k}`, sector: "hospital" as const, year, docType: "summary" as const, text: `一、工作回顾\n医院工会开展精准帮扶，精准帮扶困难职工，落实精准帮扶${k + 1}次，推进院务公开。` }))),
];
const corpus = buildCorpus(
  specs.map((s) => ({ report: makeReport(s), tokens: segmenter.cut(s.text) })),
  STOPWORDS,
);
const count = (needle: string, years: number[]) => specs.filter((s) => years.includes(s.year)).reduce((n, s) => n + s.text.split(needle).length - 1, 0);
const chars = (years: number[]) => specs.filter((s) => years.includes(s.year)).reduce((n, s) => n + s.text.length, 0);

describe("draftCheck: formulations whose use fell", () => {
  it("lists 帮扶救助 as fallen, with each period's counts and the synonym the later reports use", () => {
    const input = draftInput({ segmenter, synonyms }, synonymSequences(segmenter, synonyms), { text: "一、工作回顾\n院工会坚持帮扶救助，关心困难职工。", sector: "hospital", docType: "summary" });
    const out = draftCheck(corpus, input, indexesOf(corpus));
    expect(out.corpus).toMatchObject({ reports: 24, withYear: 24, yearsCompared: true });
    const fell = out.formulations.filter((f) => f.reason === "fell");
    expect(fell.map((f) => f.term)).toEqual(["帮扶救助"]);
    const [f] = fell;
    expect(f.early).toMatchObject({ from: 2014, to: 2016, count: count("帮扶救助", EARLY), reports: 12, chars: chars(EARLY) });
    expect(f.late).toMatchObject({ from: 2020, to: 2022, count: 0, reports: 0, chars: chars(LATE) });
    expect(f.early!.per10k).toBeCloseTo((count("帮扶救助", EARLY) / chars(EARLY)) * 1e4, 10);
    expect(f.alternative).toMatchObject({ term: "精准帮扶", count: count("精准帮扶", LATE) });
    // used as often overall as its synonym is not "rarer"; 困难职工, in every report, did not fall
    expect(out.formulations.some((x) => x.reason === "rarer")).toBe(false);
    expect(out.formulations.some((x) => x.term === "困难职工")).toBe(false);
  });

  it("compares no years when either half has fewer than periodMin dated reports", () => {
    const few = buildCorpus(
      specs.filter((s) => s.year === 2014 || s.year === 2020).map((s) => ({ report: makeReport(s), tokens: segmenter.cut(s.text) })),
      STOPWORDS,
    );
    const input = draftInput({ segmenter, synonyms }, synonymSequences(segmenter, synonyms), { text: "院工会坚持帮扶救助。", sector: "hospital", docType: "summary" });
    const out = draftCheck(few, input, indexesOf(few));
    expect(out.corpus).toMatchObject({ withYear: 8, yearsCompared: false });
    expect(out.formulations.filter((f) => f.reason === "fell")).toEqual([]);
  });
});
