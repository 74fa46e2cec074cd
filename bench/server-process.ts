import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import readline from 'node:readline';

/** A GraphQL server in a child process we can measure: its URL, its peak memory, and a way to stop it. */
export interface ServerProcess {
  url: string;
  pid: number;
  /** Peak resident memory of the server process so far, in MiB (VmHWM). */
  peakRssMiB(): number;
  /** Resident memory of the server process now, in MiB (VmRSS). */
  rssMiB(): number;
  stop(): Promise<void>;
  /**
   * What is known about the process when a request to it fails: whether it still runs (or its exit code or signal)
   * and the last lines it printed, so a failed step names its cause instead of a bare `fetch failed`.
   */
  describe(): string;
}

/** Lines of a server's output kept for describe(). */
const TAIL_LINES = 20;

/** A memory figure of /proc/<pid>/status in MiB; 0 once the process is gone. */
function statusMiB(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

interface LogLine {
  graphql?: string;
  level?: number;
  msg?: string;
  path?: string;
  err?: { type?: string; message?: string; code?: unknown };
}

/** An error line as the bench prints it: the message, and the error it carries (type, code, message), if any. */
function describeLogLine(entry: LogLine): string {
  const { err } = entry;
  if (!err) return entry.msg ?? '';
  const code = err.code === undefined ? '' : ` ${String(err.code)}`;
  return `${entry.msg}${entry.path ? ` (${entry.path})` : ''}: ${err.type ?? 'Error'}${code}: ${err.message ?? ''}`;
}

/**
 * Starts `node <script> ...args` and resolves once it prints a JSON line with a `graphql` URL. Other JSON lines at
 * error level or above are passed on to stderr; everything else the server prints is read and dropped, so its pipe
 * never fills up.
 */
export async function startServerProcess(
  name: string,
  script: string,
  env: Record<string, string | undefined>,
  nodeArgs: string[] = [],
): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const remember = (line: string) => {
    tail.push(line.length > 400 ? `${line.slice(0, 400)}…` : line);
    if (tail.length > TAIL_LINES) tail.shift();
  };
  let exit: string | undefined;
  let stopping = false;
  child.once('exit', (code, signal) => {
    exit = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    // Said at once: every later answer from this contestant will fail, and this is why.
    if (!stopping) process.stderr.write(`${name} (pid ${child.pid}) ${exit} while the benchmark still needed it\n`);
  });
  // Whatever the server writes to stderr (a crash's stack trace) is shown and kept.
  readline.createInterface({ input: child.stderr! }).on('line', (line) => {
    remember(line);
    process.stderr.write(`${name}: ${line}\n`);
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within 180 s`));
    }, 180000);
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      remember(line);
      try {
        const entry = JSON.parse(line) as LogLine;
        if (entry.graphql) {
          clearTimeout(timer);
          resolve(entry.graphql);
        } else if ((entry.level ?? 0) >= 50) {
          process.stderr.write(`${name}: ${describeLogLine(entry)}\n`);
        }
      } catch {
        // not a log line
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before it was ready; its last output:\n${tail.join('\n')}`));
    });
  });
  return {
    url,
    pid: child.pid!,
    peakRssMiB: () => statusMiB(child.pid!, 'VmHWM'),
    rssMiB: () => statusMiB(child.pid!, 'VmRSS'),
    describe() {
      const state = exit
        ? `${name} (pid ${child.pid}) ${exit}`
        : `${name} (pid ${child.pid}) is still running, RSS ${statusMiB(child.pid!, 'VmRSS')} MiB`;
      return `${state}; its last output:\n${tail.length ? tail.map((line) => `    ${line}`).join('\n') : '    (nothing)'}`;
    },
    stop() {
      stopping = true;
      return new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 30000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      });
    },
  };
}
