// The liveness probe's own listener (server/liveness.ts), in a worker thread: it answers while the
// main event loop is busy with searches, so a probe never queues behind them. Plain JavaScript, so
// the thread starts without a TypeScript loader.
//   200 {"status":"live"}                      the main loop beat within `staleMs`
//   503 {"status":"stalled", …}                it has not: the process is hung, restart it
//   503 {"status":"failed", "reason": …}       the server gave up (its Meilisearch would not restart)
import { createServer } from "node:http";
import { parentPort, workerData } from "node:worker_threads";

const { host, port, path, beat, staleMs } = workerData;
const beats = new Int32Array(beat);
let failure = null;
parentPort.on("message", (m) => {
  if (m && typeof m.failed === "string") failure = m.failed;
});

function answer(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text), "Cache-Control": "no-store" });
  res.end(text);
}

const server = createServer((req, res) => {
  if ((req.url ?? "/").split("?")[0] !== path) return answer(res, 404, { error: { code: "not_found", message: `this port answers only ${path}` } });
  if (failure) return answer(res, 503, { status: "failed", reason: failure });
  // the main thread stores its clock (ms since the epoch, in seconds and milliseconds) on every beat
  const last = Atomics.load(beats, 0) * 1000 + Atomics.load(beats, 1);
  const silent = Date.now() - last;
  if (silent > staleMs) return answer(res, 503, { status: "stalled", reason: `the server's event loop has not run for ${(silent / 1000).toFixed(1)} s` });
  answer(res, 200, { status: "live" });
});
server.once("error", (e) => parentPort.postMessage({ error: e.code === "EADDRINUSE" ? `port ${port} is in use on ${host}; stop it or set WENYUAN_LIVENESS_PORT` : `cannot listen on ${host}:${port}: ${e.message}` }));
server.listen(port, host, () => parentPort.postMessage({ listening: server.address().port }));
