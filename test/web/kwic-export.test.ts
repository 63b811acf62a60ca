// Issue 28: "export selected lines" (web) writes the columns of the full concordance export
// (GET /api/export/kwic, the endpoint table's CSV), in its order, and each cell as it writes it.
import { describe, expect, it } from "vitest";
import { API } from "../../core/api/endpoints.ts";
import type { KwicResponse } from "../../core/api/schema.ts";
import { toCsv } from "../../server/analytics/csv.ts";
import { kwicLinesCsv } from "../../web/src/lib/kwicExport.ts";
import { parseCsv } from "../helpers/csv.ts";

type Line = KwicResponse["lines"][number];

const lines: Line[] = [
  { reportId: "a1b2c3d4e5f60718", title: "某医院工会2023年工作总结（篇3）", sector: "hospital", year: 2023, docType: "summary", left: "=SUM(A1) 积极开展", match: "送温暖", right: "活动，走访慰问\"困难职工\"", offset: 1234, context: { L1: [5, 9], R1: [0, 2] } },
  { reportId: "0f0e0d0c0b0a0908", title: "学校工会工作计划", sector: "school", year: null, docType: "plan", left: "", match: "职代会", right: "-召开", offset: 0 },
];

describe("KWIC CSV: selected lines = full export", () => {
  it("the same header, the same columns in the same order, and the same rows", () => {
    const kwic = API.kwic.csv!;
    const server = toCsv(kwic.rows({ lines } as KwicResponse), [...kwic.columns]);
    const web = kwicLinesCsv(lines);
    const [sh, ...srows] = parseCsv(server.slice(1));
    const [wh, ...wrows] = parseCsv(web.slice(1));
    expect(wh).toEqual(sh);
    expect(wh).toEqual(["reportId", "title", "sector", "year", "docType", "left", "match", "right", "offset"]);
    expect(wrows).toEqual(srows);
    expect(web).toBe(server);
    // a cell a spreadsheet would run is neutralised on both sides; a missing year is empty
    expect(wrows[0][wh.indexOf("left")]).toBe("'=SUM(A1) 积极开展");
    expect(wrows[1][wh.indexOf("year")]).toBe("");
  });
});
