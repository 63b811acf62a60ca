// A progress bar on stderr when it is a terminal; a line per phase otherwise
// (CI logs and pipes stay readable).
import type { Progress } from "./run.ts";

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  let phase = "";
  let total = 0;
  let done = 0;
  let last = 0;
  const draw = (force = false) => {
    const now = Date.now();
    if (!force && now - last < 80) return;
    last = now;
    const width = 30;
    const ratio = total ? Math.min(1, done / total) : 1;
    const bar = "█".repeat(Math.round(ratio * width)).padEnd(width, "░");
    stream.write(`\r${phase.padEnd(8)} ${bar} ${done}/${total}`);
  };
  return {
    start(p, t) {
      phase = p;
      total = t;
      done = 0;
      if (stream.isTTY) draw(true);
    },
    tick(n = 1) {
      done += n;
      if (stream.isTTY) draw();
    },
    done() {
      if (stream.isTTY) {
        draw(true);
        stream.write("\n");
      } else stream.write(`${phase}: ${done}/${total}\n`);
    },
  };
}
