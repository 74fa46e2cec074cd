import fs from 'node:fs';
import path from 'node:path';

/** Where a server spends its CPU, from a V8 .cpuprofile (node --cpu-prof): self time by package and by function. */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  startTime: number;
  endTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface CpuShare {
  name: string;
  percent: number;
}

export interface CpuSummary {
  file: string;
  totalMs: number;
  byPackage: CpuShare[];
  byFunction: CpuShare[];
}

/** `node_modules/@scope/pkg/...` -> `@scope/pkg`; our own files by their path under src/; node internals as `node`. */
function packageOf(url: string): string {
  if (!url) return '(native / idle / gc)';
  if (url.startsWith('node:')) return 'node';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const src = url.indexOf('/dist/src/');
  if (src >= 0) return `ours: ${url.slice(src + '/dist/'.length)}`;
  return path.basename(url);
}

function top(map: Map<string, number>, total: number, n: number): CpuShare[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, us]) => ({ name, percent: Math.round((1000 * us) / total) / 10 }));
}

/**
 * Self time by package and function. `window` keeps only the samples taken between `fromEndMs` and `toEndMs`
 * before the profile ended, so start-up (module loading, seed check) does not drown the requests.
 */
export function summarizeCpuProfile(file: string, window?: { fromEndMs: number; toEndMs: number }, n = 12): CpuSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  const from = window ? profile.endTime - window.fromEndMs * 1000 : -Infinity;
  const to = window ? profile.endTime - window.toEndMs * 1000 : Infinity;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at >= from && at <= to) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)' || frame.functionName === '(program)') continue;
    total += us;
    const pkg = packageOf(frame.url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
    const fn = `${frame.functionName || '(anonymous)'} (${pkg}${frame.url ? `:${frame.lineNumber + 1}` : ''})`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  return {
    file,
    totalMs: Math.round(total / 1000),
    byPackage: top(byPackage, total, n),
    byFunction: top(byFunction, total, n),
  };
}
