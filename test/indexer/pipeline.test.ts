import { describe, expect, it } from "vitest";
import { buildReports } from "../../indexer/pipeline.ts";

const hospital = [
  "2023县工会工作报告(精选2篇)",
  "2023县工会工作报告 篇1",
  "一年来，院工会在院党委领导下，推进院务公开，组织医护人员开展技能竞赛，慰问住院患者。",
  "一、加强民主管理",
  "医院召开第七届二次职工代表大会，审议工作报告。",
  "2023县工会工作报告 篇2",
  "本学期，我校工会组织教职工学习师德规范，召开教代会，推进校务公开。",
  "一、加强师德建设",
  "学校工会开展师德演讲比赛，教师积极参与。",
].join("\n");

describe("buildReports", () => {
  it("runs clean → split → dedupe → classify → outline into finished reports", () => {
    const { reports, warnings } = buildReports([
      { source: "a.txt", parentId: "pa", text: hospital },
      { source: "b.txt", parentId: "pb", text: hospital },
    ]);
    expect(warnings).toEqual([]);
    expect(reports).toHaveLength(4);
    const [first, second, copy] = reports;
    // No title line of its own: its opening words name it; the page's title is kept beside it.
    expect(first).toMatchObject({ source: "a.txt", piece: 1, kind: "report", title: "一年来，院工会在院党委领导下，推进院务公开…", pageTitle: "2023县工会工作报告", sector: "hospital", level: "unit" });
    // 2023 dates the compilation, not the report, whose text names no year.
    expect(first.year).toBeNull();
    // The compilation heading (县工会) must not decide the sector of its pieces.
    expect(second.sector).toBe("school");
    expect(first.text.split("\n")).toHaveLength(3);
    expect(first.paragraphs[1]).toEqual({ start: first.text.indexOf("一、"), end: first.text.indexOf("\n", first.text.indexOf("一、")), truncated: false });
    expect(first.sections).toEqual([{ level: 1, title: "一、加强民主管理", start: first.text.indexOf("一、") }]);
    expect(first.chars).toBe(first.text.length);
    // The same page twice: the second copy points at the first.
    expect(copy.duplicateOf).toBe(first.id);
    expect(first.duplicates).toEqual([copy.id]);
    expect(first.duplicateOf).toBeNull();
  });

  it("takes a year from a piece's own title line, never from the compilation's heading", () => {
    const page = [
      "2023县工会工作总结(精选2篇)",
      "2023县工会工作总结 篇1",
      "镇工会2019年工作总结",
      "一年来，镇工会组织职工开展劳动竞赛，慰问困难职工，推进厂务公开，职工队伍稳定。",
      "2023县工会工作总结 篇2",
      "本学期，我校工会组织教职工学习师德规范，召开教代会，推进校务公开，完成了各项任务。",
    ].join("\n");
    const { reports } = buildReports([{ source: "c.txt", parentId: "pc", text: page }]);
    expect(reports.map((r) => [r.title, r.pageTitle, r.year])).toEqual([
      ["镇工会2019年工作总结", "2023县工会工作总结", 2019],
      ["本学期，我校工会组织教职工学习师德规范，召开教代会…", "2023县工会工作总结", null],
    ]);
  });

  it("is stable: the same input gives the same ids", () => {
    const a = buildReports([{ source: "a.txt", parentId: "pa", text: hospital }]).reports.map((r) => r.id);
    const b = buildReports([{ source: "a.txt", parentId: "pa", text: hospital }]).reports.map((r) => r.id);
    expect(a).toEqual(b);
  });

  it("warns about pages without a report and truncated paragraphs", () => {
    const { warnings } = buildReports([
      { source: "empty.txt", parentId: "pe", text: "相关推荐\n" },
      { source: "cut.txt", parentId: "pc", text: "镇工会工作总结\n一年来，镇工会组织开展送温暖活动，慰问困难职工五十户，发放慰问金三万余元，职工满意度不断提\ufffd" },
    ]);
    expect(warnings).toEqual(["empty.txt: no report found", "cut.txt#1: 1 truncated paragraph(s)"]);
  });
});
