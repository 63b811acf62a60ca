import { beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../core/model.ts";
import { seedReports } from "./seed-corpus.ts";

let reports: Report[] = [];
let warnings: string[] = [];
beforeAll(async () => ({ reports, warnings } = await seedReports()));

const of = (prefix: string, kind = "report"): Report[] => reports.filter((r) => r.source.startsWith(prefix) && r.kind === kind);
const BOILERPLATE = ["当前位置", "最近发表了一篇名为", "小编精心为您推荐", "上一篇", "下一篇", "猜你喜欢", "相关推荐", "相关主题", "文本预览", "点击下载", "将本文的Word文档下载", "推荐度", "网友投稿"];

describe("seed corpus", () => {
  it("finds every report of the three compilations and the two single pages", () => {
    expect(of("000")).toHaveLength(27);
    expect(of("003")).toHaveLength(6);
    expect(of("004")).toHaveLength(8);
    expect(of("001")).toHaveLength(1);
    expect(of("002").length).toBeGreaterThanOrEqual(1);
    expect(reports.filter((r) => r.kind === "report").length).toBeGreaterThanOrEqual(43);
    expect(warnings.filter((w) => /no report/.test(w))).toEqual([]);
  });

  it("leaves no web boilerplate in any report", () => {
    for (const r of reports) for (const b of BOILERPLATE) expect(r.text, `${r.source}#${r.piece} contains ${b}`).not.toContain(b);
  });

  it("does not count a compilation's header as a report", () => {
    for (const r of reports) expect(r.text).not.toMatch(/精选\d+篇|通用\d+篇/);
  });

  it("groups the near-identical reports inside seed 000", () => {
    const piece = (n: number): Report => of("000").find((r) => r.piece === n)!;
    const group = (n: number): string => piece(n).duplicateOf ?? piece(n).id;
    expect(group(5)).toBe(group(8));
    expect(group(6)).toBe(group(7));
    expect(group(6)).toBe(group(9));
    expect(group(5)).not.toBe(group(6));
    expect(group(1)).not.toBe(group(2));
    const canonical = reports.filter((r) => r.duplicates.length);
    expect(canonical.filter((r) => r.kind === "report")).toHaveLength(2);
  });

  it("cuts seed 001's related-documents tail into excerpts, not glued to the report", () => {
    const [report] = of("001");
    expect(report.title).toBe("县总工会2017年文明创建工作总结");
    const last = report.text.slice(report.paragraphs.at(-1)!.start);
    expect(last.endsWith("及时向召集单位及有关媒体报送活动文字和图片")).toBe(true);
    expect(report.text).not.toContain("总工会帮扶工作总结及工作打算");
    expect(report.text).not.toContain("房山镇困难职工帮扶中心");
    const excerpts = of("001", "excerpt");
    expect(excerpts.length).toBeGreaterThanOrEqual(10);
    expect(excerpts.map((e) => e.title)).toContain("总工会帮扶工作总结及工作打算");
    expect(excerpts.find((e) => e.title.startsWith("峨山县总工会"))!.text).toContain("峨山县");
  });

  it("ends seed 002's reports at their real endings", () => {
    const reports002 = of("002");
    expect(reports002[0].text.endsWith("丰富职工的业余生活。")).toBe(true);
    expect(reports002.at(-1)!.text).toContain("安康杯");
    for (const r of reports002) expect(r.text).not.toContain("相关推荐");
  });

  it("titles each report by its own title line or opening words, and keeps the page's title apart", () => {
    const title = (prefix: string, piece: number): string => of(prefix).find((r) => r.piece === piece)!.title;
    // Read off the seed files: a piece's first lines after its "… 篇N" heading.
    // 000 篇1 opens "五年来,xx公司工会在两级公司党委和xx公司工会的指导下,面对多变的…" (its "过去五年工作回顾" comes after: a part heading)
    expect(title("000", 1)).toBe("五年来，xx公司工会在两级公司党委和xx公司工会的指导下…");
    // 000 篇2: "公司党委、各位代表:" then "现将xx年工会工作情况和xx年工会工作安排,向公司…"
    expect(title("000", 2)).toBe("现将xx年工会工作情况和xx年工会工作安排…");
    // 000 篇4: "各位代表、同志们:" then "我受供暖处工会第八届委员会委托,向大会作工作报告,请审议。"
    expect(title("000", 4)).toBe("我受供暖处工会第八届委员会委托，向大会作工作报告，请审议…");
    // 004 篇3 opens "201x年委机关工会工作指导思想:以邓小平理论…"
    expect(title("004", 3)).toBe("201x年委机关工会工作指导思想…");
    // 004 篇8 has a title line of its own
    expect(title("004", 8)).toBe("医院工会工作计划");
    // single-report pages keep their page's title
    expect(title("001", 1)).toBe("县总工会2017年文明创建工作总结");

    const pageTitles: Record<string, string> = {
      "000": "2023关于工会工作报告",
      "001": "县总工会2017年文明创建工作总结",
      "003": "2023年局工会工作总结",
      "004": "2023县工会工作计划",
    };
    for (const [prefix, page] of Object.entries(pageTitles)) for (const r of of(prefix)) expect(r.pageTitle, `${r.source}#${r.piece}`).toBe(page);
    for (const r of reports) {
      expect(r.title, `${r.source}#${r.piece}`).not.toMatch(/篇\s*[0-9一二三四五六七八九十]+|（篇/);
      // a compilation's heading is no report's title
      if (/^00[034]/.test(r.source) && r.kind === "report") expect(r.title, `${r.source}#${r.piece}`).not.toBe(r.pageTitle);
    }
  });

  it("takes no report's year from the compilation's heading", () => {
    // In the seed files "2023" occurs only in page and piece headings, never in a report's text.
    const compiled = reports.filter((r) => /^00[034]/.test(r.source) && r.kind === "report");
    expect(compiled).toHaveLength(27 + 6 + 8);
    expect(compiled.filter((r) => r.year === 2023)).toEqual([]);
    // 000 篇4 names its own year: "二○一三年工会工作部署"
    expect(of("000").find((r) => r.piece === 4)!.year).toBe(2013);
  });

  it("keeps offsets consistent: paragraphs and sections point into the text", () => {
    for (const r of reports) {
      expect(r.chars).toBe(r.text.length);
      for (const p of r.paragraphs) expect(r.text[p.end] === undefined || r.text[p.end] === "\n").toBe(true);
      for (const s of r.sections) expect(r.text.slice(s.start, s.start + 1)).toBe(s.title.slice(0, 1));
    }
  });
});
