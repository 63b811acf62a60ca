// Hand-written examples of the sector traps, none of them taken from the seed corpus.
import { describe, expect, it } from "vitest";
import { classify } from "../../indexer/classify.ts";

describe("classify traps", () => {
  it("我院 in a court is an agency, not a hospital", () => {
    const text =
      "一年来，我院工会在院党组领导下，紧紧围绕审判执行中心工作，组织全院干警开展岗位练兵。" +
      "院工会举办法官论坛，组织干警参加市直机关运动会，我院女子篮球队获第二名。全院干警积极参加献爱心活动。";
    const c = classify("", text);
    expect(c.sector).toBe("agency");
    expect(c.sectorEvidence.join(" ")).toMatch(/干警|法官|审判/);
  });

  it("我院 in a procuratorate is an agency", () => {
    const text =
      "今年，我院工会紧扣检察工作大局，组织检察干警开展业务竞赛，全院干警参与读书活动，" +
      "院工会关心干警身心健康，组织体检和文体活动，为检察事业发展凝心聚力。";
    expect(classify("", text).sector).toBe("agency");
    expect(classify("市人民检察院工会工作总结", "我院工会组织职工活动。").sector).toBe("agency");
  });

  it("a university hospital that speaks of 教职工 and 教代会 is a hospital", () => {
    const text =
      "在医院党委和校工会的领导下，院工会团结全院教职工，召开第五届教代会，落实院务公开。" +
      "联合医务部、护理部开展临床技能竞赛，组织青年教师参加教学比赛，慰问住院患者和困难教职工，" +
      "全院教职工踊跃参加无偿献血。医院第二届体育运动节圆满举办。";
    const c = classify("", text);
    expect(c.sector).toBe("hospital");
    expect(classify("大学附属第一医院工会工作报告", text).sector).toBe("hospital");
  });

  it("a pharmaceutical company that supplies hospitals is an enterprise", () => {
    const text =
      "公司工会围绕药品配送中心工作，保障全市二十余家医院的药品供应。我公司员工深入医院药房和临床科室，" +
      "了解医院需求；医药公司工会开展技能比武、安全生产月活动，组织员工健康体检，维护职工权益。";
    const c = classify("", text);
    expect(c.sector).toBe("enterprise");
    expect(classify("康泰医药公司工会工作总结", text).sector).toBe("enterprise");
  });

  it("a template copied between units is decided by its title, with lower confidence", () => {
    const text =
      "公司工会坚持以员工为本，推进厂务公开，车间班组开展劳动竞赛，生产经营任务圆满完成。" +
      "同时组织教职工学习，关心学生成长。";
    const school = classify("实验小学工会工作总结", text);
    expect(school.sector).toBe("school");
    expect(school.sectorConfidence).toBeLessThan(0.8);
    const clear = classify("实验小学工会工作总结", "我校工会组织教职工学习师德规范，召开教代会，推进校务公开，关心学生成长。");
    expect(clear.sectorConfidence).toBeGreaterThan(school.sectorConfidence);
    const untitled = classify("", `${text}我校教师积极参与。学校工会召开教代会。`);
    expect(untitled.sectorConfidence).toBeLessThan(0.8);
  });
});
