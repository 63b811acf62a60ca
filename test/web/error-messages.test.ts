// Issue 28: an error answer's `code` is said in the UI's language. Every code the server can put in
// an error body — found here by reading the server's and core's sources, not from the list — is in
// core/api/errorCodes.ts, and each has a message in 中文 and in English that uses the server's detail.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../core/api/errorCodes.ts";
import { ApiError } from "../../web/src/api/client.ts";
import { MESSAGES, translator } from "../../web/src/app/i18n.ts";
import { errorMessage } from "../../web/src/components/ErrorBox.tsx";
import { ROOT } from "../helpers/app.ts";

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => readFileSync(join(ROOT, dir, f), "utf8"));
}

/** The codes the server's sources write: body literals, HttpError subclasses, the codes passed to them. */
function codesInSources(): Set<string> {
  const found = new Set<string>();
  const patterns = [
    /(?<!addIssue\(\{ )\bcode: "([a-z_]+)"/g, // { error: { code: "…" } } written by hand — not a zod issue's code (ctx.addIssue({ code: "custom" … })), which reaches the client as invalid_parameter
    /\bsuper\(\d{3}, "([a-z_]+)"/g, // class … extends HttpError
    /new (?:NotReadyError|AnalyticsBusyError)\(\s*"([a-z_]+)"/g,
    /new BadRequestError\([^;\n]*?, (?:"[\w.]+"|\w+), "([a-z_]+)"[,)]/g, // its third argument
    /\bcode: ErrorCode = "([a-z_]+)"/g, // defaults
    /const code: ErrorCode = ([^;]+);/g, // server/middlewares/error.ts: body-parser's rejections, every branch
    /\[\d{3}, "[^"]*", "([a-z_]+)"/g, // server/start.ts: Node's HTTP parser's rejections
  ];
  for (const text of [...sources("server"), ...sources("core")])
    for (const re of patterns)
      for (const m of text.matchAll(re)) {
        if (m[1].includes('"')) for (const q of m[1].matchAll(/"([a-z_]+)"/g)) found.add(q[1]);
        else found.add(m[1]);
      }
  return found;
}

const CJK = /[\u4e00-\u9fff]/;
const CLIENT_CODES = ["network", "bad_response", "http_error"];

describe("error codes", () => {
  it("every code the server's sources produce is in core's list", () => {
    const found = codesInSources();
    // the search reads every kind of place a code is written
    for (const c of ["cql_syntax", "regex_too_slow", "invalid_parameter", "rate_limited", "starting", "analytics_queue_full", "request_too_large", "not_found", "bad_request", "invalid_json"]) expect(found, c).toContain(c);
    expect([...found].filter((c) => !(ERROR_CODES as readonly string[]).includes(c))).toEqual([]);
  });

  it.each([...ERROR_CODES, ...CLIENT_CODES])("%s has a Chinese and an English message", (code) => {
    const zh = (MESSAGES.zh as Record<string, string>)[`err_${code}`];
    const en = (MESSAGES.en as Record<string, string>)[`err_${code}`];
    expect(zh, "中文").toMatch(CJK);
    expect(en, "English").toMatch(/[a-z]/);
    expect(en).not.toMatch(CJK);
  });

  it("a CQL syntax error in 中文 names its column; simple mode's CQL reading is added", () => {
    const err = new ApiError(400, "cql_syntax", 'q: CQL error at column 9: expected "]"', "q", { detail: { column: 9, reason: 'expected "]"' } });
    const zh = errorMessage(err, translator("zh"));
    expect(zh).toMatch(/^CQL 语法错误：第 9 列，expected "\]"$/);
    expect(errorMessage(err, translator("en"))).toBe('CQL syntax error at column 9: expected "]"');
    const simple = new ApiError(400, "cql_syntax", "…", "q", { detail: { column: 3, reason: "x", cql: '"开展" []' } });
    expect(errorMessage(simple, translator("zh"))).toContain('按 CQL 读作："开展" []');
  });

  it("numbers of the detail are formatted; a code without a message falls back to the server's words", () => {
    expect(errorMessage(new ApiError(504, "analytics_timeout", "late", undefined, { detail: { limitMs: 30000 } }), translator("zh"))).toContain("30,000 毫秒");
    expect(errorMessage(new ApiError(418, "teapot_code", "I am a teapot"), translator("zh"))).toBe("出错了：I am a teapot");
  });
});
