// Real Chromium for the browser tests: Debian's /usr/bin/chromium (or CHROME_PATH), headless, with
// nothing that reaches the network on its own.
import { chromium, type Browser } from "playwright-core";

export const CHROME_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium", args: CHROME_ARGS });
}
