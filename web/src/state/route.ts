// Helpers shared by the per-view URL codecs. A codec is a pure pair:
//   stateToRoute(state) → URLSearchParams (defaults omitted, keys in a fixed order)
//   routeToState(params) → state (anything invalid falls back to its default)
// so that routeToState(stateToRoute(s)) equals s for every normalised state.
import type { z } from "zod";

export interface RouteCodec<S> {
  stateToRoute(state: S): URLSearchParams;
  routeToState(params: URLSearchParams): S;
}

/** The raw value(s) of a key, shaped as Express would hand them to the server schemas. */
export function raw(params: URLSearchParams, key: string): string | string[] | undefined {
  const all = params.getAll(key);
  if (all.length === 0) return undefined;
  return all.length === 1 ? all[0] : all;
}

/** Parse one parameter with a shared schema; invalid or missing → fallback. */
export function parseParam<T>(schema: z.ZodType, value: unknown, fallback: T): T {
  if (value === undefined) return fallback;
  const r = schema.safeParse(value);
  return r.success && r.data !== undefined ? (r.data as T) : fallback;
}

/** Unique values in the canonical order of `all`. */
export function canonical<T extends string>(values: readonly T[], all: readonly T[]): T[] {
  const set = new Set(values);
  return all.filter((v) => set.has(v));
}

export function str(params: URLSearchParams, key: string, max = 2000): string {
  const v = params.get(key);
  return v === null ? "" : v.slice(0, max);
}

/** One of `values`, or the fallback. */
export function oneOf<T extends string>(params: URLSearchParams, key: string, values: readonly T[], fallback: T): T {
  const v = params.get(key);
  return v !== null && (values as readonly string[]).includes(v) ? (v as T) : fallback;
}

/** A positive integer in [min, max], or the fallback. */
export function int(params: URLSearchParams, key: string, min: number, max: number, fallback: number): number {
  const v = params.get(key);
  if (v === null || !/^\d+$/.test(v)) return fallback;
  const n = Number(v);
  return n >= min && n <= max ? n : fallback;
}

/** Set a key unless the value is its default. */
export function put(params: URLSearchParams, key: string, value: string | number | boolean | readonly string[], fallback?: string | number | boolean): void {
  if (Array.isArray(value)) {
    for (const v of value) params.append(key, v);
    return;
  }
  if (value === fallback || value === "") return;
  params.set(key, String(value));
}
