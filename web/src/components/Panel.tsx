// A titled section of a view: heading, its tools (controls, CSV link) beside it, then the body.
import type { ReactNode } from "react";

export function Panel({ id, title, tools, children }: { id: string; title: ReactNode; tools?: ReactNode; children?: ReactNode }) {
  return (
    <section className="panel" aria-labelledby={id}>
      <div className="panel-head">
        <h2 id={id}>{title}</h2>
        {tools}
      </div>
      {children}
    </section>
  );
}
