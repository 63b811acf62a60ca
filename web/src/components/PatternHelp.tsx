// What a researcher needs beside a CQL or regex box: the constructs with one example each, and a
// query's syntax error under the box, pointing at the column the parser stopped at.
import { Link } from "react-router";
import { ApiError } from "../api/client.ts";
import { useLang } from "../app/lang.tsx";
import { errorMessage } from "./ErrorBox.tsx";
import "./PatternHelp.css";

type Construct = { example: string; zh: string; en: string };

/** The CQL of issue 18 (core/cql/parse.ts reads it), one example each. */
const CONSTRUCTS: Construct[] = [
  { example: '"开展" [] "活动"', zh: "[] 是任意一个词：开展、一个词、活动", en: "[] is any one word: 开展, one word, 活动" },
  { example: '"开展" []{0,3} "活动"', zh: "{m,n}：中间 0 到 3 个词", en: "{m,n}: 0 to 3 words between" },
  { example: '[word="职工.*"]', zh: "word= 取正则，整词匹配：以“职工”开头的词", en: "word= takes a regular expression matched against the whole word: words starting with 职工" },
  { example: '[tag="v"] "职工"', zh: "tag= 是词性（jieba 词性标记）：动词后接“职工”", en: "tag= is the part of speech (jieba's tags): a verb, then 职工" },
  { example: '[word!="的"]', zh: "!= 取反：除“的”以外的任一词", en: "!= negates: any word but 的" },
  { example: '[word="送温暖" | word="扶贫帮困"]', zh: "| 表示或：两个词之一", en: "| is or: either word" },
  { example: '[tag="a" & word=".{2}"]', zh: "& 表示且（在一个词内）：两个字的形容词", en: "& is and (within one word): two-character adjectives" },
  { example: '"开展" []{0,8} "活动" within text', zh: "默认不跨句；within text 可以跨句", en: "a match stays in one sentence; within text lets it cross sentences" },
  { example: "开展*活动", zh: "简单写法：* 是任意一个词", en: "simple mode: * is any one word" },
  { example: "以…为抓手", zh: "简单写法：… 是至多 8 个词", en: "simple mode: … is up to 8 words" },
];

export function CqlHelp() {
  const { lang } = useLang();
  return (
    <details className="cql-help" data-testid="cql-help">
      <summary>{lang === "zh" ? "CQL 写法" : "CQL help"}</summary>
      <table>
        <tbody>
          {CONSTRUCTS.map((c) => (
            <tr key={c.example}>
              <td>
                <code>{c.example}</code>
              </td>
              <td>{c[lang]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        {lang === "zh" ? "词按 jieba 切分，与检索、语境索引一致；繁体字按简体匹配。" : "Words are jieba's words, as in search and the concordance; traditional characters match their simplified forms."}{" "}
        <Link to="/methods#match">{lang === "zh" ? "匹配方式说明" : "How matching works"} ›</Link>
      </p>
    </details>
  );
}

const SYNTAX_CODES = new Set(["cql_syntax", "regex_syntax", "regex_too_slow"]);

/** Whether an error is the query's own (shown under the box) rather than the server's. */
export function isSyntaxError(error: unknown): error is ApiError {
  return error instanceof ApiError && SYNTAX_CODES.has(error.code);
}

/** The parser's message under the box; for CQL as typed, the query again with a caret under the column it names. */
export function QuerySyntaxError({ error, query }: { error: ApiError; query: string }) {
  const { t } = useLang();
  // a column of the CQL that simple mode read the query as (detail.cql) is not one of the query as typed
  const column = error.code === "cql_syntax" && error.detail?.cql === undefined ? Number(error.detail?.column ?? 0) : 0;
  const typed = query.trim();
  return (
    <div className="notice notice-error query-syntax-error" role="alert" data-column={column || undefined}>
      <p>{errorMessage(error, t)}</p>
      {column > 0 && column <= typed.length + 1 && (
        <pre className="syntax-caret" aria-hidden="true">
          {typed}
          {"\n"}
          {/* the text before the column again, invisible: the caret lines up whatever the fonts */}
          <span className="caret-pad">{typed.slice(0, column - 1)}</span>^
        </pre>
      )}
    </div>
  );
}
