// "Save as subcorpus": a button that opens a small form (name, description, who) and saves the
// definition it is given (the search's query + filters, a concordance's hits, picked reports).
// Writing needs the admin token; without it the server's 403 is shown as it says it.
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import type { SubcorpusDefinition, SubcorpusInfo } from "../../../core/api/schema.ts";
import { createSubcorpus } from "../api/endpoints.ts";
import { useLang } from "../app/lang.tsx";
import { useRefreshSubcorpora } from "../hooks/useSubcorpora.ts";
import { errorMessage } from "./ErrorBox.tsx";

export function SaveSubcorpus({ label, definition, disabledReason, onUse }: { label: string; definition: SubcorpusDefinition | null; disabledReason?: string; onUse?: (id: string) => void }) {
  const { t } = useLang();
  const refresh = useRefreshSubcorpora();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<SubcorpusInfo | null>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!definition) return;
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const s = await createSubcorpus({ name: String(form.get("name") ?? ""), description: String(form.get("description") ?? ""), by: String(form.get("by") ?? "") || undefined, definition });
      setSaved(s);
      setOpen(false);
      await refresh();
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  }

  if (disabledReason) return <p className="muted save-subcorpus-off">{disabledReason}</p>;
  return (
    <div className="save-subcorpus">
      {!open && (
        <button type="button" className="save-subcorpus-open" disabled={!definition} onClick={() => (setOpen(true), setSaved(null))}>
          {label}
        </button>
      )}
      {open && (
        <form className="save-subcorpus-form" onSubmit={(e) => void submit(e)} aria-label={label}>
          <label>
            {t("subcorpusName")} <input name="name" required maxLength={100} autoFocus />
          </label>
          <label>
            {t("subcorpusDescription")} <input name="description" maxLength={2000} />
          </label>
          <label>
            {t("subcorpusBy")} <input name="by" maxLength={100} />
          </label>
          <button type="submit" disabled={busy}>
            {busy ? t("saving") : t("subcorpusSave")}
          </button>{" "}
          <button type="button" className="linklike" onClick={() => setOpen(false)}>
            {t("subcorpusCancel")}
          </button>
        </form>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {saved && (
        <p className="notice subcorpus-saved" role="status">
          {t("subcorpusSaved", { name: saved.name, reports: saved.now.reports })} <Link to="/subcorpora">{t("navSubcorpora")} ›</Link>
          {onUse && (
            <>
              {" "}
              <button type="button" className="linklike" onClick={() => onUse(saved.id)}>
                {t("subcorpusUse")}
              </button>
            </>
          )}
        </p>
      )}
    </div>
  );
}
