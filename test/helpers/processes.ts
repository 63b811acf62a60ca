// Waiting for a process to be gone: how the no-orphan tests observe shutdowns.
import { isAlive } from "../../core/meili/process.ts";

export async function gone(pid: number, ms = 15_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !isAlive(pid);
}
