// A node:test reporter that prints, per test file, the wall time from its first test event to its last and
// its test count, slowest first — to see where a suite's time goes (scripts/node_suite.sh adds it; ADR 0050).
// Files run side by side, so the times overlap and add up to more than the suite took.
import path from 'node:path';

export default async function* fileTimes(source) {
  const files = new Map();
  const seen = (file) => {
    if (!files.has(file)) files.set(file, { first: Date.now(), last: Date.now(), tests: 0, failed: 0 });
    return files.get(file);
  };
  for await (const { type, data } of source) {
    if (!data?.file) continue;
    if (type === 'test:enqueue' || type === 'test:dequeue' || type === 'test:start') seen(data.file);
    if (type === 'test:pass' || type === 'test:fail') {
      const f = seen(data.file);
      f.last = Date.now();
      if (data.nesting === 0 && !data.details?.type) {
        f.tests += 1;
        if (type === 'test:fail') f.failed += 1;
      }
    }
  }
  const rows = [...files].map(([file, f]) => ({ file: path.basename(file), s: (f.last - f.first) / 1000, ...f }))
    .sort((a, b) => b.s - a.s);
  yield 'file times (s, first event to last; files overlap when run side by side):\n';
  for (const r of rows) yield `  ${r.s.toFixed(1).padStart(7)}  ${String(r.tests).padStart(3)} tests${r.failed ? ` (${r.failed} failed)` : ''}  ${r.file}\n`;
}
