// The facet panel's first control: which named subcorpus the view counts over (whole corpus by
// default), and a line saying so with its size — every view that has a facet panel shows it.
import { useId } from "react";
import { Link } from "react-router";
import { useLang } from "../app/lang.tsx";
import { useSubcorpora } from "../hooks/useSubcorpora.ts";

export function SubcorpusPicker({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useLang();
  const id = useId();
  const list = useSubcorpora();
  const all = list.data?.subcorpora ?? [];
  const chosen = all.find((s) => s.id === value);
  // nothing saved and nothing chosen: a link to where subcorpora are explained, not an empty menu
  if (!all.length && value === null) {
    return list.data ? (
      <p className="muted subcorpus-none">
        <Link to="/subcorpora">{t("subcorporaNone")}</Link>
      </p>
    ) : null;
  }
  return (
    <div className="facet subcorpus-picker">
      <label htmlFor={id} className="legend">
        {t("subcorpusPicker")}
      </label>
      <select id={id} name="subcorpus" value={value ?? ""} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{t("wholeCorpus")}</option>
        {all.map((s) => (
          <option key={s.id} value={s.id}>
            {t("subcorpusOption", { name: s.name, reports: s.now.reports })}
          </option>
        ))}
        {value !== null && !chosen && list.data && <option value={value}>{t("subcorpusUnknown", { id: value })}</option>}
      </select>
      {chosen && (
        <p className="subcorpus-scope" data-subcorpus={chosen.id}>
          {t("countsOver", { name: chosen.name, reports: chosen.now.reports })}
          {chosen.missing.length > 0 && <span className="warn"> {t("subcorpusMissingN", { n: chosen.missing.length })}</span>}
        </p>
      )}
    </div>
  );
}
