// Synthetic corpus generator: `npm run corpus:synth -- --reports N --seed S --out DIR`.
//
// Writes pages that look like the scraped input (corpus/raw): built from the bundled corpus's own
// report pieces, read through the project's read → clean → split → classify, so every synthetic
// report is made of real paragraphs and headings. A report takes all its blocks (a top-level
// heading and the paragraphs under it) from source reports of ONE sector, so its vocabulary stays
// consistent. Around it: varied titles (years 2008–2024 and 20xx, doc types, levels), breadcrumbs,
// "以下是…小编精心为您推荐…" lines, 上一篇/下一篇, 相关推荐 tails with excerpts, ~10% compilation
// pages ("… 篇1 … 篇N"), ~5% near-duplicates of an earlier report, a few hard-wrapped pages.
// Report lengths are drawn from the seed corpus's report lengths. Deterministic for a seed.
//
// `--reports N` counts report pieces (a compilation page holds several), not files; the
// related-document excerpts in tails come on top (the indexer keeps them as kind "excerpt").
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { buildReports } from "../indexer/pipeline.ts";
import { listFiles, readFile } from "../indexer/read.ts";
import { isHeadingLine } from "../indexer/text-patterns.ts";
import type { Sector } from "../core/model.ts";

type MainSector = Exclude<Sector, "other">;
const SECTORS: MainSector[] = ["hospital", "school", "enterprise", "agency"];

/** mulberry32: a small, fast, seedable PRNG. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Block {
  /** first paragraph is a top-level heading when `headed` */
  paragraphs: string[];
  headed: boolean;
  chars: number;
}

interface SeedMaterial {
  /** per sector: opening paragraphs (text before a report's first heading) */
  intros: Record<MainSector, string[][]>;
  blocks: Record<MainSector, Block[]>;
  /** chars of every seed report piece (the empirical length distribution) */
  lengths: number[];
  /** related-document excerpts: title + body */
  excerpts: { title: string; body: string }[];
  seedBytes: number;
}

const TOP_HEADING = /^[一二三四五六七八九十]+、/;

export async function loadSeedMaterial(seedDir: string): Promise<SeedMaterial> {
  const listed = await listFiles([seedDir], seedDir);
  const inputs: { source: string; parentId: string; text: string }[] = [];
  let seedBytes = 0;
  for (const f of listed.files) {
    const r = await readFile(f, seedDir);
    if (!r.ok) continue;
    seedBytes += r.bytes;
    inputs.push({ source: r.source, parentId: createHash("sha256").update(r.text).digest("hex").slice(0, 16), text: r.text });
  }
  const { reports } = buildReports(inputs);
  const intros = { hospital: [], school: [], enterprise: [], agency: [] } as Record<MainSector, string[][]>;
  const blocks = { hospital: [], school: [], enterprise: [], agency: [] } as Record<MainSector, Block[]>;
  const lengths: number[] = [];
  const excerpts: { title: string; body: string }[] = [];
  for (const r of reports) {
    if (r.kind === "excerpt") {
      excerpts.push({ title: r.title, body: r.text.split("\n")[0] });
      continue;
    }
    lengths.push(r.chars);
    if (r.duplicateOf !== null || r.sector === "other") continue;
    const sector = r.sector;
    const ps = r.text.split("\n").filter(Boolean);
    const top = ps.some((p) => TOP_HEADING.test(p));
    const isCut = (p: string) => (top ? TOP_HEADING.test(p) : isHeadingLine(p));
    const first = ps.findIndex(isCut);
    if (first > 0) intros[sector].push(ps.slice(0, first));
    const rest = first < 0 ? ps : ps.slice(first);
    let cur: string[] = [];
    const flush = () => {
      if (cur.length) blocks[sector].push({ paragraphs: cur, headed: isCut(cur[0]), chars: cur.reduce((n, p) => n + p.length + 1, 0) });
      cur = [];
    };
    for (const p of rest) {
      // Unheaded reports are cut into blocks of ~3 paragraphs.
      if ((isCut(p) && cur.length) || (first < 0 && cur.length >= 3)) flush();
      cur.push(p);
    }
    flush();
  }
  for (const s of SECTORS) if (!blocks[s].length) throw new Error(`seed corpus has no ${s} report to build from`);
  return { intros, blocks, lengths, excerpts, seedBytes };
}

const CN = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"];
const PLACES = ["城关", "东城", "南山", "青山", "永安", "长宁", "和平", "新华", "清河", "临江", "白云", "红星", "XX", "xx"];
const UNITS: Record<MainSector, ((p: string) => string)[]> = {
  hospital: [(p) => `${p}县人民医院`, (p) => `${p}市第一人民医院`, (p) => `${p}区中医医院`, (p) => `${p}市妇幼保健院`, (p) => `${p}镇中心卫生院`, (p) => `${p}医院`],
  school: [(p) => `${p}县第一中学`, (p) => `${p}市实验小学`, (p) => `${p}区第二中学`, (p) => `${p}市职业技术学校`, (p) => `${p}街道中心幼儿园`, (p) => `${p}学校`],
  enterprise: [(p) => `${p}市供电公司`, (p) => `${p}集团有限公司`, (p) => `${p}县燃气公司`, (p) => `${p}区建筑工程公司`, (p) => `${p}水务公司`, (p) => `${p}公司`],
  agency: [(p) => `${p}县总工会`, (p) => `${p}市总工会`, (p) => `${p}区总工会`, (p) => `${p}街道总工会`, (p) => `${p}市财政局机关`, (p) => `${p}县教育局机关`],
};
const DOC_TYPES = ["工作总结", "工作总结", "工作计划", "工作报告", "讲话"] as const;
const CRUMBS = ["当前位置：首页 > 工作总结 > 工会工作总结", "当前位置:文档之家› 工作报告", "首页报告工作报告 内容页", "您的位置：首页 > 范文大全 > 工作计划"];

interface Generated {
  title: string;
  unit: string;
  paragraphs: string[];
}

export interface SynthOptions {
  reports: number;
  seed: number;
  out: string;
  seedDir?: string;
}

export interface SynthResult {
  files: number;
  reports: number;
  compilations: number;
  nearDuplicates: number;
  excerpts: number;
  bytes: number;
  seconds: number;
}

export async function synthesize(opts: SynthOptions): Promise<SynthResult> {
  const t0 = performance.now();
  const seedDir = resolve(opts.seedDir ?? resolve(import.meta.dirname, "..", "corpus", "raw"));
  const m = await loadSeedMaterial(seedDir);
  const rnd = mulberry32(opts.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const chance = (p: number) => rnd() < p;

  mkdirSync(opts.out, { recursive: true });
  for (const f of readdirSync(opts.out)) if (/^w\d+\.txt$/.test(f)) rmSync(join(opts.out, f));

  /** A few numbers and placeholders changed, so recombined paragraphs are not all identical. */
  const vary = (p: string, unit: string): string =>
    p
      .replace(/(?<![\d年])\d{2,4}(?=[人名个次项万元户%])/g, (d) => (chance(0.6) ? String(int(10 ** (d.length - 1), 10 ** d.length - 1)) : d))
      .replace(/x{2,3}(?=[县市区镇乡公医学])|X{2,3}(?=[县市区镇乡公医学])|\*\*(?=[县市区镇乡公医学])/g, () => (chance(0.5) ? pick(PLACES) : "xx"))
      .replace(/^(xx|XX|\*\*)?(?:我院|我校|我公司|我局)/, (s) => (chance(0.2) ? unit : s));

  const recent: Generated[] = [];
  const makeReport = (sector: MainSector): Generated => {
    const unit = pick(UNITS[sector])(pick(PLACES.slice(0, 12)));
    const r = rnd();
    const year = r < 0.06 ? "20xx年" : r < 0.14 ? "" : `${int(2008, 2024)}年`;
    const dt = pick(DOC_TYPES);
    const title =
      dt === "讲话"
        ? `在${year}${unit}工会会员代表大会上的讲话`
        : `${year}${unit}${chance(0.5) ? "工会" : "工会委员会"}${chance(0.15) ? (dt === "工作计划" ? "上半年" : "年度") : ""}${dt}`;
    const target = Math.max(400, Math.round(pick(m.lengths) * (0.85 + rnd() * 0.3)));
    const out: string[] = [];
    let chars = 0;
    const intros = m.intros[sector];
    if (intros.length && chance(0.85)) {
      for (const p of pick(intros)) {
        out.push(vary(p, unit));
        chars += p.length + 1;
      }
    }
    const blocks = m.blocks[sector];
    const used = new Set<number>();
    let n = 0;
    while (chars < target && used.size < blocks.length) {
      let k = Math.floor(rnd() * blocks.length);
      while (used.has(k)) k = (k + 1) % blocks.length;
      used.add(k);
      const b = blocks[k];
      // The last block may be cut short to land near the target length (but keeps ≥ 2 paragraphs).
      let take = b.paragraphs.length;
      if (chars + b.chars > target * 1.15) {
        let acc = 0;
        take = 0;
        while (take < b.paragraphs.length && chars + acc < target) acc += b.paragraphs[take++].length + 1;
        take = Math.min(b.paragraphs.length, Math.max(2, take));
      }
      b.paragraphs.slice(0, take).forEach((p, i) => {
        let text = i === 0 && b.headed && TOP_HEADING.test(p) ? p.replace(TOP_HEADING, `${CN[Math.min(n, CN.length - 1)]}、`) : p;
        text = vary(text, unit);
        out.push(text);
        chars += text.length + 1;
      });
      if (b.headed) n++;
    }
    if (chance(0.3)) out.push(unit.replace(/机关$/, "机关工会").replace(/(医院|学校|公司|中学|小学|幼儿园|卫生院)$/, "$1工会"), `${year ? year.replace("年", "") : "20xx"}年${int(1, 12)}月${int(1, 28)}日`);
    return { title, unit, paragraphs: out };
  };

  /** ~5%: an earlier report again, with a few small edits (a near-duplicate, Jaccard ≥ 0.9). */
  const nearDuplicate = (src: Generated): Generated => {
    const ps = [...src.paragraphs];
    for (let e = 0; e < 3; e++) {
      const i = int(0, ps.length - 1);
      const p = ps[i];
      if (p.length < 20) continue;
      const at = int(0, p.length - 4);
      ps[i] = chance(0.5) ? p.slice(0, at) + p.slice(at + int(1, 3)) : p.slice(0, at) + pick(["进一步", "切实", "认真", "积极"]) + p.slice(at);
    }
    return { title: chance(0.5) ? src.title : src.title.replace(/工会/, "工会委员会"), unit: src.unit, paragraphs: ps };
  };

  const nextReport = (stats: { nearDuplicates: number }): Generated => {
    if (recent.length > 5 && chance(0.05)) {
      stats.nearDuplicates++;
      return nearDuplicate(pick(recent));
    }
    const g = makeReport(pick(SECTORS));
    recent.push(g);
    if (recent.length > 200) recent.shift();
    return g;
  };

  /** Hard wraps: some scraped pages cut every line at a fixed width, mid-sentence. */
  const wrap = (p: string, width: number): string[] => {
    const lines: string[] = [];
    for (let i = 0; i < p.length; i += width) lines.push(p.slice(i, i + width));
    return lines;
  };
  const body = (g: Generated, wrapped: number): string[] => {
    const indent = chance(0.5) ? "  " : "";
    return g.paragraphs.flatMap((p) => (wrapped ? wrap(p, wrapped) : [p])).map((l) => indent + l);
  };
  const tail = (): string[] => {
    const lines: string[] = [];
    if (chance(0.3)) lines.push(`上一篇：${makeTitleOnly()} 下一篇：${makeTitleOnly()}`);
    if (chance(0.15) && m.excerpts.length) {
      lines.push(pick(["相关推荐", "相关文章", "猜你喜欢", "相关主题"]));
      for (let i = int(2, 5); i > 0; i--) {
        const e = pick(m.excerpts);
        lines.push(e.title, e.body.slice(0, int(80, Math.max(81, e.body.length))));
        excerpts++;
      }
    }
    if (chance(0.2)) lines.push("将本文的Word文档下载到电脑，方便收藏和打印", "推荐度：", "点击下载文档文档为doc格式");
    return lines;
  };
  const makeTitleOnly = () => `${int(2008, 2024)}年${pick(UNITS[pick(SECTORS)])(pick(PLACES.slice(0, 12)))}工会${pick(DOC_TYPES)}`;
  const promo = (title: string) =>
    pick([
      `工作总结是对一定时期内工作的回顾，以下是小编精心为您推荐的${title}，供大家参考。`,
      `最近发表了一篇名为《${title}》的范文，感觉很有用处，看完如果觉得有帮助请记得收藏。`,
      `以下是本站为您整理的${title}，欢迎阅读与收藏。`,
    ]);

  let excerpts = 0;
  const stats = { nearDuplicates: 0 };
  let produced = 0;
  let files = 0;
  let compilations = 0;
  let bytes = 0;
  const seen = new Set<string>();
  while (produced < opts.reports) {
    const lines: string[] = [];
    const wrapped = chance(0.05) ? int(36, 60) : 0;
    if (chance(0.4)) lines.push(pick(CRUMBS));
    if (chance(0.1) && opts.reports - produced >= 2) {
      // A compilation page: "2019年工会工作总结(精选K篇)" then "… 篇1" … "… 篇K".
      const k = Math.min(opts.reports - produced, int(3, 12));
      const y = chance(0.8) ? `${int(2008, 2024)}` : "20xx";
      const head = `${y}${pick(["年工会工作总结", "关于工会工作报告", "年基层工会工作计划", "年工会工作总结"])}`;
      lines.push(`${head}(${pick(["精选", "通用", "优秀", ""])}${k}篇)`);
      if (chance(0.7)) lines.push(promo(head));
      for (let i = 1; i <= k; i++) {
        const g = nextReport(stats);
        lines.push("", chance(0.7) ? `${head} 篇${i}` : (chance(0.5) ? `第${CN[Math.min(i - 1, CN.length - 1)]}篇：${g.title}` : `【第${CN[Math.min(i - 1, CN.length - 1)]}篇】：${g.title}`), "");
        lines.push(...body(g, wrapped));
      }
      produced += k;
      compilations++;
    } else {
      const g = nextReport(stats);
      lines.push(g.title);
      if (chance(0.4)) lines.push(g.title);
      if (chance(0.35)) lines.push(promo(g.title));
      lines.push("", ...body(g, wrapped));
      produced++;
    }
    lines.push("", ...tail());
    let text = lines.join(chance(0.5) ? "\n" : "\n\n") + "\n";
    // Identical bytes would be the same page twice (same ids): make every file unique.
    let h = createHash("sha1").update(text).digest("hex");
    while (seen.has(h)) {
      text += `${int(10000, 99999)}\n`;
      h = createHash("sha1").update(text).digest("hex");
    }
    seen.add(h);
    files++;
    const buf = Buffer.from(text, "utf8");
    bytes += buf.length;
    writeFileSync(join(opts.out, `w${String(files).padStart(6, "0")}.txt`), buf);
  }
  return { files, reports: produced, compilations, nearDuplicates: stats.nearDuplicates, excerpts, bytes, seconds: (performance.now() - t0) / 1000 };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      reports: { type: "string", default: "1000" },
      seed: { type: "string", default: "1" },
      out: { type: "string" },
      "seed-dir": { type: "string" },
    },
  });
  if (!values.out) {
    console.error("usage: npm run corpus:synth -- --reports N --seed S --out DIR [--seed-dir corpus/raw]");
    process.exit(2);
  }
  const reports = Number(values.reports);
  const seed = Number(values.seed);
  if (!Number.isInteger(reports) || reports < 1) throw new Error("--reports must be a positive integer");
  if (!Number.isInteger(seed)) throw new Error("--seed must be an integer");
  const r = await synthesize({ reports, seed, out: resolve(values.out), seedDir: values["seed-dir"] });
  console.log(
    `wrote ${r.reports} reports in ${r.files} files (${r.compilations} compilations, ${r.nearDuplicates} near-duplicates, ${r.excerpts} tail excerpts), ` +
      `${(r.bytes / 1048576).toFixed(1)} MB to ${resolve(values.out)} in ${r.seconds.toFixed(1)} s`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
