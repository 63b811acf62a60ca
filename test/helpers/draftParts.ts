// The tests' own reading of "this report has a problems part" (存在的问题), written apart from
// server/analytics/shared/sectionKinds.ts so the draft check's shares are recounted, not echoed: a
// top-level heading (一、 …) whose short core names 问题/不足/差距/困难/缺点, a short unnumbered line
// naming one, or a paragraph conceding one near its start (但/也/还/仍 … 存在 … 问题/不足/差距, 不足之处,
// 还有/仍有 … 差距/不足).
export function hasProblems(text: string): boolean {
  return text.split("\n").some((raw, i) => {
    const line = raw.trim();
    const heading = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}[、．.])\s*(.*)$/.exec(line);
    if (heading) {
      const core = heading[1].split(/[，,：:；;（(—…。]/)[0].replace(/(?:20|19)?[\dxX_~]{0,4}年度?/g, "");
      if (core.length <= 14 && /问题|不足|差距|困难|缺点|短板|薄弱/.test(core)) return true;
    } else if (i > 0 && line.length <= 20 && !/[，。；！？,;!?]/.test(line) && /问题|不足|差距|困难|缺点/.test(line)) return true;
    return /(?:但|也|还|仍|同时)[^。；！？]{0,16}存在[^。；！？]{0,10}(?:问题|不足|差距|缺点|困难)|不足之处|(?:还有|仍有)[^。；！？]{0,10}(?:差距|不足)/.test(line.slice(0, 100));
  });
}
