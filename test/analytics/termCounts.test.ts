// Issue 24: frequency, keyness and formulas sum the per-report word counts the corpus image keeps
// (counts.*, server/analytics/shared/termMatrix.ts) instead of walking tokens. Checked against a
// recount of the store's token lists, never the product's counting code. Its own app: the last
// test adds a report and corrects one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../core/model.ts";
import { readStore } from "../../core/store.ts";
import { loadImage } from "../../core/image/reader.ts";
import { fold } from "../../core/fold.ts";
import { attachCorpus, imagePath } from "../../server/corpus/image.ts";
import { countTerms } from "../../server/analytics/shared/countTerms.ts";
import { getJson, SEED_CORPUS, startApp, type TestApp } from "../helpers/app.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startApp({ corpus: SEED_CORPUS });
}, 120_000);
afterAll(() => app?.stop());

const isWordToken = (t: string) => /[\p{L}\p{N}]/u.test(t);
const store = () => {
  const { entries } = readStore(app.dataDir);
  return { reports: entries.map((e) => e.report), tokens: new Map(entries.map((e) => [e.report.id, e.tokens])) };
};
/** term → [occurrences, reports] over the given reports, from the store's tokens (folded, as the vocabulary is: core/fold.ts) */
const recount = (rs: readonly Report[], toks: Map<string, string[]>) => {
  const out = new Map<string, [number, number]>();
  for (const r of rs) {
    const seen = new Set<string>();
    for (const t of toks.get(r.id)!.map(fold)) {
      const e = out.get(t) ?? [0, 0];
      e[0]++;
      if (!seen.has(t)) e[1]++;
      seen.add(t);
      out.set(t, e);
    }
  }
  return out;
};

describe("word counts kept in the corpus image", () => {
  it("on random selections, the image's counts equal a token walk of the store", () => {
    const { reports, tokens } = store();
    const image = loadImage(imagePath(app.dataDir));
    expect(image.header.sections.map((s) => s.name)).toEqual(expect.arrayContaining(["counts.offsets", "counts.ids", "counts.n", "counts.total", "counts.df"]));
    const { corpus } = attachCorpus(image, []);
    let seed = 24;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const n = corpus.docs.length;
    // none, few, around half, most and all of the corpus (above half: total minus complement), and a repeated doc
    const sizes = [0, 1, 3, Math.floor(n / 2), Math.floor(n / 2) + 1, n - 5, n - 1, n];
    for (let trial = 0; trial < 40; trial++) {
      const size = trial < sizes.length ? sizes[trial] : Math.floor(rand() * (n + 1));
      const pool = corpus.docs.map((_, i) => i);
      for (let i = pool.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [pool[i], pool[j]] = [pool[j], pool[i]];
      }
      const picked = pool.slice(0, size).map((i) => corpus.docs[i]);
      if (trial === 39 && picked.length > 0) picked.push(picked[0]); // a doc twice counts twice, as the token walk did
      const got = countTerms(corpus, picked);
      const reps = picked.map((d) => reports.find((r) => r.id === d.report.id)!);
      const want = recount(reps, tokens);
      let nonzero = 0;
      got.counts.forEach((c) => (nonzero += c > 0 ? 1 : 0));
      expect(nonzero, `trial ${trial}, ${size} docs`).toBe(want.size);
      for (const [term, [c, df]] of want) {
        const id = corpus.termIds.get(term)!;
        expect([got.counts[id], got.docFreq[id]], `${term} in trial ${trial}`).toEqual([c, df]);
      }
      expect(got.words).toBe(reps.reduce((x, r) => x + tokens.get(r.id)!.filter(isWordToken).length, 0));
      expect(got.chars).toBe(reps.reduce((x, r) => x + r.text.length, 0));
    }
  });

  it("an added report and a sector correction change a sector's frequency list accordingly", async () => {
    const send = async (method: string, path: string, body: unknown) => {
      const res = await fetch(app.url + path, { method, headers: { "Content-Type": body instanceof Uint8Array ? "application/octet-stream" : "application/json" }, body: body instanceof Uint8Array ? Buffer.from(body) : JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as { id: string; upload: string } };
    };
    const text = ["星港计数机械厂工会2023年工作总结", "一年来，工会组织职工开展读书分享会十二场，建成职工书屋两处，开展夏季送清凉活动。", "二、完善会员实名制管理，新发展会员四十六人。"].join("\n");
    const staged = await send("PUT", `/api/uploads/${encodeURIComponent("星港计数机械厂.txt")}`, new Uint8Array(Buffer.from(text)));
    expect(staged.status).toBe(201);
    const job = await send("POST", "/api/jobs", { add: [staged.body.upload] });
    let state = "running";
    for (let i = 0; i < 600 && state === "running"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = (await getJson<{ state: string }>(app.url, `/api/jobs/${job.body.id}`)).body.state;
    }
    expect(state).toBe("done");
    const { reports, tokens } = store();
    const added = reports.find((r) => r.source.endsWith("星港计数机械厂.txt") && r.kind === "report")!;
    expect(added).toBeDefined();
    const target = added.sector === "agency" ? "school" : "agency";
    const canon = reports.filter((r) => r.kind === "report" && r.duplicateOf === null);
    expect(canon).toContain(added);

    const check = async (sector: string, sectorOf: (r: Report) => string) => {
      const words = [...recount(canon.filter((r) => sectorOf(r) === sector), tokens)].filter(([t]) => isWordToken(t));
      expect(words.length).toBeLessThan(5000);
      const { status, body } = await getJson<{ totalTokens: number; rows: { term: string; count: number; docs: number }[] }>(app.url, `/api/frequency?sector=${sector}&stopwords=false&limit=5000`);
      expect(status).toBe(200);
      expect(body.totalTokens).toBe(words.reduce((x, [, [c]]) => x + c, 0));
      expect(new Map(body.rows.map((r) => [r.term, [r.count, r.docs]]))).toEqual(new Map(words));
      return new Map(body.rows.map((r) => [r.term, r.count]));
    };
    const before = await check(target, (r) => r.sector);
    await check(added.sector, (r) => r.sector);
    expect((await send("PUT", `/api/reports/${added.id}/metadata`, { sector: target })).status).toBe(200);
    const moved = (r: Report) => (r.id === added.id ? target : r.sector);
    const after = await check(target, moved);
    await check(added.sector, moved);
    // the added report's words moved into the target sector's list, each by its count in the report
    const own = [...recount([added], tokens)].filter(([t]) => isWordToken(t));
    expect(own.length).toBeGreaterThan(10);
    for (const [t, [c]] of own) expect((after.get(t) ?? 0) - (before.get(t) ?? 0), t).toBe(c);
  }, 120_000);
});
