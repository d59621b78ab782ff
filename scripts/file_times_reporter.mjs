// A node:test reporter that prints, per test file, the wall time from its process's start to its end and
// its test count, slowest first — to see where a suite's time goes (scripts/node_suite.sh adds it; ADR 0050).
// Files run side by side, so the times overlap and add up to more than the suite took.
import path from 'node:path';

export default async function* fileTimes(source) {
  const files = new Map();
  const of = (file) => {
    if (!files.has(file)) files.set(file, { first: Date.now(), last: Date.now(), tests: 0, failed: 0 });
    return files.get(file);
  };
  for await (const { type, data } of source) {
    if (!data?.file) continue;
    // The file itself is an entry named by its path: dequeued when its process starts, complete when it ends.
    if (data.name === data.file) {
      if (type === 'test:dequeue') of(data.file).first = Date.now();
      if (type === 'test:complete') of(data.file).last = Date.now();
    } else if ((type === 'test:pass' || type === 'test:fail') && data.nesting === 0 && !data.details?.type) {
      const f = of(data.file);
      f.tests += 1;
      if (type === 'test:fail') f.failed += 1;
    }
  }
  const rows = [...files].map(([file, f]) => ({ file: path.basename(file), s: (f.last - f.first) / 1000, ...f }))
    .sort((a, b) => b.s - a.s);
  yield 'file times (s, start to end of each file; they overlap when files run side by side):\n';
  for (const r of rows) yield `  ${r.s.toFixed(1).padStart(7)}  ${String(r.tests).padStart(3)} tests${r.failed ? ` (${r.failed} failed)` : ''}  ${r.file}\n`;
}
