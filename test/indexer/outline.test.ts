import { describe, expect, it } from "vitest";
import { outline } from "../../indexer/outline.ts";

describe("outline", () => {
  it("finds numbered headings with levels, titles and offsets", () => {
    const text = [
      "一年来，工会工作取得新进展。",
      "一、加强组织领导。切实加强组织领导，调整了领导小组。",
      "（一）健全组织",
      "1、积极开展文明创建活动。内容……",
      "2.开展道德讲堂活动",
      "（1）组织学习",
      "二、规范管理",
    ].join("\n");
    const sections = outline(text);
    expect(sections.map((s) => [s.level, s.title])).toEqual([
      [1, "一、加强组织领导"],
      [2, "（一）健全组织"],
      [3, "1、积极开展文明创建活动"],
      [3, "2.开展道德讲堂活动"],
      [4, "（1）组织学习"],
      [1, "二、规范管理"],
    ]);
    for (const s of sections) expect(text.slice(s.start, s.start + 2)).toBe(s.title.slice(0, 2));
  });

  it("does not treat numbers, years or 一是 as headings", () => {
    expect(outline("1.5%的增长来自劳动竞赛\n2023.4月召开职代会\n5.12护士节举办活动\n一是坚持职代会制度")).toEqual([]);
  });

  it("trims long headings to 40 characters", () => {
    const [s] = outline(`一、${"加强民主管理".repeat(10)}`);
    expect(Array.from(s.title).length).toBe(41);
    expect(s.title.endsWith("…")).toBe(true);
  });
});
