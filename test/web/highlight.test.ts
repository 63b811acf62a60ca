// Highlight segments: text + [start, end) marks → plain / marked pieces, never HTML.
import { describe, expect, it } from "vitest";
import { marksWithin, segments } from "../../web/src/lib/highlight.ts";

describe("segments", () => {
  it("splits Chinese text at the marks", () => {
    expect(segments("开展送温暖活动", [[2, 5]])).toEqual([
      { text: "开展", marked: false },
      { text: "送温暖", marked: true },
      { text: "活动", marked: false },
    ]);
  });

  it("merges overlapping, unsorted and out-of-range marks", () => {
    expect(segments("职工之家建设", [[4, 99], [0, 2], [1, 3]])).toEqual([
      { text: "职工之", marked: true },
      { text: "家", marked: false },
      { text: "建设", marked: true },
    ]);
  });

  it("keeps markup as characters", () => {
    const text = '<img src=x onerror="alert(1)">';
    expect(segments(text, [[1, 4]]).map((s) => s.text).join("")).toBe(text);
  });

  it("returns the whole text when there are no marks", () => {
    expect(segments("工会", [])).toEqual([{ text: "工会", marked: false }]);
    expect(segments("", [])).toEqual([{ text: "", marked: false }]);
  });
});

describe("marksWithin", () => {
  it("clips report-wide marks to a paragraph and makes them relative", () => {
    expect(marksWithin([[3, 6], [8, 12], [20, 22]], 5, 10)).toEqual([[0, 1], [3, 5]]);
  });
});
