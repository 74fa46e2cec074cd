import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..', '..');
const DOCUMENTS = ['ConceptList.ts', 'HubRelations.ts'];

/** Why relay-compiler cannot run on this machine, or undefined when it can. */
export function relayCompilerUnavailable(): string | undefined {
  let binary: string | null;
  try {
    binary = require('relay-compiler') as string | null;
  } catch {
    return 'the relay-compiler package is not installed (run npm install)';
  }
  if (binary === null) return `relay-compiler ships no binary for ${process.platform}/${process.arch}`;
  if (!fs.existsSync(binary)) return `relay-compiler's binary is missing at ${path.relative(ROOT, binary)}`;
  return undefined;
}

/**
 * Compiles the fragments next to this file against the committed SDL (`schema/schema.graphql`) into a fresh
 * temporary folder and returns the folder holding the artifacts. Nothing generated is committed: every run proves
 * the fragments still compile against the schema as it is.
 */
export function compileRelayArtifacts(): { artifacts: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-relay-'));
  const src = path.join(dir, 'src');
  fs.mkdirSync(src);
  for (const file of DOCUMENTS) fs.copyFileSync(path.join(__dirname, file), path.join(src, file));
  fs.copyFileSync(path.join(ROOT, 'schema', 'schema.graphql'), path.join(dir, 'schema.graphql'));
  const config = path.join(dir, 'relay.config.json');
  fs.mkdirSync(path.join(dir, 'artifacts'));
  fs.writeFileSync(
    config,
    JSON.stringify({
      src: './src',
      schema: './schema.graphql',
      language: 'typescript',
      artifactDirectory: './artifacts',
    }),
  );
  try {
    execFileSync(require('relay-compiler') as string, [config], { cwd: dir, stdio: 'pipe', timeout: 60_000 });
  } catch (error) {
    const output = error as { stdout?: Buffer; stderr?: Buffer };
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `relay-compiler failed on test/clients/relay against schema/schema.graphql:\n${output.stdout ?? ''}${output.stderr ?? ''}`,
      { cause: error },
    );
  }
  return { artifacts: path.join(dir, 'artifacts'), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Loads the artifacts relay-compiler wrote (TypeScript) as the modules a bundler would make of them: each is
 * transpiled to CommonJS next to itself, so the artifacts' own `require`s of each other resolve.
 */
export function loadArtifact<T>(artifacts: string, name: string): T {
  const js = path.join(artifacts, `${name}.graphql.js`);
  if (!fs.existsSync(js)) {
    for (const file of fs.readdirSync(artifacts).filter((f) => f.endsWith('.graphql.ts'))) {
      const source = fs.readFileSync(path.join(artifacts, file), 'utf8');
      const { outputText } = ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      });
      fs.writeFileSync(path.join(artifacts, file.replace(/\.ts$/, '.js')), outputText);
    }
  }
  const loaded = require(js) as { default?: T };
  return (loaded.default ?? loaded) as T;
}
