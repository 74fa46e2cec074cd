import fs from 'node:fs';

/** CPU time in microseconds: user, system, and the two together. */
export interface CpuTimes {
  user: number;
  system: number;
  total: number;
}

/** CPU time from a `/proc` stat line (clock ticks of 10 ms). */
function statTimes(stat: string): CpuTimes {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of stat (utime, stime) are the 12th and 13th after the command; USER_HZ, which Linux fixes at
  // 100 for /proc whatever the kernel's own rate.
  const user = Number(fields[11]) * 10_000;
  const system = Number(fields[12]) * 10_000;
  return { user, system, total: user + system };
}

/** CPU time process `pid` has used so far; throws once the process is gone. */
export function processCpu(pid: number): CpuTimes {
  return statTimes(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
}

/**
 * CPU time of the whole database process and of its Bolt worker threads alone. The threads' figure counts only
 * the statements' own work (no garbage collection, no compiler threads), and other work on the machine cannot
 * inflate it, so it moves much less from batch to batch than the process's.
 */
export function cpuMicros(pid: number): { total: number; bolt: number } {
  let bolt = 0;
  for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
      if (/\(.*bolt.*\)/i.test(stat.slice(0, stat.lastIndexOf(')') + 1))) bolt += statTimes(stat).total;
    } catch {
      // A thread that ended between the listing and the read.
    }
  }
  return { total: processCpu(pid).total, bolt };
}
