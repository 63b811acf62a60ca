// What piscina loads in each pool worker. CommonJS on purpose: piscina loads a worker file with
// require() first, and under Node 20 require() of an ES module with top-level await (worker.mjs)
// could race that module's import() in the same thread — a fatal V8 error ("IsGraphAsync must be
// used on an instantiated module") that took the whole process down, seen once in a CI run. This
// file is plain CommonJS for require(); the ES module is loaded once, by import(), on first use.
"use strict";

let loading = null;

module.exports = async function run(envelope) {
  loading ??= import("./worker.mjs").then((m) => m.default);
  return (await loading)(envelope);
};
