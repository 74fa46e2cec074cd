import fs from 'node:fs';

/** User and system CPU time from a `/proc` stat line, in microseconds (clock ticks of 10 ms). */
function statTimes(stat: string): { user: number; system: number } {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of stat (utime, stime) are the 12th and 13th after the command; USER_HZ, which Linux fixes at
  // 100 for /proc whatever the kernel's own rate.
  return { user: Number(fields[11]) * 10_000, system: Number(fields[12]) * 10_000 };
}

function statMicros(stat: string): number {
  const { user, system } = statTimes(stat);
  return user + system;
}

/** User and system CPU time process `pid` has used so far, in microseconds; throws once the process is gone. */
export function processCpu(pid: number): { user: number; system: number } {
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
      if (/\(.*bolt.*\)/i.test(stat.slice(0, stat.lastIndexOf(')') + 1))) bolt += statMicros(stat);
    } catch {
      // A thread that ended between the listing and the read.
    }
  }
  const { user, system } = processCpu(pid);
  return { total: user + system, bolt };
}
