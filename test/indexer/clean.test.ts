import { describe, expect, it } from "vitest";
import { clean, normalisePunctuation } from "../../indexer/clean.ts";

const texts = (s: string): string[] => clean(s).map((p) => p.text);

describe("clean", () => {
  it("normalises newlines and removes indentation", () => {
    expect(texts("\u3000\u3000一、加强组织领导\r\n\r\n\u00a0\u00a0县总工会高度重视。\r工会工作取得新进展。\u2028职工满意。")).toEqual([
      "一、加强组织领导",
      "县总工会高度重视。",
      "工会工作取得新进展。",
      "职工满意。",
    ]);
  });

  it("turns half-width punctuation next to Chinese into full-width, but keeps numbers and Latin", () => {
    expect(normalisePunctuation("二、加强民主管理,突出实效")).toBe("二、加强民主管理，突出实效");
    expect(normalisePunctuation("(一)工会机构设置健全;成立了女工委员会!")).toBe("（一）工会机构设置健全；成立了女工委员会！");
    expect(normalisePunctuation("(2)建立档案")).toBe("（2）建立档案");
    expect(normalisePunctuation("增长12.5%,于2023-04-19召开,每日7:20开放")).toBe("增长12.5%，于2023-04-19召开，每日7:20开放");
    expect(normalisePunctuation("见 http://example.com, ok")).toBe("见 http://example.com, ok");
    expect(normalisePunctuation('以"三个代表"为指导')).toBe("以“三个代表”为指导");
  });

  it("collapses runs of spaces and never inserts spaces between Chinese", () => {
    expect(texts("理清思路   循序渐进\t开创新局面")).toEqual(["理清思路 循序渐进 开创新局面"]);
    expect(texts("要求 , 并且")).toEqual(["要求，并且"]);
  });

  it("removes site chrome generically", () => {
    const page = [
      "当前位置:范文网› 工作总结› 工会",
      "首页报告工作报告 内容页",
      "2023-04-19工作报告",
      "市总工会2022年工作总结",
      "市总工会2022年工作总结",
      "最近发表了一篇名为《市总工会2022年工作总结》的范文,感觉很有用处,看完如果觉得有帮助请记得收藏。",
      "市总工会2022年工作总结",
      "工作总结是对过去的回顾,以下是范文网小编精心为您推荐的市总工会2022年工作总结,供大家参考。",
      "时间:",
      "分享",
      "下载本文",
      "发布时间:2023-01-02 来源:网络",
      "阅读 1234 次",
      "一年来,全市工会紧紧围绕中心工作。",
      "第1页 共3页",
      "上一篇:县工会工作计划 下一篇:街道工会工作总结",
      "将本文的Word文档下载到电脑,方便收藏和打印",
      "推荐度:",
      "点击下载文档",
      "27255",
    ].join("\n");
    expect(texts(page)).toEqual(["市总工会2022年工作总结", "一年来，全市工会紧紧围绕中心工作。"]);
  });

  it("marks where a related-documents block starts", () => {
    const ps = clean("工会工作成效明显。\n相关推荐\n县工会工作计划\n猜你喜欢");
    expect(ps.map((p) => p.boundary ?? null)).toEqual([null, "related", null, "related"]);
  });

  it("re-joins lines hard-wrapped mid-sentence, but not headings or titles", () => {
    const page = [
      "县总工会2017年文明创建工作总结",
      "",
      "一、加强组织领导",
      "",
      "制定工作计划。年初制定了《**",
      "",
      "县总工会2017年度精神文明创建工作计划》,并严格按照计划抓落实。",
      "三是以送温暖为载体,为困难职工办实事。送温暖活动是工会心",
      "系职工,帮助困难职工的有效途径。",
      "二、道德建设情况",
    ].join("\n");
    expect(texts(page)).toEqual([
      "县总工会2017年文明创建工作总结",
      "一、加强组织领导",
      "制定工作计划。年初制定了《**县总工会2017年度精神文明创建工作计划》，并严格按照计划抓落实。",
      "三是以送温暖为载体，为困难职工办实事。送温暖活动是工会心系职工，帮助困难职工的有效途径。",
      "二、道德建设情况",
    ]);
  });

  it("does not join a paragraph to the title of the next document", () => {
    expect(texts("及时向有关媒体报送活动文字和图片\n总工会帮扶工作总结及工作打算")).toEqual([
      "及时向有关媒体报送活动文字和图片",
      "总工会帮扶工作总结及工作打算",
    ]);
  });

  it("marks a paragraph whose last character was cut, and drops stray U+FFFD elsewhere", () => {
    const [cut, scar] = clean("工会工作取得了新进\ufffd\n职工\ufffd代表大会顺利召开。");
    expect(cut).toEqual({ text: "工会工作取得了新进", truncated: true });
    expect(scar).toEqual({ text: "职工代表大会顺利召开。", truncated: false });
  });

  it("returns nothing for empty or whitespace-only text", () => {
    expect(clean("")).toEqual([]);
    expect(clean(" \n\u3000\n\t")).toEqual([]);
  });
});
