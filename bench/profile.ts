// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per function, top N.
//   npx tsx bench/profile.ts FILE.cpuprofile [N]
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface SelfTime {
  fn: string;
  where: string;
  selfMs: number;
  share: number;
}

export function summarizeProfile(path: string, top = 15): { totalMs: number; idleMs: number; rows: SelfTime[] } {
  const p = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const agg = new Map<string, SelfTime>();
  let total = 0;
  let idle = 0;
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const fn = n.callFrame.functionName || "(anonymous)";
    total += us;
    if (fn === "(idle)") {
      idle += us;
      continue;
    }
    const url = n.callFrame.url.replace(/^file:\/\//, "").replace(/^.*\/work\/main\//, "").replace(/^.*node_modules\//, "node_modules/");
    const where = url ? `${url}:${n.callFrame.lineNumber + 1}` : "";
    const key = `${fn}@${where}`;
    const row = agg.get(key) ?? { fn, where, selfMs: 0, share: 0 };
    row.selfMs += us / 1000;
    agg.set(key, row);
  }
  const busy = (total - idle) / 1000;
  const rows = [...agg.values()]
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, top)
    .map((r) => ({ ...r, selfMs: Math.round(r.selfMs), share: Math.round((r.selfMs / busy) * 1000) / 10 }));
  return { totalMs: Math.round(total / 1000), idleMs: Math.round(idle / 1000), rows };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: npx tsx bench/profile.ts FILE.cpuprofile [N]");
    process.exit(2);
  }
  const s = summarizeProfile(file, Number(process.argv[3] ?? 15));
  console.log(`total ${s.totalMs} ms, idle ${s.idleMs} ms; self time of the busy part:`);
  for (const r of s.rows) console.log(`${String(r.selfMs).padStart(7)} ms ${String(r.share).padStart(5)}%  ${r.fn}  ${r.where}`);
}
