import { describe, expect, it } from "vitest";
import { CqlSyntaxError, parseCql } from "../../core/cql/parse.ts";
import { simpleToCql, asCql } from "../../core/cql/simple.ts";

const errorAt = (q: string): [number, string] => {
  try {
    parseCql(q);
  } catch (e) {
    if (e instanceof CqlSyntaxError) return [e.column, e.detail];
    throw e;
  }
  throw new Error(`${q} parsed`);
};

describe("parseCql", () => {
  it("reads the subset researchers type", () => {
    expect(parseCql('"开展" [] "活动"').items.map((i) => [i.test.kind, i.min, i.max])).toEqual([
      ["attr", 1, 1],
      ["any", 1, 1],
      ["attr", 1, 1],
    ]);
    expect(parseCql('"以" []{1,6} "为抓手"').items[1]).toMatchObject({ min: 1, max: 6 });
    expect(parseCql("[]{0,3} [word='x']").items[0]).toMatchObject({ min: 0, max: 3 });
    expect(parseCql('[tag="v"] "职工"').items[0].test).toMatchObject({ kind: "attr", attr: "tag", value: "v" });
    expect(parseCql('[word="送温暖" | word="扶贫帮困"]').items[0].test).toMatchObject({ kind: "or", parts: [{ value: "送温暖" }, { value: "扶贫帮困" }] });
    expect(parseCql('[word!="的" & !tag="x"]').items[0].test).toMatchObject({ kind: "and", parts: [{ negated: true }, { kind: "not" }] });
    expect(parseCql("“开展” []").items).toHaveLength(2);
    expect(parseCql('"a" within text').within).toBe("text");
    expect(parseCql('"a"').within).toBe("s");
    expect(parseCql('"a\\"b"').items[0].test).toMatchObject({ value: 'a"b' });
  });

  it("points at the column of an error", () => {
    expect(errorAt('"a" [wrd="x"]')).toEqual([6, expect.stringContaining("word or tag")]);
    expect(errorAt('"a" []{3,1}')).toEqual([7, expect.stringContaining("upper bound")]);
    expect(errorAt('"a" [word="x"')[0]).toBe(14);
    expect(errorAt('"开展" [] "活动')[0]).toBe(12);
    expect(errorAt('"a" []{0,99}')[0]).toBe(7);
    expect(errorAt('"a" within x')).toEqual([12, expect.stringContaining("s or text")]);
    expect(errorAt("[]?")).toEqual([1, expect.stringContaining("optional")]);
  });
});

describe("simple mode", () => {
  it("translates what users type", () => {
    expect(simpleToCql("开展*活动")).toBe('"开展" [] "活动"');
    expect(simpleToCql("以…为抓手")).toBe('"以" []{0,8} "为抓手"');
    expect(simpleToCql("以……为抓手")).toBe('"以" []{0,8} "为抓手"');
    expect(simpleToCql("开展 活动")).toBe('"开展" "活动"');
    expect(asCql('[tag="v"] "职工"')).toBe('[tag="v"] "职工"');
  });
});
