// The coding (categorised concordance) of the KWIC query on screen: its categories and assignments
// from GET /api/codings, changed as the researcher codes — each change shown at once, gathered and
// sent as one batch PUT after a short pause (or when the page is left), with a saved / unsaved /
// saving / failed indicator. A failed batch stays pending and is retried with the next change.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import type { ResponseOf } from "../../../../core/api/endpoints.ts";
import type { Params } from "../../api/client.ts";
import { codeLines, getCoding, saveCoding } from "../../api/endpoints.ts";
import { useApi } from "../../hooks/useApi.ts";

export type CodingAnswer = ResponseOf<"codingOf">;
export type SaveState = "saved" | "unsaved" | "saving" | "failed";

/** How long after the last key press a batch goes out. */
export const SAVE_DELAY_MS = 600;

/** The parameters that select the lines (the server canonicalises them; paging, sort and width never matter). */
export function codingQuery(params: Params): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(params)) if (!["page", "perPage", "sort", "width", "format", "count"].includes(k) && v !== undefined && v !== null && v !== "") out[k] = v;
  return out;
}

export function useCoding(params: Params, enabled: boolean) {
  const query = useMemo(() => codingQuery(params), [params]);
  const qc = useQueryClient();
  const key = ["coding", query];
  const answer = useApi("coding", query, getCoding, enabled);
  const coding = answer.data && !answer.isPlaceholderData ? answer.data.coding : null;
  const [pending, setPending] = useState<Record<string, string | null>>({});
  const [inflight, setInflight] = useState<Record<string, string | null>>({});
  const [state, setState] = useState<SaveState>("saved");
  const [error, setError] = useState<unknown>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ pending, id: coding?.id });
  latest.current = { pending, id: coding?.id };

  const queryKey = JSON.stringify(query);
  useEffect(() => {
    setPending({});
    setInflight({});
    setState("saved");
    setError(null);
  }, [queryKey]);

  const settle = useCallback(
    (res: CodingAnswer) => {
      qc.setQueryData(["coding", query], res);
      void qc.invalidateQueries({ queryKey: ["coding-distribution"] });
      void qc.invalidateQueries({ queryKey: ["breakdown"] });
    },
    [qc, queryKey],
  );

  const flush = useCallback(async () => {
    const { pending: batch, id } = latest.current;
    if (!id || !Object.keys(batch).length) return;
    setPending({});
    setInflight(batch);
    setState("saving");
    try {
      const res = await codeLines(id, batch);
      settle(res);
      setInflight({});
      setError(null);
      setState(Object.keys(latest.current.pending).length ? "unsaved" : "saved");
    } catch (e) {
      // kept: the next change (or a retry) sends it again
      setPending((p) => ({ ...batch, ...p }));
      setInflight({});
      setError(e);
      setState("failed");
    }
  }, [settle]);

  const assign = useCallback(
    (line: string, category: string | null) => {
      setPending((p) => ({ ...p, [line]: category }));
      setState("unsaved");
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  // a change still waiting when the view goes away is sent, not lost
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      void flush();
    },
    [flush],
  );

  const define = useCallback(
    async (categories: { name: string; key?: string }[]) => {
      setState("saving");
      try {
        const res = await saveCoding({ query, categories });
        settle(res);
        setError(null);
        setState("saved");
      } catch (e) {
        setError(e);
        setState("failed");
        throw e;
      }
    },
    [settle, queryKey],
  );

  /** what the screen shows: the saved assignments with the changes on their way */
  const assignments = useMemo(() => {
    const out: Record<string, string> = { ...(coding?.assignments ?? {}) };
    for (const [line, c] of [...Object.entries(inflight), ...Object.entries(pending)]) {
      if (c === null) delete out[line];
      else out[line] = c;
    }
    return out;
  }, [coding, inflight, pending]);

  return { answer, coding, assignments, assign, define, flush, state, error, key };
}
