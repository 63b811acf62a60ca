// The search box's completion list: what is offered for the typed text, and how
// ArrowUp / ArrowDown move through it.
import { describe, expect, it } from "vitest";
import { moveActive, visibleSuggestions } from "../../web/src/lib/combobox.ts";

const answer = [
  { term: "送温暖", count: 41 },
  { term: "送温暖活动", count: 7 },
  { term: "温暖", count: 12 },
];

describe("visibleSuggestions", () => {
  it("offers nothing for an empty or blank box", () => {
    expect(visibleSuggestions(answer, "")).toEqual([]);
    expect(visibleSuggestions(answer, "  ")).toEqual([]);
  });

  it("offers nothing before the answer arrives", () => {
    expect(visibleSuggestions(undefined, "送温")).toEqual([]);
  });

  it("offers the words containing a partial Chinese input", () => {
    expect(visibleSuggestions(answer, "送温").map((s) => s.term)).toEqual(["送温暖", "送温暖活动"]);
    expect(visibleSuggestions(answer, " 温暖 ").map((s) => s.term)).toEqual(["送温暖", "送温暖活动"]);
  });

  it("drops what no longer fits the text typed since the answer was asked for", () => {
    expect(visibleSuggestions(answer, "送温暖活").map((s) => s.term)).toEqual(["送温暖活动"]);
    expect(visibleSuggestions(answer, "慰问")).toEqual([]);
  });

  it("does not offer the text already typed, and keeps to the limit", () => {
    expect(visibleSuggestions(answer, "送温暖").map((s) => s.term)).toEqual(["送温暖活动"]);
    expect(visibleSuggestions(answer, "温", 1)).toHaveLength(1);
  });
});

describe("moveActive", () => {
  it("ArrowDown goes from none to the first option and wraps after the last", () => {
    expect(moveActive(-1, 3, "ArrowDown")).toBe(0);
    expect(moveActive(1, 3, "ArrowDown")).toBe(2);
    expect(moveActive(2, 3, "ArrowDown")).toBe(0);
  });

  it("ArrowUp goes from none or the first option to the last", () => {
    expect(moveActive(-1, 3, "ArrowUp")).toBe(2);
    expect(moveActive(0, 3, "ArrowUp")).toBe(2);
    expect(moveActive(2, 3, "ArrowUp")).toBe(1);
  });

  it("an empty list has no active option", () => {
    expect(moveActive(-1, 0, "ArrowDown")).toBe(-1);
    expect(moveActive(0, 0, "ArrowUp")).toBe(-1);
  });
});
