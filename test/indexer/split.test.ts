import { describe, expect, it } from "vitest";
import { clean } from "../../indexer/clean.ts";
import { cleanTitle, parseHeading, pieceId, split } from "../../indexer/split.ts";

const meta = { source: "page.txt", parentId: "p1" };
const body = (s: string): string => `${s}工会坚持以职工为本，认真履行维护职能，组织开展劳动竞赛和送温暖活动，职工队伍保持稳定，各项工作取得新进展，得到了上级工会的充分肯定。`;

describe("split", () => {
  it("cuts a compilation into one report per piece, without its header", () => {
    const page = [
      "2023关于工会工作报告(精选3篇)",
      "2023关于工会工作报告 篇1",
      body("一年来，我院"),
      "2023关于工会工作报告 篇2",
      body("本学期，我校"),
      "2023关于工会工作报告 篇3",
      body("上半年，我公司"),
    ].join("\n");
    const pieces = split(clean(page), meta);
    // untitled pieces are named by their opening words, never "2023关于工会工作报告（篇2）"
    expect(pieces.map((p) => [p.piece, p.kind, p.title, p.genericTitle])).toEqual([
      [1, "report", "一年来，我院工会坚持以职工为本，认真履行维护职能…", true],
      [2, "report", "本学期，我校工会坚持以职工为本，认真履行维护职能…", true],
      [3, "report", "上半年，我公司工会坚持以职工为本，认真履行维护职能…", true],
    ]);
    expect(pieces[1].paragraphs[0].text.startsWith("本学期，我校")).toBe(true);
    expect(pieces.map((p) => p.pageTitle)).toEqual(["2023关于工会工作报告", "2023关于工会工作报告", "2023关于工会工作报告"]);
  });

  it("recognises other piece headings and takes the piece's own title when it has one", () => {
    expect(parseHeading("第二篇:XXX工会工作总结")).toEqual({ pre: "", n: "二", post: "XXX工会工作总结" });
    expect(parseHeading("【篇一】")).toEqual({ pre: "", n: "一", post: "" });
    expect(parseHeading("范文3：镇工会工作计划")).toEqual({ pre: "", n: "3", post: "镇工会工作计划" });
    expect(parseHeading("2023年局工会工作总结篇12")).toEqual({ pre: "2023年局工会工作总结", n: "12", post: "" });
    expect(parseHeading("2023年局工会工作总结通用6篇")).toBeNull();
    expect(parseHeading("写好这两篇大文章，是我们的任务。")).toBeNull();

    const page = ["县工会工作计划精选2篇", "【篇一】", "医院工会工作计划", body("一年来，"), "【篇二】", body("我校工会")].join("\n");
    const pieces = split(clean(page), meta);
    expect(pieces.map((p) => p.title)).toEqual(["医院工会工作计划", "我校工会工会坚持以职工为本，认真履行维护职能…"]);
  });

  it("titles a piece by its own first line only when that line is a title", () => {
    const piece = (...lines: string[]) => split(clean(["县工会工作报告精选2篇", "县工会工作报告 篇1", ...lines, "县工会工作报告 篇2", body("我校")].join("\n")), meta)[0];
    // a title line without document words, but naming the union
    expect(piece("理清思路 循序渐进 开创工会工作新局面", body("今年，")).title).toBe("理清思路 循序渐进 开创工会工作新局面");
    // a salutation, a numbered section, a date: not titles; the opening sentence names the piece
    expect(piece("各位代表、同志们：", "我受工会第八届委员会委托，向大会作工作报告，请审议。", body("一年来，")).title).toBe("我受工会第八届委员会委托，向大会作工作报告，请审议…");
    expect(piece("一、加强民主管理", body("一年来，")).title).toBe("一年来，工会坚持以职工为本，认真履行维护职能…");
    expect(piece("（一）组织建设", body("今年以来，")).title).toBe("今年以来，工会坚持以职工为本，认真履行维护职能…");
    expect(piece("2021年3月15日", body("一年来，")).title).toBe("一年来，工会坚持以职工为本，认真履行维护职能…");
    // a short line after the opening paragraph is a part heading, not the report's title
    expect(piece(body("五年来，"), "过去五年工作回顾", body("一是")).title).toBe("五年来，工会坚持以职工为本，认真履行维护职能…");
    // a long first sentence is cut at a comma; a long lead-in ending in a colon is not a salutation
    expect(piece("在新的一年中，工会工作总体设想是：在医院党委和上级工会的领导下，认真履行工会职能，围绕医院中心工作开展工作：", body("一是")).title).toBe(
      "在新的一年中，工会工作总体设想是…",
    );
  });

  it("keeps a single-report page whole, titled by its first title line", () => {
    const page = ["当前位置:首页 › 总结", "镇工会2021年工作总结", "镇工会2021年工作总结", "理清思路 开创工会工作新局面", body("2021年，镇")].join("\n");
    const [piece, ...rest] = split(clean(page), meta);
    expect(rest).toEqual([]);
    expect(piece.title).toBe("镇工会2021年工作总结");
    expect(piece.paragraphs.map((p) => p.text.slice(0, 6))).toEqual(["理清思路 开", "2021年，"]);
  });

  it("cuts the related-documents tail into excerpts that never stick to the report", () => {
    const page = [
      "县总工会文明创建工作总结",
      body("今年，县总"),
      "由专职人员每月及时向有关媒体报送活动文字和图片",
      "街道工会工作总结范文",
      "街道工会工作总结范文 在街道党工委的领导下，街道工会工作开展得丰富扎实，真正成为职工之家。全街共举办各类培训班5期，培训工会干部100多人次，企业工会干部培训率达",
      "中学工会工作总结",
      "中学工会工作总结 本学期我校工会工作坚持以人为本，最大限度地调动和发挥广大教职工的积极性和创造性，维护广大教职工的合法权益，努力开创工会工作",
    ].join("\n");
    const pieces = split(clean(page), meta);
    expect(pieces.map((p) => [p.kind, p.title])).toEqual([
      ["report", "县总工会文明创建工作总结"],
      ["excerpt", "街道工会工作总结"],
      ["excerpt", "中学工会工作总结"],
    ]);
    expect(pieces[0].paragraphs.at(-1)!.text).toBe("由专职人员每月及时向有关媒体报送活动文字和图片");
  });

  it("does not mistake a report's last titled section for a tail", () => {
    const page = ["厂工会工作总结", body("今年，"), "明年工作打算", body("明年，我们将")].join("\n");
    const pieces = split(clean(page), meta);
    expect(pieces.map((p) => p.kind)).toEqual(["report"]);
    expect(pieces[0].paragraphs.map((p) => p.text.slice(0, 6))).toContain("明年工作打算");
  });

  it("treats everything after an announced related block as excerpts and drops bare title lists", () => {
    const page = ["厂工会工作总结", body("今年，"), "相关文章:", "工会述职报告模板6篇", "村工会换届讲话稿6篇", "将本文的Word文档下载到电脑"].join("\n");
    expect(split(clean(page), meta).map((p) => p.kind)).toEqual(["report"]);
  });

  it("derives stable piece ids from the parent id and the piece number", () => {
    expect(pieceId("p1", 2)).toMatch(/^[0-9a-f]{16}$/);
    expect(pieceId("p1", 2)).toBe(pieceId("p1", 2));
    expect(pieceId("p1", 2)).not.toBe(pieceId("p1", 3));
    const page = ["县工会工作计划", body("今年，")].join("\n");
    expect(split(clean(page), meta)[0].id).toBe(pieceId("p1", 1));
  });

  it("cleans titles of site decorations", () => {
    expect(cleanTitle("2023关于工会工作报告(精选27篇)")).toBe("2023关于工会工作报告");
    expect(cleanTitle("xxx总工会工作总结1")).toBe("xxx总工会工作总结");
    expect(cleanTitle("总工会2019年上半年工作总结_模板")).toBe("总工会2019年上半年工作总结");
  });
});
