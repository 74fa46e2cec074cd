import fs from 'node:fs';
import path from 'node:path';

/**
 * Tools some tests need that `npm install` cannot provide. Outside CI a missing one skips those tests, and says so
 * in the test's name and once at the start of the run; with CI=true (set by CI) it fails them instead, since there
 * `.ci/run` installs every tool and a skip would hide a check that should have run.
 */

export interface OptionalTool {
  name: string;
  /** What the tests that need it check, for the skip notice. */
  checks: string;
  /** How to get it. */
  install: string;
  /** Where it is, or undefined when it is not installed. */
  find(): string | undefined;
}

export const IN_CI = /^(true|1)$/i.test(process.env.CI ?? '');

/** The executable named `command` on PATH, if any. */
function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // Not in this folder; keep looking.
    }
  }
  return undefined;
}

/** Debian's chromium package: the browser tests drive it and never download a browser of their own. */
export const CHROMIUM: OptionalTool = {
  name: 'chromium',
  checks: 'the browser tests of the playground and the explorer (test/e2e)',
  install: 'apt-get install chromium',
  find: () => onPath('chromium'),
};

export const DOCKER_COMPOSE: OptionalTool = {
  name: 'docker-compose',
  checks: 'the validation of docker-compose.yml by docker-compose itself',
  install: 'apt-get install docker-compose',
  find: () => onPath('docker-compose'),
};

export const OPTIONAL_TOOLS: readonly OptionalTool[] = [CHROMIUM, DOCKER_COMPOSE];

function missing(tool: OptionalTool): string {
  return `${tool.name} is not installed (${tool.install}; bash .ci/run installs it)`;
}

/** What a test that needs `tool` says when the tool is missing under CI=true. */
function requiredInCi(tool: OptionalTool): Error {
  return new Error(
    `${missing(tool)}. With CI=true it is required, so ${tool.checks} run for real instead of being skipped.`,
  );
}

/** One line per missing tool, for the start of the run; empty when everything is installed. */
export function skipNotices(): string[] {
  return OPTIONAL_TOOLS.filter((tool) => !tool.find()).map((tool) =>
    IN_CI
      ? `missing under CI=true, so these tests fail: ${tool.checks}: ${missing(tool)}`
      : `skipped: ${tool.checks}: ${missing(tool)}`,
  );
}

/** `it`, for a test that needs `tool`: skipped with the reason in its name when the tool is missing, failing under CI. */
export function itWithTool(tool: OptionalTool, name: string, fn: () => unknown, timeout?: number): void {
  if (tool.find()) {
    it(name, fn as jest.ProvidesCallback, timeout);
  } else if (IN_CI) {
    it(name, () => {
      throw requiredInCi(tool);
    });
  } else {
    it.skip(`${name} (skipped: ${missing(tool)})`, fn as jest.ProvidesCallback, timeout);
  }
}

/** `describe`, for tests that all need `tool`: its hooks do not run either when the tool is missing outside CI. */
export function describeWithTool(tool: OptionalTool, name: string, body: () => void): void {
  if (tool.find()) {
    describe(name, body);
  } else if (IN_CI) {
    describe(name, () => {
      it(`needs ${tool.name}`, () => {
        throw requiredInCi(tool);
      });
    });
  } else {
    describe.skip(`${name} (skipped: ${missing(tool)})`, body);
  }
}
