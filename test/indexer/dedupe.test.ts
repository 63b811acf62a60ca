import { describe, expect, it } from "vitest";
import { dedupe, jaccard, shingleSet } from "../../indexer/dedupe.ts";

const base =
  "一年来，院工会在院党委的领导下，围绕医院中心工作，切实履行工会四项社会职能，充分发挥工会组织的桥梁纽带作用。" +
  "组织开展了慈善一日捐活动，捐款金额达一万余元；组织职工参加县总工会演讲比赛并荣获第二名；" +
  "召开第七届二次职工代表大会，审议工会工作报告和财务工作报告；定期开展满意度调查，院务公开工作成绩显著。";
const other =
  "本学期，学校工会紧紧围绕市级调研工作，针对办公室卫生、工会小组长职能未充分发挥等问题开展工作。" +
  "开展第二季教工微摄影文化活动，创设校园文化墙，营造校园文化氛围，在教工之家创设园情民意倾听箱。";

describe("dedupe", () => {
  it("groups exact and near-duplicate reports, canonical = the most complete copy", () => {
    const edited = base.replace("一万余元", "11805元").replace("第二名", "第2名");
    const longer = `尊敬的各位领导、同志们：${base}`;
    const links = dedupe([
      { id: "a", kind: "report", text: base },
      { id: "b", kind: "report", text: other },
      { id: "c", kind: "report", text: longer },
      { id: "d", kind: "report", text: base },
      { id: "e", kind: "report", text: edited },
    ], 0.8);
    expect(links.duplicateOf.get("a")).toBe("c");
    expect(links.duplicateOf.get("d")).toBe("c");
    expect(links.duplicateOf.get("e")).toBe("c");
    expect(links.duplicateOf.has("b")).toBe(false);
    expect(links.duplicates.get("c")).toEqual(["a", "d", "e"]);
    const sims = links.similarity.get("c")!;
    expect(sims).toHaveLength(3);
    // similarity is measured against the canonical copy; a member joined through another copy
    // (e ≈ a ≈ c) can be a little below the threshold.
    expect(sims[1]).toBeGreaterThanOrEqual(0.8);
    for (const s of sims) expect(s).toBeGreaterThan(0.7);
  });

  it("never links a report with an excerpt", () => {
    const links = dedupe([
      { id: "r", kind: "report", text: base },
      { id: "x", kind: "excerpt", text: base },
    ]);
    expect(links.duplicateOf.size).toBe(0);
  });

  it("respects the threshold", () => {
    const half = base.slice(0, base.length / 2) + other.slice(0, other.length / 2);
    const links = dedupe([
      { id: "a", kind: "report", text: base },
      { id: "b", kind: "report", text: half },
    ]);
    expect(links.duplicateOf.size).toBe(0);
  });

  it("ignores spacing and punctuation differences", () => {
    expect(jaccard(shingleSet("职工代表大会，顺利召开。"), shingleSet("职工代表大会 顺利召开"))).toBe(1);
  });

  it("stays fast on many texts (no all-pairs comparison)", () => {
    const pieces = Array.from({ length: 3000 }, (_, i) => ({
      id: String(i),
      kind: "report",
      text: `第${i}号单位${String(i * 7919).repeat(3)}工会${(i * 104729).toString(36)}工作报告${(i * 31337).toString(36)}`.repeat(4),
    }));
    const t = Date.now();
    dedupe(pieces);
    expect(Date.now() - t).toBeLessThan(5000);
  });
});
