// Titles in narrow columns. Compilation pages give their reports titles like
// "2023关于工会工作报告（篇12）": cutting the end (as text-overflow does) leaves the prefix every
// line shares, so a short title keeps the start and the end, where the reports differ.
export function shortTitle(title: string, max = 20): string {
  const chars = [...title];
  if (chars.length <= max) return title;
  const head = Math.floor((max - 1) * 0.4);
  const tail = max - 1 - head;
  return `${chars.slice(0, head).join("")}…${chars.slice(-tail).join("")}`;
}
