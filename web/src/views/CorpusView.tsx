// `/corpus` — the corpus a research group manages: every source with what became of it, uploads
// (drag and drop, several files, progress from the server), removal, and metadata corrections
// that every other view follows.
import { useEffect, useState, type DragEvent } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { Job } from "../../../core/api/schema.ts";
import { MAX_SOURCE_BYTES } from "../../../core/sources.ts";
import type { ApiError } from "../api/client.ts";
import { getJob, getSources, startJob, uploadFile } from "../api/endpoints.ts";
import { useLang } from "../app/lang.tsx";
import { Empty, ErrorBox } from "../components/ErrorBox.tsx";
import { MetadataTable } from "./corpus/MetadataTable.tsx";
import { formatTime } from "../lib/dates.ts";

const UPLOAD_MB = MAX_SOURCE_BYTES / 1048576;
type Phase = "queued" | "read" | "discover" | "segment" | "load" | "reload";

interface Upload {
  name: string;
  sent: number;
  total: number;
  error: string | null;
}

function Uploader({ onJob }: { onJob: (job: Job) => void }) {
  const { t } = useLang();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [over, setOver] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [replace, setReplace] = useState(false);

  async function addFiles(files: File[]) {
    if (!files.length) return;
    setError(null);
    // A file over the limit is refused here, as the server would (413), before its bytes are sent.
    const tooLarge = (f: File) => (f.size > MAX_SOURCE_BYTES ? t("uploadTooLarge", { name: f.name, mb: UPLOAD_MB }) : null);
    setUploads(files.map((f) => ({ name: f.name, sent: 0, total: f.size, error: tooLarge(f) })));
    const ids: string[] = [];
    // One request per file, so each shows its own progress; then one job indexes them together.
    for (const [i, f] of files.entries()) {
      if (tooLarge(f)) continue;
      try {
        const r = await uploadFile(f, (sent, total) => setUploads((u) => u.map((x, k) => (k === i ? { ...x, sent, total: total || x.total } : x))));
        ids.push(r.upload);
        setUploads((u) => u.map((x, k) => (k === i ? { ...x, sent: x.total } : x)));
      } catch (e) {
        const message = (e as ApiError).status === 413 ? t("uploadTooLarge", { name: f.name, mb: UPLOAD_MB }) : (e as Error).message;
        setUploads((u) => u.map((x, k) => (k === i ? { ...x, error: message } : x)));
      }
    }
    if (!ids.length) return;
    try {
      onJob(await startJob(replace ? { add: ids, replace } : { add: ids }));
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void addFiles([...e.dataTransfer.files]);
  };
  return (
    <section className="panel uploader" aria-labelledby="upload-title">
      <h2 id="upload-title">{t("corpusUpload")}</h2>
      <label
        className={`dropzone${over ? " is-over" : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <span>{t("corpusDrop")}</span>
        <input type="file" multiple accept=".txt,.md,.html,.htm,.docx,.pdf" data-testid="upload-input" onChange={(e) => void addFiles([...(e.target.files ?? [])])} />
      </label>
      <p className="muted">{t("corpusUploadHint", { mb: UPLOAD_MB })}</p>
      <label className="muted">
        <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} data-testid="upload-replace" /> {t("corpusReplace")}
      </label>
      {uploads.map((u, i) => (
        // two files of a folder may share a name: the row's place is its key
        <div key={i} className="upload-row">
          <span className="upload-name">{u.name}</span>
          <progress max={u.total || 1} value={u.sent} aria-label={t("corpusUploading", { name: u.name })} />
          {u.error && <span className="error-text">{u.error}</span>}
        </div>
      ))}
      {error && <p className="error-text">{error}</p>}
    </section>
  );
}

function JobProgress({ job }: { job: Job }) {
  const { t } = useLang();
  const queryClient = useQueryClient();
  const live = useQuery({
    queryKey: ["job", job.id],
    queryFn: ({ signal }) => getJob(job.id, signal),
    initialData: job,
    refetchInterval: (q) => (q.state.data?.state === "running" ? 300 : false),
  });
  const j = live.data ?? job;
  const finished = j.state !== "running";
  // Once the job is over, every view's answers may have changed: refetch them (not the job itself).
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== "job" });
  }, [finished, queryClient]);
  return (
    <div className={`notice job job-${j.state}`} role="status" data-job-state={j.state}>
      <strong>{t(`job_${j.kind}`)}</strong> {j.sources.join("、")} —{" "}
      {j.state === "running" ? (
        <>
          {t(`phase_${j.phase as Phase}`)} <progress max={j.total || 1} value={j.done} /> {j.done}/{j.total}
        </>
      ) : j.state === "done" ? (
        t("jobDone", { added: j.summary?.added.length ?? 0, removed: j.summary?.removed.length ?? 0, copies: j.summary?.copies.length ?? 0, skipped: j.summary?.filesSkipped.length ?? 0 })
      ) : (
        <span className="error-text">{j.error}</span>
      )}
      {j.resumedAt && <div className="muted">{t("jobResumed")}</div>}
      {j.files.length > 0 ? (
        <ul className="job-files" data-testid="job-files">
          {j.files.map((f, i) => (
            <li key={i} data-outcome={f.outcome}>
              {f.name} — {f.outcome === "skipped" ? <span className="error-text">{t("file_skipped", { reason: f.reason ?? "" })}</span> : t(`file_${f.outcome}`, { path: f.path, copyOf: f.copyOf ?? "" })}
            </li>
          ))}
        </ul>
      ) : (
        j.summary?.filesSkipped.map((s) => (
          <div key={s.source} className="muted">
            {s.source} — {s.reason}
          </div>
        ))
      )}
    </div>
  );
}

function Sources({ onJob }: { onJob: (job: Job) => void }) {
  const { t, lang } = useLang();
  const sources = useQuery({ queryKey: ["sources"], queryFn: ({ signal }) => getSources(signal) });
  const [error, setError] = useState<string | null>(null);
  if (sources.error) return <ErrorBox error={sources.error as ApiError} onRetry={() => void sources.refetch()} />;
  const rows = sources.data?.sources ?? [];
  const remove = async (path: string) => {
    if (!window.confirm(t("corpusRemoveConfirm", { path }))) return;
    try {
      onJob(await startJob({ remove: [path] }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="panel" aria-labelledby="sources-title">
      <h2 id="sources-title">{t("corpusSources", { n: rows.length })}</h2>
      {error && <p className="error-text">{error}</p>}
      <div className="table-scroll tall">
        <table className="data-table sources">
          <thead>
            <tr>
              <th scope="col">{t("corpusSource")}</th>
              <th scope="col">{t("corpusOrigin")}</th>
              <th scope="col">{t("corpusStatus")}</th>
              <th scope="col">{t("corpusReports")}</th>
              <th scope="col">{t("corpusUpdated")}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.path} data-status={s.status} data-source={s.path}>
                <td className="source-path">{s.path}</td>
                <td>{t(`origin_${s.origin}`)}</td>
                <td>
                  {t(`status_${s.status}`)}
                  {s.copyOf && <span className="muted"> {t("identicalTo", { path: s.copyOf })}</span>}
                  {s.reason && <span className="muted"> — {s.reason}</span>}
                </td>
                <td className="num">{s.reports.length || ""}</td>
                <td>{formatTime(s.updatedAt, lang)}</td>
                <td>
                  {s.status !== "removed" && (
                    <button type="button" className="link-button" onClick={() => void remove(s.path)} aria-label={t("corpusRemoveLabel", { path: s.path })}>
                      {t("corpusRemove")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!rows.length && !sources.isLoading && <Empty>{t("noResults")}</Empty>}
    </section>
  );
}

export default function CorpusView() {
  const { t } = useLang();
  const [jobs, setJobs] = useState<Job[]>([]);
  const onJob = (job: Job) => setJobs((j) => [job, ...j].slice(0, 5));
  return (
    <div className="view view-corpus">
      <h1>{t("navCorpus")}</h1>
      <p className="muted">{t("corpusIntro")}</p>
      {jobs.map((j) => (
        <JobProgress key={j.id} job={j} />
      ))}
      <Uploader onJob={onJob} />
      <Sources onJob={onJob} />
      <MetadataTable />
    </div>
  );
}
