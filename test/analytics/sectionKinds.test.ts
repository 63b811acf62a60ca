import { describe, expect, it } from "vitest";
import { headingCore, headingKind, headingsOf, sectionParts } from "../../server/analytics/shared/sectionKinds.ts";

describe("section kinds (the draft check's outline model)", () => {
  it("strips numbering, years and placeholders and cuts a heading at its first comma", () => {
    expect(headingCore("五、工作中存在的不足之处")).toBe("工作中存在的不足之处");
    expect(headingCore("（三）下一步工作打算")).toBe("下一步工作打算");
    expect(headingCore("二、20xx年主要工作打算")).toBe("主要工作打算");
    expect(headingCore("第二部分 xx年工会工作安排")).toBe("工会工作安排");
    expect(headingCore("一、指导思想：")).toBe("指导思想");
    expect(headingCore("一、~年工作总结（一）围绕本单位中心工作")).toBe("工作总结");
  });

  it("names a part by its key words, the first rule deciding; a long topic heading is no part", () => {
    expect(headingKind("四、存在的困难和问题")).toBe("problems");
    expect(headingKind("二、问题与不足")).toBe("problems");
    expect(headingKind("三、存在问题及今后改进办法")).toBe("problems");
    expect(headingKind("二、20xx年主要工作打算")).toBe("next");
    expect(headingKind("六、下一步的工作计划")).toBe("next");
    expect(headingKind("一、工会主要工作回顾")).toBe("review");
    expect(headingKind("一、指导思想")).toBe("guiding");
    expect(headingKind("五年的工作体会")).toBe("experience");
    expect(headingKind("一、加强民主管理，深化院务公开，职工权益得以维护")).toBeNull();
    expect(headingKind("三、针对职工反映强烈的看病难问题开展专项帮扶活动")).toBeNull();
    expect(headingKind("一、加强组织领导")).toBeNull();
  });

  it("finds parts under top-level headings, unnumbered heading lines and conceding paragraphs", () => {
    const text = [
      "某医院工会2023年工作总结",
      "一、工作回顾",
      "（一）存在问题的整改",
      "一年来，工会认真履行职责。",
      "过去的一年取得了一些成绩。但是，我们也清醒地认识到工作中还存在一些缺点与不足：工会干部队伍建设有待加强。",
      "明年工作设想",
      "下一步，我们将继续深化院务公开。",
    ].join("\n");
    const parts = sectionParts(text);
    expect(parts.map((p) => [p.kind, p.via])).toEqual([
      ["review", "heading"],
      ["problems", "paragraph"],
      ["next", "heading"],
    ]);
    const problems = parts.find((p) => p.kind === "problems")!;
    expect(text.slice(problems.start, problems.end)).toBe(problems.text);
    expect(problems.text).toBe("但是，我们也清醒地认识到工作中还存在一些缺点与不足：");
    // the title line is not a heading; （一） is an item, not a part
    const heads = headingsOf(text);
    expect(heads.map((h) => h.title)).toEqual(["一、工作回顾", "（一）存在问题的整改", "明年工作设想"]);
    expect(heads[1].kind).toBeNull();
  });

  it("has no problems part when a report only helps workers with their problems", () => {
    const text = ["医院工会工作总结", "一、关心职工生活", "工会帮助职工解决生活中的困难和问题，走访慰问困难职工20人次。"].join("\n");
    expect(sectionParts(text).map((p) => p.kind)).toEqual([]);
  });
});
