// Report metadata in the corpus image as one table: per field, the distinct values once (JSON) and
// a column with each report's value number. Every thread that attaches the image shares the columns
// and keeps each distinct value once; a report object holds only its index, and its fields are
// accessors that every report shares. Before, each thread parsed one JSON object per report: ~110 MB
// of heap per thread at 100k reports, three threads (issue 13).
//
//   section "meta.values"     UTF-8 JSON { fields: string[], values: unknown[][] } — values[f][k - 1]
//   section "meta.<field>"    u8 / u16 / u32 per report: k, 0 when the report has no such field
import type { TypedArray } from "./layout.ts";

export const META_VALUES = "meta.values";
export const metaColumn = (field: string): string => `meta.${field}`;

export interface MetaTable {
  fields: string[];
  values: unknown[][];
  columns: TypedArray[];
}

/** The table of `rows` (one object of scalar fields per report), fields in first-seen order. */
export function metaTable(rows: Iterable<Record<string, unknown>>): MetaTable {
  const fields: string[] = [];
  const numbers: Map<string, number>[] = [];
  const values: unknown[][] = [];
  const picks: number[][] = [];
  let n = 0;
  for (const row of rows) {
    for (const [f, v] of Object.entries(row)) {
      let i = fields.indexOf(f);
      if (i < 0) {
        i = fields.push(f) - 1;
        numbers.push(new Map());
        values.push([]);
        picks.push(new Array<number>(n).fill(0));
      }
      const key = JSON.stringify(v) ?? "null";
      let k = numbers[i].get(key);
      if (k === undefined) numbers[i].set(key, (k = values[i].push(v ?? null)));
      picks[i][n] = k;
    }
    n++;
    for (const p of picks) if (p.length < n) p.push(0);
  }
  const columns = picks.map((p, i) => {
    const most = values[i].length;
    return most <= 0xff ? Uint8Array.from(p) : most <= 0xffff ? Uint16Array.from(p) : Uint32Array.from(p);
  });
  return { fields, values, columns };
}

/**
 * Property descriptors for report objects over the table: field f of the report at index
 * `indexOf(this)` is values[f][column[f][index] - 1]. A set (a metadata correction) is kept for
 * that report in this thread only and read before the table.
 */
export function metaAccessors(table: Pick<MetaTable, "fields" | "values"> & { columns: ArrayLike<number>[] }, indexOf: (self: object) => number): PropertyDescriptorMap {
  const corrected = new Map<number, Record<string, unknown>>();
  const out: PropertyDescriptorMap = {};
  table.fields.forEach((f, i) => {
    const column = table.columns[i];
    const values = table.values[i];
    out[f] = {
      get(this: object) {
        const d = indexOf(this);
        if (corrected.size) {
          const c = corrected.get(d);
          if (c && f in c) return c[f];
        }
        const k = column[d];
        return k ? values[k - 1] : undefined;
      },
      set(this: object, v: unknown) {
        const d = indexOf(this);
        let c = corrected.get(d);
        if (!c) corrected.set(d, (c = {}));
        c[f] = v;
      },
      enumerable: true,
      configurable: true,
    };
  });
  return out;
}
