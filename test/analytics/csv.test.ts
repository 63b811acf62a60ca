import { describe, expect, it } from "vitest";
import { toCsv } from "../../server/analytics/csv.ts";

describe("toCsv", () => {
  it("writes a BOM, CRLF lines and RFC 4180 quoting", () => {
    const csv = toCsv(
      [
        { term: "送温暖", count: 6, note: "a,b" },
        { term: '说"好"', count: 0, note: "一行\n两行" },
        { term: null, count: undefined, note: { x: 1 } },
      ],
      [
        { key: "term", header: "词" },
        { key: "count", header: "次数" },
        { key: "note", header: "备注" },
      ],
    );
    expect(csv).toBe('\uFEFF词,次数,备注\r\n送温暖,6,"a,b"\r\n"说""好""",0,"一行\n两行"\r\n,,"{""x"":1}"\r\n');
  });
});
