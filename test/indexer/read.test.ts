import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { clean } from "../../indexer/clean.ts";
import { decode, listFiles, readFile } from "../../indexer/read.ts";
import { docx, pdf } from "./helpers/files.ts";

const report = "县总工会2022年工作总结\n一年来，全县各级工会紧紧围绕中心工作，组织开展送温暖和金秋助学活动，职工满意度不断提高。";
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const dir = mkdtempSync(join(tmpdir(), "wenyuan-read-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("decode", () => {
  it("reads UTF-8, with or without BOM", () => {
    expect(decode(utf8(report))).toEqual({ ok: true, text: report, encoding: "utf-8" });
    expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(report)]))).toEqual({ ok: true, text: report, encoding: "utf-8 (BOM)" });
  });

  it("reads GBK and GB18030", () => {
    expect(decode(iconv.encode(report, "gbk"))).toEqual({ ok: true, text: report, encoding: "gb18030" });
    const rare = `${report}𠀀㐀䶵`; // characters only GB18030 (not GBK) can encode
    expect(decode(iconv.encode(rare, "gb18030"))).toEqual({ ok: true, text: rare, encoding: "gb18030" });
  });

  it("reads UTF-16 LE and BE with BOM", () => {
    expect(decode(new Uint8Array([0xff, 0xfe, ...iconv.encode(report, "utf-16le")]))).toMatchObject({ ok: true, text: report, encoding: "utf-16le" });
    expect(decode(new Uint8Array([0xfe, 0xff, ...iconv.encode(report, "utf-16be")]))).toMatchObject({ ok: true, text: report, encoding: "utf-16be" });
  });

  it("rejects empty and whitespace-only files", () => {
    expect(decode(new Uint8Array())).toEqual({ ok: false, reason: "empty file" });
    expect(decode(utf8(" \n\t\u3000\r\n"))).toEqual({ ok: false, reason: "empty file" });
  });

  it("rejects binary files with a clear reason", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(decode(png)).toEqual({ ok: false, reason: "binary file (PNG image)" });
    expect(decode(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]))).toEqual({ ok: false, reason: "binary file (PDF document)" });
    expect(decode(new Uint8Array([...utf8("工会"), 0, 1, 2, ...utf8("工作")]))).toMatchObject({ ok: false, reason: "binary file (contains NUL bytes)" });
  });

  it("accepts a UTF-8 report with a few invalid bytes instead of decoding it as GB18030 garbage", () => {
    const text = report.repeat(20);
    const scarred = new Uint8Array([...utf8(text.slice(0, 300)), 0xff, 0xfe, ...utf8(text.slice(300))]);
    const result = decode(scarred);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.encoding).toMatch(/^utf-8 \(\d+ invalid byte sequences? replaced\)$/);
    expect(result.text).toContain("金秋助学");
    const paragraphs = clean(result.text);
    expect(paragraphs.every((p) => !p.truncated && !p.text.includes("\ufffd"))).toBe(true);
  });

  it("rejects bytes that are neither UTF-8, GB18030 nor UTF-16", () => {
    const junk = new Uint8Array(Array.from({ length: 400 }, (_, i) => (i % 2 ? 0x81 : 0x20)));
    const result = decode(junk);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^not valid UTF-8, GB18030 or UTF-16: \d+ undecodable bytes$/);
  });
});

describe("readFile", () => {
  it("reads text files with their path relative to the root, and the sha256 of their bytes", async () => {
    mkdirSync(join(dir, "a"), { recursive: true });
    const bytes = iconv.encode(report, "gbk");
    writeFileSync(join(dir, "a", "r.txt"), bytes);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    expect(await readFile(join(dir, "a", "r.txt"), dir)).toEqual({ ok: true, source: "a/r.txt", text: report, format: "txt", encoding: "gb18030", bytes: bytes.length, sha256 });
  });

  it("extracts the text of an HTML page without scripts and styles", async () => {
    const html =
      "<html><head><title>工会工作总结</title><style>p{color:red}</style></head><body>" +
      "<script>var x = '广告';</script><noscript>请启用脚本</noscript>" +
      "<h1>镇工会工作总结</h1><p>一年来，镇工会&nbsp;坚持&ldquo;送温暖&rdquo;活动&amp;金秋助学。</p><div>二、加强<b>民主</b>管理</div></body></html>";
    writeFileSync(join(dir, "p.html"), html);
    const result = await readFile(join(dir, "p.html"), dir);
    expect(result).toMatchObject({ ok: true, format: "html" });
    if (!result.ok) return;
    expect(result.text).not.toMatch(/广告|color|请启用脚本/);
    expect(result.text.split("\n")).toEqual(["镇工会工作总结", "一年来，镇工会 坚持“送温暖”活动&金秋助学。", "二、加强民主管理"]);
  });

  it("reads .docx", async () => {
    writeFileSync(join(dir, "r.docx"), docx(["县总工会2022年工作总结", "一年来，全县工会组织开展送温暖活动。"]));
    const result = await readFile(join(dir, "r.docx"), dir);
    expect(result).toMatchObject({ ok: true, format: "docx" });
    if (result.ok) expect(clean(result.text).map((p) => p.text)).toEqual(["县总工会2022年工作总结", "一年来，全县工会组织开展送温暖活动。"]);
  });

  it("reads the Chinese text layer of a .pdf", async () => {
    writeFileSync(join(dir, "r.pdf"), pdf(["镇工会工作计划", "一、加强职代会建设"]));
    const result = await readFile(join(dir, "r.pdf"), dir);
    expect(result).toMatchObject({ ok: true, format: "pdf" });
    if (result.ok) expect(result.text).toContain("一、加强职代会建设");
  });

  it("turns every failure into a reason instead of throwing", async () => {
    writeFileSync(join(dir, "bad.docx"), "this is not a zip");
    expect(await readFile(join(dir, "bad.docx"), dir)).toMatchObject({ ok: false, source: "bad.docx", reason: expect.stringMatching(/^unreadable \.docx/) });
    expect(await readFile(join(dir, "gone.txt"), dir)).toMatchObject({ ok: false, reason: expect.stringMatching(/not found/) });
    expect(await readFile(join(dir, "x.xyz"), dir)).toEqual({ ok: false, source: "x.xyz", reason: "unsupported format .xyz" });
    writeFileSync(join(dir, "img.txt"), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(await readFile(join(dir, "img.txt"), dir)).toMatchObject({ ok: false, reason: "binary file (PNG image)" });
    if (process.getuid?.() !== 0) {
      writeFileSync(join(dir, "secret.txt"), report);
      chmodSync(join(dir, "secret.txt"), 0o000);
      expect(await readFile(join(dir, "secret.txt"), dir)).toMatchObject({ ok: false, reason: "permission denied" });
      chmodSync(join(dir, "secret.txt"), 0o644);
    }
  });

  it("reads a 20 MB single line, and clean handles it in reasonable time", async () => {
    const unit = "一是坚持职工代表大会制度,认真落实职代会各项职权(含提案),2023年增长12.5%;";
    const line = unit.repeat(Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(unit)));
    writeFileSync(join(dir, "big.txt"), line);
    const result = await readFile(join(dir, "big.txt"), dir);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const started = Date.now();
    const paragraphs = clean(result.text);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(paragraphs).toHaveLength(1);
    expect(paragraphs[0].text.startsWith("一是坚持职工代表大会制度，认真落实职代会各项职权（含提案），2023年增长12.5%；")).toBe(true);
  });
});

describe("listFiles", () => {
  it("walks folders sorted, skips hidden entries, reports unsupported, missing and looping paths", async () => {
    const root = join(dir, "tree");
    mkdirSync(join(root, "b", "c"), { recursive: true });
    mkdirSync(join(root, ".git"), { recursive: true });
    writeFileSync(join(root, "b", "2.txt"), report);
    writeFileSync(join(root, "b", "c", "1.html"), "<p>工会</p>");
    writeFileSync(join(root, "a.md"), report);
    writeFileSync(join(root, ".hidden.txt"), report);
    writeFileSync(join(root, ".git", "x.txt"), report);
    writeFileSync(join(root, "img.png"), "x");
    symlinkSync(join(root, "a.md"), join(root, "link.txt"));
    symlinkSync(root, join(root, "b", "loop"));
    const { files, skipped } = await listFiles(["tree", "nowhere"], dir);
    expect(files.map((f) => f.slice(root.length + 1))).toEqual(["a.md", "b/2.txt", "b/c/1.html", "link.txt"]);
    expect(skipped).toEqual(
      expect.arrayContaining([
        { source: "tree/img.png", reason: "unsupported format .png" },
        { source: "tree/b/loop", reason: "symlink loop" },
        { source: "nowhere", reason: "not found" },
      ]),
    );
    expect(skipped).toHaveLength(3);
  });
});
