// `classify`: sector, year, document type, administrative level and period, inferred from the text.
//
// Sector is a weighted vote. The title speaks first (a report titled "…医院工会…" is a hospital's
// whatever its template says); the text votes with self-references ("我校", "院工会", "我公司",
// "我局") weighing more than shared vocabulary. Three traps are handled explicitly:
// - "我院" is a court or procuratorate when 法院/审判/法官/检察/干警 appear: then 院-words vote agency;
// - a university hospital speaks of 教职工/教代会/校务公开: when hospital evidence outweighs the
//   unambiguous school words, those shared school words are discounted;
// - a pharmaceutical company (医药公司/药业/制药) talks about the hospitals it supplies: hospital
//   words are discounted and the company words decide.
// `other` is returned when the evidence is weak or split; the confidence says how sure we are.
import type { Classification, DocType, Level, Sector } from "../core/model.ts";

type Vote = [term: string, sector: Exclude<Sector, "other">, weight: number];

const VOTES: Vote[] = [
  // hospital
  ["医院", "hospital", 3], ["卫生院", "hospital", 3], ["院务公开", "hospital", 4], ["患者", "hospital", 3],
  ["病人", "hospital", 2], ["医护", "hospital", 3], ["医务", "hospital", 3], ["医疗", "hospital", 1.5],
  ["护士", "hospital", 2], ["护理", "hospital", 2], ["临床", "hospital", 3], ["门诊", "hospital", 3],
  ["医德医风", "hospital", 3], ["医生", "hospital", 2], ["就医", "hospital", 2], ["诊疗", "hospital", 2],
  ["院工会", "hospital", 3], ["我院", "hospital", 2], ["全院", "hospital", 1.5], ["本院", "hospital", 1.5],
  // school — the first group is shared with university hospitals (see AMBIGUOUS_SCHOOL)
  ["教职工", "school", 1.5], ["教代会", "school", 2], ["教职工代表大会", "school", 1], ["校务公开", "school", 2.5],
  ["教工", "school", 1.5], ["教师", "school", 2], ["教学", "school", 1.5],
  ["学校", "school", 2.5], ["我校", "school", 4], ["本校", "school", 3], ["校工会", "school", 3], ["学生", "school", 2],
  ["校园", "school", 2], ["师德", "school", 2.5], ["班主任", "school", 3], ["幼儿园", "school", 3], ["校长", "school", 2],
  // enterprise
  ["公司", "enterprise", 1.5], ["我公司", "enterprise", 4], ["本公司", "enterprise", 3], ["公司工会", "enterprise", 4],
  ["集团工会", "enterprise", 4], ["厂工会", "enterprise", 3], ["企业", "enterprise", 0.7], ["厂务公开", "enterprise", 3],
  ["企务公开", "enterprise", 2], ["司务公开", "enterprise", 3], ["车间", "enterprise", 2.5], ["班组", "enterprise", 1.5],
  ["生产经营", "enterprise", 2.5], ["经营", "enterprise", 1], ["员工", "enterprise", 1], ["工厂", "enterprise", 2],
  ["产品", "enterprise", 1.5], ["客户", "enterprise", 1.5], ["销售", "enterprise", 1.5], ["分公司", "enterprise", 2],
  ["矿井", "enterprise", 2], ["矿区", "enterprise", 2], ["加油站", "enterprise", 2], ["董事", "enterprise", 2],
  ["医药公司", "enterprise", 5], ["药业", "enterprise", 5], ["制药", "enterprise", 5], ["医药集团", "enterprise", 5],
  // agency (government bodies, regional unions, courts and procuratorates)
  ["机关", "agency", 2], ["机关工会", "agency", 4], ["我局", "agency", 4], ["局工会", "agency", 3], ["局机关", "agency", 3],
  ["委机关", "agency", 3], ["总工会", "agency", 0.7], ["我会", "agency", 1.5], ["街道", "agency", 1.5], ["党工委", "agency", 1.5],
  ["政务公开", "agency", 3], ["公务员", "agency", 3], ["干部职工", "agency", 1], ["处室", "agency", 2],
  ["我县", "agency", 2], ["全县", "agency", 1.5], ["我镇", "agency", 2], ["全镇", "agency", 1.5], ["我乡", "agency", 2],
  ["全乡", "agency", 1.5], ["全村", "agency", 1.5], ["镇工会", "agency", 2.5], ["乡工会", "agency", 2.5],
  ["街道总工会", "agency", 3], ["街道工会", "agency", 3], ["工会联合会", "agency", 2], ["建会", "agency", 1.5],
  ["工会组建", "agency", 2], ["组建工会", "agency", 2], ["非公企业", "agency", 1.5], ["示范工会", "agency", 2],
  ["局属", "agency", 3], ["系统工会", "agency", 3], ["企业工会", "agency", 1], ["全覆盖", "agency", 1],
  ["法院", "agency", 4], ["检察", "agency", 4], ["审判", "agency", 4], ["法官", "agency", 4], ["干警", "agency", 4],
  ["庭室", "agency", 3],
];

const AMBIGUOUS_SCHOOL = new Set(["教职工", "教代会", "教职工代表大会", "校务公开", "教工", "教师", "教学"]);
const HOSPITAL_SELF = new Set(["院工会", "我院", "全院", "本院"]);
const COURT = /法院|审判|法官|干警|检察/g;
const PHARMA = /医药公司|药业|制药|医药集团|药品经营/;

/** Title words: a unit type beats a place name ("XX县人民医院" is a hospital). */
const TITLE_UNITS: [RegExp, Exclude<Sector, "other">][] = [
  [/法院|检察院/, "agency"],
  [/医药|药业|制药/, "enterprise"],
  [/医院|卫生院|保健院|医疗/, "hospital"],
  [/学校|中学|小学|大学|学院|幼儿园|职高|中专|[^检法]院校|校(?!对)/, "school"],
  [/公司|企业|集团|[^工]厂|矿|银行|电务段|加油站/, "enterprise"],
  [/局|机关|委员会|总工会|街道|政府|办事处|委(?!员)/, "agency"],
];
const TITLE_PLACES = /[省市县区乡镇村]/;

export interface ClassifyHint {
  /** The compilation page's title: used only when the report itself says nothing about its type. */
  pageTitle?: string;
}

/**
 * `title` is the report's own title ("" when it has none); the year is the one it names, else the
 * one its text names most. The page title in `hint` never gives a year: a compilation's heading
 * ("2023关于工会工作报告") dates the compilation, not the reports in it.
 */
export function classify(title: string, text: string, hint: ClassifyHint = {}): Classification {
  const { sector, sectorConfidence, sectorEvidence } = classifySector(title, text);
  return {
    sector,
    sectorConfidence,
    sectorEvidence,
    year: findYear(title) ?? findYear(text),
    docType: findDocType(title, text, hint.pageTitle ?? ""),
    level: findLevel(title, text, sector),
    period: findPeriod(title) ?? findPeriod(text.slice(0, 300)),
  };
}

function count(text: string, term: string): number {
  let n = 0;
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) n++;
  return n;
}

function titleSector(title: string): Exclude<Sector, "other"> | null {
  for (const [re, sector] of TITLE_UNITS) if (re.test(title)) return sector;
  return TITLE_PLACES.test(title) && /工会/.test(title) ? "agency" : null;
}

export function classifySector(title: string, text: string): Pick<Classification, "sector" | "sectorConfidence" | "sectorEvidence"> {
  const court = (text.match(COURT) ?? []).length >= 2 || /法院|检察院/.test(title);
  const pharma = PHARMA.test(title) || (text.match(new RegExp(PHARMA.source, "g")) ?? []).length >= 2;
  const hits: { term: string; sector: Exclude<Sector, "other">; n: number; w: number }[] = [];
  for (const [term, sector, weight] of VOTES) {
    const n = count(text, term);
    if (!n) continue;
    let s = sector;
    let w = weight;
    if (court && HOSPITAL_SELF.has(term)) s = "agency";
    if (pharma && sector === "hospital") w *= 0.25;
    hits.push({ term, sector: s, n, w });
  }
  const score = (sector: Sector, skip?: (t: string) => boolean): number =>
    hits.filter((h) => h.sector === sector && !skip?.(h.term)).reduce((sum, h) => sum + h.w * Math.log2(1 + h.n), 0);
  // University hospital: the school words it shares with schools do not count against it.
  if (score("hospital") > score("school", (t) => AMBIGUOUS_SCHOOL.has(t))) {
    for (const h of hits) if (AMBIGUOUS_SCHOOL.has(h.term)) h.w *= 0.2;
  }
  const scores = (["hospital", "school", "enterprise", "agency"] as const).map((s) => ({ s, v: score(s) }));
  scores.sort((a, b) => b.v - a.v);
  const [top, second] = scores;
  const strength = 1 - Math.exp(-top.v / 6);
  const evidence = hits
    .sort((a, b) => b.w * Math.log2(1 + b.n) - a.w * Math.log2(1 + a.n))
    .slice(0, 6)
    .map((h) => (h.n > 1 ? `${h.term}×${h.n}` : h.term));

  const fromTitle = titleSector(title);
  if (fromTitle) {
    const mine = scores.find((x) => x.s === fromTitle)!.v;
    const agree = top.v > 0 ? mine / top.v : 0.5;
    const titleWord = TITLE_UNITS.find(([re]) => re.test(title))?.[0].exec(title)?.[0] ?? title.match(TITLE_PLACES)?.[0] ?? "";
    return {
      sector: fromTitle,
      sectorConfidence: round(0.55 + 0.45 * agree * Math.max(strength, 0.5)),
      sectorEvidence: [`title:${titleWord}`, ...evidence.filter((e) => sectorOf(e, hits) === fromTitle)].slice(0, 6),
    };
  }
  const margin = top.v > 0 ? (top.v - second.v) / top.v : 0;
  // Weak evidence, or a dead heat between two sectors, is honestly "other"; its confidence is
  // higher the less evidence there is for any sector.
  if (top.v < 3 || margin < 0.05) {
    return { sector: "other", sectorConfidence: round(0.1 + 0.5 * (1 - strength)), sectorEvidence: evidence };
  }
  return {
    sector: top.s,
    sectorConfidence: round(Math.min(0.95, (0.3 + 0.7 * margin) * strength + 0.05)),
    sectorEvidence: evidence.filter((e) => sectorOf(e, hits) === top.s).concat(evidence.filter((e) => sectorOf(e, hits) !== top.s)).slice(0, 6),
  };
}

function sectorOf(evidence: string, hits: { term: string; sector: Sector }[]): Sector | undefined {
  const term = evidence.split("×")[0];
  return hits.find((h) => h.term === term)?.sector;
}

const round = (x: number): number => Math.round(x * 100) / 100;

const CN_DIGIT: Record<string, number> = { "〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9 };

/** The year the text is about: the most frequent plausible "20NN年" (ties: the first), or null. */
export function findYear(text: string): number | null {
  const counts = new Map<number, number>();
  const re = /(?<![0-9])(19[9]\d|20[0-3]\d)(?=\s*年)|([〇○零一二三四五六七八九]{4})(?=年)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const y = m[1] ? Number(m[1]) : Number(Array.from(m[2]).map((c) => CN_DIGIT[c]).join(""));
    if (y >= 1990 && y <= 2035) counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)!) best = y;
  return best;
}

const TITLE_TYPES: [RegExp, DocType][] = [
  [/讲话|致辞|发言|演讲/, "speech"],
  [/报告/, "report"],
  [/总结|回顾/, "summary"],
  [/计划|要点|打算|安排|设想|思路|方案/, "plan"],
];
const TEXT_CUES: [RegExp, DocType][] = [
  [/向大会[作做][^。]{0,12}报告|请(?:予)?审议|请审查|报告如下|报告工作/, "report"],
  [/总结如下|现将[^。]{0,40}总结|回顾[^。]{0,20}工作/, "summary"],
  [/计划如下|工作要点|工作设想|工作思路是|指导思想[:：]?$|本学期将|今年将|要点如下/, "plan"],
];

function typeOf(title: string): DocType | null {
  let best: { at: number; type: DocType } | null = null;
  for (const [re, type] of TITLE_TYPES) {
    const m = re.exec(title);
    if (m && (!best || m.index < best.at)) best = { at: m.index, type };
  }
  return best?.type ?? null;
}

function findDocType(title: string, text: string, pageTitle: string): DocType {
  const own = typeOf(title);
  if (own) return own;
  const head = text.slice(0, 400);
  for (const [re, type] of TEXT_CUES) if (re.test(head)) return type;
  return typeOf(pageTitle) ?? "other";
}

const LEVEL_CUES: [RegExp, Level][] = [
  [/街道/, "subdistrict"],
  [/[^农]村工会|我村|全村|村党/, "village"],
  [/[乡镇](?:总)?工会|我[乡镇]|全[乡镇]|[乡镇]党委/, "township"],
  [/县(?:总)?工会|我县|全县|县委/, "county"],
  [/区(?:总)?工会|我区|全区|区委/, "district"],
  [/市(?:总)?工会|我市|全市|市委/, "city"],
  [/省(?:总)?工会|我省|全省|省委/, "province"],
];
/** A single body speaking of itself: a 局, a 机关, a court. */
const UNIT_CUE = /我局|局工会|局机关|机关工会|委机关|我委|法院|检察院|我院|局属/g;

/**
 * 省/市/县/区/乡镇/街道/村 for regional unions; a single unit (hospital, school, company, a 局 or
 * 机关) is "unit". The title decides when it names a level; otherwise the most frequent
 * self-reference in the text (a 局 that mentions 我县 three times is still a unit).
 */
function findLevel(title: string, text: string, sector: Sector): Level {
  for (const [re, level] of LEVEL_CUES) if (re.test(title) && /工会|街道/.test(title) && !/[局院校司厂]/.test(title)) return level;
  if (sector !== "agency" && sector !== "other") return "unit";
  // Self-references of a unit count double: regional words ("全县") also describe its surroundings.
  let best: { level: Level; n: number } = { level: "unit", n: 2 * (text.match(UNIT_CUE) ?? []).length };
  for (const [re, level] of LEVEL_CUES) {
    const n = (text.match(new RegExp(re.source, "g")) ?? []).length;
    if (n > best.n) best = { level, n };
  }
  return best.level;
}

const PERIODS: [RegExp, string][] = [
  [/上半年/, "上半年"],
  [/下半年/, "下半年"],
  [/[一二三四1-4]季度|季度/, "季度"],
  [/学期/, "学期"],
  [/五年/, "五年"],
  [/年度|全年|一年来|年终|今年以来|年工作|^(?:20\d\d|20xx|201x|xx|XX|~)年[，,]/, "年度"],
  [/月份?工作|本月/, "月度"],
];

function findPeriod(text: string): string | null {
  for (const [re, period] of PERIODS) if (re.test(text)) return period;
  return null;
}
