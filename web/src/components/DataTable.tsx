// A data table described by its columns. While its rows load it holds their
// place (so what follows does not jump when they arrive); no rows is said plainly.
import type { Key, ReactNode } from "react";
import { useLang } from "../app/lang.tsx";
import type { MethodId } from "../app/methods.ts";
import { Empty } from "./ErrorBox.tsx";
import { Explain } from "./Explain.tsx";

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
  /** the rows can be ranked by this column: its header is a button calling `onSort(sortKey)` */
  sortKey?: string;
  /** a "?" after the header, to the methods page's section on this measure */
  explain?: MethodId;
  /** the direction that sort ranks in; default descending */
  sortDir?: "ascending" | "descending";
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
  sort,
  onSort,
  label,
}: {
  columns: readonly Column<R>[];
  rows: readonly R[] | undefined;
  rowKey: (row: R, index: number) => Key;
  loading?: boolean;
  /** long lists scroll inside a fixed-height box */
  tall?: boolean;
  className?: string;
  rowClassName?: (row: R) => string | undefined;
  /** the `sortKey` the rows are ranked by (the caller sorts them) */
  sort?: string;
  onSort?: (key: string) => void;
  /** the table's accessible name */
  label?: string;
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
      <table className={cls("data", className)} aria-label={label}>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = c.sorted || (c.sortKey !== undefined && c.sortKey === sort);
              return (
                <th scope="col" key={c.key} className={cls(c.num && "num", active && "is-sorted")} aria-sort={c.sortKey && onSort ? (active ? (c.sortDir ?? "descending") : "none") : undefined}>
                  {c.sortKey && onSort ? (
                    <button type="button" className="th-sort" data-sort={c.sortKey} onClick={() => onSort(c.sortKey!)}>
                      {c.header}
                      <span aria-hidden="true">{active ? (c.sortDir === "ascending" ? " ▲" : " ▼") : " ⇅"}</span>
                    </button>
                  ) : (
                    c.header
                  )}
                  {c.explain && <Explain id={c.explain} />}
                </th>
              );
            })}
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
