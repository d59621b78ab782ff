// Where the CPU goes, without perf: per-thread CPU time of a process from /proc/<pid>/task/*/stat (utime +
// stime, clock ticks of 1/100 s on Linux), grouped by thread name, and the machine's total from /proc/stat.
import fs from 'node:fs';

const TICK_S = 0.01;  // USER_HZ is 100 on Linux (sysconf(_SC_CLK_TCK))

// {threadName: cpuSeconds} for every thread of `pid` (threads with the same name are summed).
export function threadCpu(pid) {
  const out = {};
  let tasks = [];
  try { tasks = fs.readdirSync(`/proc/${pid}/task`); } catch { return out; }
  for (const tid of tasks) {
    let stat;
    try { stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8'); } catch { continue; }
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    const name = stat.slice(open + 1, close).replace(/[0-9]+$/, '#');  // worker-1, worker-2 → worker-#
    const fields = stat.slice(close + 2).split(' ');
    // fields[0] is field 3 (state); utime is field 14, stime field 15.
    const ticks = Number(fields[11]) + Number(fields[12]);
    out[name] = (out[name] || 0) + ticks * TICK_S;
  }
  return out;
}

// Machine-wide CPU seconds: {busy, idle, iowait} from the first line of /proc/stat.
export function machineCpu() {
  try {
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = f;
    return { busy: (user + nice + system + irq + softirq + steal) * TICK_S, idle: idle * TICK_S, iowait: iowait * TICK_S };
  } catch {
    return { busy: 0, idle: 0, iowait: 0 };
  }
}

// The difference of two threadCpu samples, largest first: [{thread, seconds}].
export function threadCpuDelta(before, after) {
  return Object.keys(after)
    .map((k) => ({ thread: k, seconds: Math.round(((after[k] || 0) - (before[k] || 0)) * 100) / 100 }))
    .filter((r) => r.seconds > 0)
    .sort((a, b) => b.seconds - a.seconds);
}

// Bytes written by `pid` so far (/proc/<pid>/io write_bytes), or null when not readable.
export function writtenBytes(pid) {
  try {
    const m = /write_bytes:\s*(\d+)/.exec(fs.readFileSync(`/proc/${pid}/io`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}
