// Sector accuracy against the hand labels in test/fixtures/seed-labels.json (labelled by reading each
// piece). The classifier's rules were written from the domain, not tuned to these labels; the traps
// have their own unseen examples in classify-traps.test.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, seedReports } from "./seed-corpus.ts";

interface Label {
  source: string;
  piece: number;
  title: string;
  sector: string;
  reason: string;
  docType: string;
  year: number | null;
}

describe("classify accuracy on the seed corpus", () => {
  it("labels at least 90% of the seed reports' sectors like a human reader", async () => {
    const labels = JSON.parse(readFileSync(join(ROOT, "test/fixtures/seed-labels.json"), "utf8")) as Label[];
    const { reports } = await seedReports();
    let right = 0;
    const wrong: string[] = [];
    for (const label of labels) {
      const report = reports.find((r) => r.source === label.source && r.piece === label.piece && r.kind === "report");
      expect(report, `${label.source}#${label.piece}`).toBeDefined();
      if (report!.sector === label.sector) right++;
      else wrong.push(`${label.source}#${label.piece} ${label.title}: got ${report!.sector} (${report!.sectorEvidence.join(" ")}), labelled ${label.sector} — ${label.reason}`);
    }
    const accuracy = right / labels.length;
    const years = labels.filter((l) => reports.find((r) => r.source === l.source && r.piece === l.piece)!.year === l.year).length;
    console.log(`sector accuracy ${right}/${labels.length} = ${accuracy.toFixed(3)}; year agreement ${years}/${labels.length}`);
    for (const w of wrong) console.log(`  ✗ ${w}`);
    expect(labels.length).toBeGreaterThanOrEqual(43);
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });
});
