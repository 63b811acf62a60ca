// Meilisearch indexes at most 65,535 positions per attribute and drops the rest
// silently. A report far longer than that must stay searchable to its last word.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chunkTokens, POSITION_BUDGET } from "../../core/documents.ts";
import { getJson, startApp, type TestApp } from "../helpers/app.ts";

let app: TestApp;
let corpus: string;

beforeAll(async () => {
  corpus = mkdtempSync(join(tmpdir(), "wenyuan-test-long-"));
  // ~10,000 sentences ≈ 90,000 positions (8 per 。) — then a word that appears nowhere else.
  const body = Array.from({ length: 10_000 }, (_, i) => `第${i}次会议组织职工学习。`).join("");
  writeFileSync(join(corpus, "long.txt"), `某公司工会超长工作报告\n\n${body}\n\n最后一段提到鲲鹏计划。\n`);
  writeFileSync(join(corpus, "short.txt"), "某学校工会工作总结\n\n学校工会组织教职工学习。\n");
  app = await startApp({ corpus });
});
afterAll(async () => {
  await app?.stop();
  rmSync(corpus, { recursive: true, force: true });
});

describe("reports longer than Meilisearch's position limit", () => {
  it("are cut into several fields, none over the budget", () => {
    const tokens = Array.from({ length: 50_000 }, () => ["学习", "。"]).flat();
    const chunks = chunkTokens(tokens);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      const cost = c.split(" ").reduce((n, t) => n + (t === "。" ? 8 : 1), 0);
      expect(cost).toBeLessThanOrEqual(POSITION_BUDGET);
    }
    expect(chunks.join(" ").split(" ")).toHaveLength(tokens.length);
  });

  it("stay searchable to their last word", async () => {
    const { status, body } = await getJson<{ total: number; hits: { title: string; snippet: { text: string } }[] }>(app.url, `/api/search?q=${encodeURIComponent("鲲鹏")}`);
    expect(status).toBe(200);
    expect(body.total).toBe(1);
    expect(body.hits[0].snippet.text).toContain("鲲鹏");
    const passage = await getJson<{ total: number }>(app.url, `/api/search?mode=passage&q=${encodeURIComponent("鲲鹏")}`);
    expect(passage.body.total).toBe(1);
  });
});
