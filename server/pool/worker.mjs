// Entry of a pool worker. Node cannot load the .ts worker by itself when the parent registered
// TypeScript in its own way (vitest) or not at all: register tsx here (its documented API), then
// load the worker module. Under `npm start` (node --import tsx) this registration is redundant
// and harmless.
import { register } from "tsx/esm/api";

register();
const worker = await import("./worker.ts");
export default worker.default;
