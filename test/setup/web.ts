// Builds web/dist when it is missing or older than its sources: the global setup of the lanes
// whose files drive Chromium or read the built app's pages (browser, slow; vitest.config.ts).
import { resolve } from "node:path";
import { buildWeb } from "../../server/web-build.ts";

export default function setup(): void {
  buildWeb(resolve(import.meta.dirname, "../.."), () => {});
}
