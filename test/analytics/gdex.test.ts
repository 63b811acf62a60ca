// GDEX for work-report sentences (server/analytics/shared/gdex.ts), on sentences taken from
// corpus/raw as they stand there.
import { describe, expect, it } from "vitest";
import { bestExample, gdex } from "../../server/analytics/shared/gdex.ts";

const CLEAN = [
  "送温暖工程是公司联系员工的有效途径，也是增强公司凝聚力、向心力的重要措施，必须坚持做好。",
  "我们始终坚持和完善以职代会为基本形式的民主管理制度。",
  "每年征求议案,并在职代会上给予答复。",
];

describe("gdex", () => {
  it("gives a complete, self-contained sentence full marks and no reasons", () => {
    for (const s of CLEAN) expect(gdex(s), s).toEqual({ score: 1, reasons: [] });
  });

  it("marks headings and list stubs, and ranks them below any clean sentence", () => {
    const cases: [string, string][] = [
      ["  (三)开展送温暖活动。", "list-stub"],
      ["三是广泛开展劳动竞赛。", "list-stub"],
      ["1、送温暖工程一如既往。", "list-stub"],
      ["四是深入实施送温暖工程。", "list-stub"],
      ["  四、关心职工生活，推进送温暖工作", "no-end"],
      ["  五、深入实施“扶贫帮困送温暖活动”", "no-end"],
      ["二、加强工会组织建设：", "heading"],
    ];
    for (const [s, reason] of cases) {
      const g = gdex(s);
      expect(g.reasons, s).toContain(reason);
      expect(g.score, s).toBeLessThan(0.5);
    }
    // a list item with its content is a usable sentence, only slightly marked
    const item = gdex("二是以劳动竞赛为载体,调动职工积极性。");
    expect(item.reasons).toEqual(["list-marker"]);
    expect(item.score).toBeGreaterThan(0.8);
  });

  it("takes points for numerals, dates, placeholders, unit names and openers that point back", () => {
    const cases: [string, string][] = [
      ["今年共举办井口送温暖活动共8次,参加985人次,切实将矿党政的关怀送到职工的心坎上。", "numerals"],
      ["于2017年4月29日、30日慰问了来守俭、李文林等六名全国和省部级特困及一线劳模。", "date"],
      ["自xx年以来,在院党委的领导下开展了多种多样的慈善捐助活动和“送温暖”活动。", "placeholder"],
      ["职代会期间,对全处近两年女职工中涌现出的 名先进职工、 名文明职工进行了表彰。", "placeholder"],
      ["今年我们把规模较大,企业主民主意识较强的蚌埠新材料有限公司作为试点单位。", "unit-name"],
      ["同时还设立了“公开栏”、“意见箱”,此举收到了很好的效果。", "opener"],
      ["该院工会着力构建帮困救助体系,做好对职工的送温暖工作。", "opener"],
    ];
    for (const [s, reason] of cases) {
      const g = gdex(s);
      expect(g.reasons, s).toContain(reason);
      expect(g.score, s).toBeLessThan(1);
      expect(g.score, s).toBeGreaterThan(0.3);
    }
  });

  it("keeps to a length window, and lets typical collocates decide near ties", () => {
    expect(gdex("坚持职代会制度。").reasons).toEqual(["short"]);
    expect(gdex(CLEAN[0].repeat(3)).reasons).toContain("long");
    expect(gdex(CLEAN[1], { min: 30 }).reasons).toEqual(["short"]);
    const collocates = ["召开", "审议", "提案"];
    const a = gdex("每年召开职代会，审议公司年度工作计划和职工薪酬分配办法。", { collocates });
    const b = gdex("我们始终坚持和完善以职代会为基本形式的民主管理制度。", { collocates });
    expect(a.reasons).toEqual(["collocates"]);
    expect(a.score).toBeGreaterThan(b.score);
    // the bonus never lifts a stub over a clean sentence
    expect(gdex("一是召开职代会审议提案。", { collocates }).score).toBeLessThan(b.score);
    for (const s of [...CLEAN, "三是广泛开展劳动竞赛。", ""]) {
      const { score } = gdex(s, { collocates });
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });

  it("bestExample picks the highest-scored item, the first among ties", () => {
    const items = ["三是广泛开展劳动竞赛。", CLEAN[1], CLEAN[2], "四、关心职工生活"];
    expect(bestExample(items, (s) => s)).toBe(CLEAN[1]);
    expect(bestExample(["三是广泛开展劳动竞赛。"], (s) => s)).toBe("三是广泛开展劳动竞赛。");
  });
});
