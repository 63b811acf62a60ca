// Ids are content hashes: indexing the same corpus twice yields the same
// documents, and the swap leaves exactly one copy of each.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadResources } from "../../core/resources.ts";
import { runIndexer } from "../../indexer/run.ts";
import { createSegmenter } from "../../core/text/segment.ts";
import { readStore } from "../../core/store.ts";
import type { Meilisearch } from "meilisearch";
import { deleteIndex, indexNames } from "../../core/meili/indexes.ts";
import { adminClient } from "../../core/meili/keys.ts";
import { FIXTURE_CORPUS, meiliMaster, ROOT } from "../helpers/app.ts";

const dataDir = mkdtempSync(join(tmpdir(), "wenyuan-test-idem-"));
const names = indexNames("idem_");
afterAll(async () => {
  const m = meiliMaster();
  for (const ix of [names.reports, names.passages]) await deleteIndex(m, ix).catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
});

async function allIds(client: Meilisearch, index: string): Promise<string[]> {
  const r = await client.index<{ id: string }>(index).getDocuments({ limit: 100000, fields: ["id"] });
  return r.results.map((d) => d.id).sort();
}

describe("indexing twice", () => {
  it("changes nothing", async () => {
    const resources = loadResources(ROOT);
    const client = await adminClient(meiliMaster());
    const run = () =>
      runIndexer({
        corpusDir: FIXTURE_CORPUS,
        dataDir,
        reset: false,
        client,
        names,
        segmenter: createSegmenter("node-rs", resources.dictionary),
        dictionary: resources.dictionary,
        synonyms: resources.synonyms,
      });
    await run();
    const first = { reports: await allIds(client, names.reports), passages: await allIds(client, names.passages), store: readStore(dataDir).entries.map((e) => e.report) };
    await run();
    const second = { reports: await allIds(client, names.reports), passages: await allIds(client, names.passages), store: readStore(dataDir).entries.map((e) => e.report) };
    expect(second.reports).toEqual(first.reports);
    expect(second.passages).toEqual(first.passages);
    expect(new Set(first.reports).size).toBe(first.reports.length);
    expect(second.store).toEqual(first.store);
    expect(first.reports).toEqual(first.store.map((r) => r.id).sort());
  });
});
