// The "?" beside a measure: a link to its section of the methods page.
import { Link } from "react-router";
import { useLang } from "../app/lang.tsx";
import { METHODS, type MethodId } from "../app/methods.ts";

export function Explain({ id }: { id: MethodId }) {
  const { t, lang } = useLang();
  const title = METHODS[lang][id].title;
  return (
    <Link to={`/methods#${id}`} className="explain" data-explain={id} aria-label={t("explainLabel", { what: title })} title={title} onClick={(e) => e.stopPropagation()}>
      ?
    </Link>
  );
}
