/**
 * Three projects, one run: `npm test` runs them all; `npx jest --selectProjects unit` runs one.
 *
 * - unit: pure logic, no database, no Java, no server; runs in seconds on a machine with node alone.
 * - integration: the real service and the real Neo4j (and the tools some tests drive: nginx, docker-compose, jest
 *   itself); a new file under test/ lands here.
 * - browser: test/e2e, the playground and the explorer in headless Chromium against the real service.
 *
 * The global setup that starts Neo4j belongs to the last two projects only. Jest runs a project's global setup only
 * when the run holds a test of that project, and runs one module once even when two projects name it, so a unit run
 * starts no database and a full run starts one.
 */

/** Pure tests that live under test/ because they check the repository's files rather than one module. */
const UNIT_IN_TEST = [
  'test/schema-drift.test.ts',
  'test/seed-coverage.test.ts',
  'test/lint/check-layers.test.ts',
  'test/bench-learners.test.ts',
  'test/bench-report.test.ts',
];

const escapeRegExp = (file) => file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** @type {import('jest').Config} */
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  setupFiles: ['reflect-metadata'],
  testTimeout: 60000,
  slowTestThreshold: 20,
};

/** @type {import('jest').Config} */
const withDatabase = {
  ...shared,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      roots: ['<rootDir>/src', '<rootDir>/test'],
      testMatch: ['<rootDir>/src/**/*.test.ts', ...UNIT_IN_TEST.map((file) => `<rootDir>/${file}`)],
    },
    {
      ...withDatabase,
      displayName: 'integration',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: [
        '/node_modules/',
        '<rootDir>/test/e2e/',
        ...UNIT_IN_TEST.map((file) => `<rootDir>/${escapeRegExp(file)}$`),
      ],
    },
    {
      ...withDatabase,
      displayName: 'browser',
      roots: ['<rootDir>/test/e2e'],
      testMatch: ['**/*.test.ts'],
    },
  ],
};
