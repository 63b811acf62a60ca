import { describe, expect, it } from "vitest";
import { classify, findYear } from "../../indexer/classify.ts";

describe("classify", () => {
  it("lets the title speak first and keeps the evidence", () => {
    const c = classify("县人民医院工会2022年工作总结", "一年来，院工会坚持以患者为中心，推进院务公开，医护人员积极参加劳动竞赛。");
    expect(c.sector).toBe("hospital");
    expect(c.sectorEvidence[0]).toBe("title:医院");
    expect(c.sectorConfidence).toBeGreaterThan(0.7);
    expect(c.year).toBe(2022);
    expect(c.docType).toBe("summary");
    expect(c.level).toBe("unit");
  });

  it("decides from the text when the title says nothing", () => {
    const text = "本学期，我校工会组织教职工学习师德规范，召开教代会，推进校务公开，开展班主任经验交流，关心学生成长。学校工会还组织了教师运动会。";
    const c = classify("", text);
    expect(c.sector).toBe("school");
    expect(c.sectorEvidence.join(" ")).toMatch(/我校/);
    expect(c.period).toBe("学期");
  });

  it("answers other when the evidence is weak", () => {
    expect(classify("", "一年来，工会工作取得了一定成绩，但也存在不足。").sector).toBe("other");
  });

  it("finds the year from the title first, then the most frequent year in the text, never from placeholders", () => {
    expect(findYear("20xx年工会工作总结")).toBeNull();
    expect(findYear("20__年，XX年，~年")).toBeNull();
    expect(findYear("2019年召开职代会，2021年换届，2021年再次表彰")).toBe(2021);
    expect(findYear("二○一三年工会工作部署")).toBe(2013);
    expect(classify("2018年工作总结", "2021年、2021年").year).toBe(2018);
    expect(findYear("1.5%增长，共2000人")).toBeNull();
  });

  it("tells document types from the title, then the opening of the text, then the page title", () => {
    expect(classify("在职代会上的讲话", "").docType).toBe("speech");
    expect(classify("工会工作报告", "").docType).toBe("report");
    expect(classify("工会2023年工作要点", "").docType).toBe("plan");
    expect(classify("工会工作总结及明年打算", "").docType).toBe("summary");
    expect(classify("", "各位代表：现在，我代表工会委员会向大会作工作报告，请审议。").docType).toBe("report");
    expect(classify("", "一年来，工会做了大量工作。", { pageTitle: "2023县工会工作计划" }).docType).toBe("plan");
    expect(classify("", "一年来，工会做了大量工作。").docType).toBe("other");
  });

  it("tells administrative levels", () => {
    expect(classify("县总工会2017年工作总结", "").level).toBe("county");
    expect(classify("", "街道总工会深入企业，推进工会组建，街道党工委高度重视，全街道共建会20家。").level).toBe("subdistrict");
    expect(classify("", "乡工会在乡党委领导下开展工作，全乡建立基层工会10个，乡工会组织劳动竞赛。").level).toBe("township");
    expect(classify("", "我局机关工会组织干部职工学习，局工会开展送温暖，全县交通系统职工参加。").level).toBe("unit");
    expect(classify("", "我校工会组织教职工开展活动，学校工会坚持校务公开。").level).toBe("unit");
  });

  it("tells periods", () => {
    expect(classify("公司工会上半年工作总结", "").period).toBe("上半年");
    expect(classify("", "五年来，公司工会在两级党委领导下……").period).toBe("五年");
    expect(classify("", "20xx年，我局工会在上级工会的领导下……").period).toBe("年度");
    expect(classify("", "工会做了大量工作。").period).toBeNull();
  });
});
