import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A machine without the optional tools (docker-compose, chromium): jest runs the files that need them with a PATH
 * that holds only node. Outside CI they are skipped with the reason in the test's name and nothing crashes; with
 * CI=true they fail, saying what to install.
 */

const ROOT = path.resolve(__dirname, '..');
const NO_DATABASE = path.join(ROOT, 'test/fixtures/optional-tools/no-database.ts');
const FILES = ['test/docker-compose.test.ts', 'test/e2e/explorer-quiz.test.ts'];

let bin: string;

beforeAll(() => {
  bin = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-bare-path-'));
  fs.symlinkSync(process.execPath, path.join(bin, 'node'));
});

afterAll(() => fs.rmSync(bin, { recursive: true, force: true }));

interface JestReport {
  numFailedTests: number;
  numPassedTests: number;
  numPendingTests: number;
  testResults: { assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
}

function runJestWithoutTools(ci: boolean): JestReport {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: bin };
  delete env.CI;
  // Nothing here may need the database: a hook that ran by mistake fails fast instead of starting one.
  delete env.NEO4J_URI;
  if (ci) env.CI = 'true';
  const run = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/jest/bin/jest.js'),
      '--runInBand',
      '--json',
      `--globalSetup=${NO_DATABASE}`,
      `--globalTeardown=${NO_DATABASE}`,
      ...FILES,
    ],
    { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 },
  );
  if (!run.stdout.trim().startsWith('{')) throw new Error(`jest did not report: ${run.stderr}`);
  return JSON.parse(run.stdout) as JestReport;
}

const results = (report: JestReport) => report.testResults.flatMap((file) => file.assertionResults);

describe('tests that need a tool npm install does not provide', () => {
  it('are skipped outside CI, each saying which tool is missing and how to get it, and nothing fails', () => {
    const report = runJestWithoutTools(false);
    expect(report.numFailedTests).toBe(0);
    const skipped = results(report)
      .filter((r) => r.status === 'pending')
      .map((r) => r.fullName);
    expect(skipped).toContain(
      'docker-compose.yml is valid for docker-compose 1.29 (docker-compose config -q) (skipped: docker-compose is not installed (apt-get install docker-compose; bash .ci/run installs it))',
    );
    expect(
      skipped.filter((name) =>
        name.startsWith(
          'explorer: quiz me (skipped: chromium is not installed (apt-get install chromium; bash .ci/run installs it))',
        ),
      ).length,
    ).toBeGreaterThan(0);
    // The compose file's other checks need no tool and still run.
    expect(report.numPassedTests).toBe(4);
  }, 180_000);

  it('fail under CI=true, saying what to install', () => {
    const report = runJestWithoutTools(true);
    const failed = results(report).filter((r) => r.status === 'failed');
    expect(failed.map((r) => r.fullName).sort()).toEqual([
      'docker-compose.yml is valid for docker-compose 1.29 (docker-compose config -q)',
      'explorer: quiz me needs chromium',
    ]);
    for (const r of failed)
      expect(r.failureMessages.join('\n')).toMatch(
        /is not installed \(apt-get install (docker-compose|chromium); bash \.ci\/run installs it\)\. With CI=true it is required/,
      );
    expect(report.numPendingTests).toBe(0);
  }, 180_000);
});
