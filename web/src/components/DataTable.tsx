// A data table described by its columns. While its rows load it holds their
// place (so what follows does not jump when they arrive); no rows is said plainly.
import type { Key, ReactNode } from "react";
import { useLang } from "../app/lang.tsx";
import { Empty } from "./ErrorBox.tsx";

export interface Column<R> {
  key: string;
  header: ReactNode;
  cell: (row: R, index: number) => ReactNode;
  /** right-aligned tabular figures */
  num?: boolean;
  /** the row's header (`<th scope="row">`) */
  rowHeader?: boolean;
  /** on the body cells */
  className?: string;
  /** the column the rows are ranked by */
  sorted?: boolean;
}

const cls = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(" ") || undefined;

export function DataTable<R>({
  columns,
  rows,
  rowKey,
  loading = false,
  tall = false,
  className,
  rowClassName,
}: {
  columns: readonly Column<R>[];
  rows: readonly R[] | undefined;
  rowKey: (row: R, index: number) => Key;
  loading?: boolean;
  /** long lists scroll inside a fixed-height box */
  tall?: boolean;
  className?: string;
  rowClassName?: (row: R) => string | undefined;
}) {
  const { t } = useLang();
  const box = cls("table-scroll", tall && "tall");
  if (!rows) {
    return loading ? (
      <div className={cls(box, "table-pending")}>
        <p className="muted">{t("loading")}</p>
      </div>
    ) : null;
  }
  if (rows.length === 0) return <Empty>{t("noResults")}</Empty>;
  return (
    <div className={box}>
      <table className={cls("data", className)}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c.key} className={cls(c.num && "num", c.sorted && "is-sorted")}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={rowKey(r, i)} className={rowClassName?.(r)}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th scope="row" key={c.key} className={cls(c.num && "num", c.className)}>
                    {c.cell(r, i)}
                  </th>
                ) : (
                  <td key={c.key} className={cls(c.num && "num", c.className)}>
                    {c.cell(r, i)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
