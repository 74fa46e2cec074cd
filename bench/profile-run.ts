import fs from 'node:fs';
import path from 'node:path';

import { startApiProcess } from './api-process';
import { summarizeCpuProfile } from './cpu-profile';
import type { BenchDatabase } from './database';
import { loadHttp } from './load-http';
import type { BenchOptions } from './options';
import { SHAPE_TITLES, shapeCases, type ShapeParams } from './shapes';

/**
 * `npm run bench -- --profile`: for each shape, our server alone under the same load with node --cpu-prof, then
 * where its CPU went (self time by package and by function). One server per shape, so each profile is one question.
 */
export async function runProfile(
  db: BenchDatabase,
  params: ShapeParams,
  options: BenchOptions,
  resultsDir: string,
  progress: (line: string) => void,
): Promise<void> {
  const dir = path.join(resultsDir, 'profiles', new Date().toISOString().replace(/[:.]/g, '-'));
  fs.mkdirSync(dir, { recursive: true });
  const lines: string[] = [];
  for (const shape of shapeCases(params)) {
    const shapeDir = path.join(dir, shape.id);
    // The cache off: a profile of repeated questions would otherwise show cache hits, not the request path.
    const server = await startApiProcess({ NEO4J_URI: db.uri, RESPONSE_CACHE_BYTES: '0' }, [
      '--cpu-prof',
      '--cpu-prof-dir',
      shapeDir,
    ]);
    const body = JSON.stringify(shape.ours);
    let measuredFrom = 0;
    let measuredTo = 0;
    try {
      await loadHttp(server.url, body, { connections: options.connections, seconds: 2, warmupSeconds: 0 });
      measuredFrom = performance.now();
      const m = await loadHttp(server.url, body, {
        connections: options.connections,
        seconds: options.profileSeconds,
        warmupSeconds: 0,
      });
      measuredTo = performance.now();
      progress(`profile ${shape.id}: ${m.rps.toFixed(0)} req/s${m.errors ? `, ${m.errors} errors` : ''}`);
    } finally {
      await server.stop();
    }
    const exited = performance.now();
    const file = fs.readdirSync(shapeDir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) {
      lines.push(`## ${SHAPE_TITLES[shape.id]}: no profile written`);
      continue;
    }
    // Only the measured load: the profile ends when the server exits, shortly before `exited`.
    const summary = summarizeCpuProfile(path.join(shapeDir, file), {
      fromEndMs: exited - measuredFrom,
      toEndMs: Math.max(0, exited - measuredTo),
    });
    lines.push(
      `## ${SHAPE_TITLES[shape.id]} (${summary.totalMs} ms of CPU on the main thread while measured)`,
      '',
      'by package: ' + summary.byPackage.map((s) => `${s.name} ${s.percent}%`).join(', '),
      '',
      ...summary.byFunction.map((s) => `- ${s.percent}% ${s.name}`),
      '',
    );
  }
  const text = lines.join('\n');
  fs.writeFileSync(path.join(dir, 'summary.md'), `${text}\n`);
  process.stdout.write(`${text}\nprofiles: ${path.relative(path.resolve(resultsDir, '..', '..'), dir)}\n`);
}
