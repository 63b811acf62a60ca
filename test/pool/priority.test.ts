// Issue 13: analyses must not take the CPU that health and search need. The workers run at a lower
// scheduling priority (nice) than the event loop; Linux keeps a nice per thread, visible in
// /proc/<pid>/task/<tid>/stat (field 19).
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJson, startApp, type TestApp } from "../helpers/app.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

/** tid → nice, for every thread of this process (the app runs in it). */
function threadNices(): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of readdirSync("/proc/self/task")) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
    // fields after the command name "(…)", which may hold spaces: state is field 3, nice field 19
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    out.set(Number(tid), Number(fields[19 - 3]));
  }
  return out;
}

describe("worker priority", () => {
  it("runs analyses in threads niced below the event loop", async () => {
    const { status } = await getJson(app.url, "/api/frequency?limit=5");
    expect(status).toBe(200);
    const nices = threadNices();
    expect(nices.get(process.pid)).toBe(0);
    // the pool's threads (at least 2), and nothing else here, run at nice 10
    expect([...nices.values()].filter((n) => n === 10).length).toBeGreaterThanOrEqual(2);
  });
});
