import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import config from './codegen.json';

const ROOT = path.join(__dirname, '..', '..', '..');

/** The committed output of GraphQL Code Generator for the operations in `test/clients/operations/`. */
export const GENERATED_FILE = Object.keys(config.generates)[0];

/** Why GraphQL Code Generator cannot run here, or undefined when it can. */
export function codegenUnavailable(): string | undefined {
  for (const name of [
    '@graphql-codegen/cli/package.json',
    '@graphql-codegen/typescript',
    '@graphql-codegen/typescript-operations',
  ]) {
    try {
      require.resolve(name);
    } catch {
      return `${name.replace('/package.json', '')} is not installed (run npm install)`;
    }
  }
  return undefined;
}

/**
 * Runs the GraphQL Code Generator CLI with `codegen.json` (the config `npm run codegen:clients` uses) against another
 * schema source (a URL, introspected live, or an SDL file) and returns the generated TypeScript without touching the
 * committed file. The CLI runs in its own process: it is an ES module that jest's CommonJS runtime cannot load.
 */
export async function generateOperationTypes(schema: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-codegen-'));
  try {
    const output = path.join(dir, 'operations.generated.ts');
    const configFile = path.join(dir, 'codegen.json');
    fs.writeFileSync(
      configFile,
      JSON.stringify({ ...config, schema, generates: { [output]: Object.values(config.generates)[0] } }),
    );
    const bin = path.join(path.dirname(require.resolve('@graphql-codegen/cli/package.json')), 'esm', 'bin.js');
    try {
      // Asynchronous: the server answering the live introspection runs in this very process.
      await promisify(execFile)(process.execPath, [bin, '--config', configFile, '--silent'], {
        cwd: ROOT,
        timeout: 120_000,
      });
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string };
      throw new Error(
        `GraphQL Code Generator failed against ${schema}:\n${failed.stdout ?? ''}${failed.stderr ?? ''}`,
        { cause: error },
      );
    }
    return fs.readFileSync(output, 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
