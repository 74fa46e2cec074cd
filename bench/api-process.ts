import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

/** The real API server, started as `npm start` would (production settings), in a child process we can measure. */
export interface ApiProcess {
  url: string;
  pid: number;
  /** Peak resident memory of the server process so far, in MiB (VmHWM). */
  peakRssMiB(): number;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '..', '..');

export async function startApiProcess(env: Record<string, string> = {}): Promise<ApiProcess> {
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'dist', 'src', 'main.js')], {
    env: { ...process.env, NODE_ENV: 'production', LOG_PRETTY: 'false', LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the API did not start within 180 s')), 180000);
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { graphql?: string; level?: number; msg?: string };
        if (entry.graphql) {
          clearTimeout(timer);
          resolve(entry.graphql);
        } else if ((entry.level ?? 0) >= 50) {
          process.stderr.write(`${entry.msg}\n`);
        }
      } catch {
        // not a log line
      }
    });
    child.once('exit', (code) => reject(new Error(`the API exited with code ${code} before it was ready`)));
  });
  return {
    url,
    pid: child.pid!,
    peakRssMiB() {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return Math.round(kb / 1024);
    },
    stop() {
      return new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}
