// The concordance's CSV columns, in one list: the full export (GET /api/export/kwic, /api/kwic?format=csv)
// and the web app's "export selected lines" write the same header and cells from it. The line's
// `context` (word ranges the sorts use) is left out: it is what the left and right columns already hold.
import type { z } from "zod";
import { KwicLineSchema } from "./schema.ts";

type KwicLine = z.infer<typeof KwicLineSchema>;

export const KWIC_CSV_COLUMNS: readonly { key: keyof KwicLine & string; header: string }[] = (Object.keys(KwicLineSchema.shape) as (keyof KwicLine & string)[])
  .filter((k) => k !== "context")
  .map((key) => ({ key, header: key }));
