import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { runNoteCli } from './note.cli';

/** `note:index` and `note:check` on a small note in a temporary folder, judged by exit code and output. */

const NOTE = '# Guide\n\n## Containers\nA **Container** shares the `Kernel`.\n';

let dir: string;
let env: NodeJS.ProcessEnv;
const indexFile = () => path.join(dir, 'seed', 'note', 'note-index.json');

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-note-'));
  fs.mkdirSync(path.join(dir, 'seed'));
  fs.writeFileSync(path.join(dir, 'guide.md'), NOTE);
  env = { NODE_ENV: 'test', SEED_DIR: path.join(dir, 'seed'), SOURCE_NOTE: path.join(dir, 'guide.md') };
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npm run note:index / note:check', () => {
  it('index writes the index from the note, and check then passes', () => {
    const written = runNoteCli(['index'], env);
    expect(written.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(indexFile(), 'utf8'))).toEqual({
      note: 'guide.md',
      sections: [
        { path: 'Guide', line: 1 },
        { path: 'Guide > Containers', line: 3 },
        { path: 'Containers', line: 3 },
      ],
      terms: [
        { kind: 'heading', text: 'Guide', line: 1 },
        { kind: 'heading', text: 'Containers', line: 3 },
        { kind: 'bold', text: 'Container', line: 4 },
        { kind: 'inline code', text: 'Kernel', line: 4 },
      ],
    });
    const checked = runNoteCli(['check'], env);
    expect(checked).toMatchObject({ code: 0, err: [] });
    expect(checked.out[0]).toMatch(
      /^note:check passed: .*note-index\.json is what guide\.md gives today \(3 sections, 4 terms\)$/,
    );
  });

  it('check fails when the note changed since the index was written, listing what changed and how to fix it', () => {
    runNoteCli(['index'], env);
    fs.appendFileSync(path.join(dir, 'guide.md'), '**Image**\n');
    const checked = runNoteCli(['check'], env);
    expect(checked.code).toBe(1);
    expect(checked.err[0]).toMatch(
      /^note:check failed: .*note-index\.json is not what guide\.md gives today\. Run npm run note:index/,
    );
    expect(checked.err.slice(1)).toEqual(['  + {"kind":"bold","text":"Image","line":5}']);
  });

  it('check fails when there is no index at all', () => {
    const checked = runNoteCli(['check'], env);
    expect(checked.code).toBe(1);
    expect(checked.err[0]).toMatch(
      /^note:check failed: there is no .*note-index\.json; write it with npm run note:index and commit it\.$/,
    );
  });

  it('check says plainly that it was skipped when the note is not at hand, and leaves the index alone', () => {
    runNoteCli(['index'], env);
    const before = fs.readFileSync(indexFile(), 'utf8');
    fs.rmSync(path.join(dir, 'guide.md'));
    const checked = runNoteCli(['check'], env);
    expect(checked.code).toBe(0);
    expect(checked.out[0]).toMatch(
      /^note:check skipped: the source note is not at .*guide\.md, so .*note-index\.json cannot be compared with it\. Set SOURCE_NOTE/,
    );
    const indexed = runNoteCli(['index'], env);
    expect(indexed.code).toBe(2);
    expect(indexed.err[0]).toMatch(/set SOURCE_NOTE to the path of guide\.md and run it again/);
    expect(fs.readFileSync(indexFile(), 'utf8')).toBe(before);
  });

  it('refuses anything but one command', () => {
    expect(runNoteCli([], env).code).toBe(2);
    expect(runNoteCli(['index', 'extra'], env).err[0]).toBe(
      'note: expected one command, index or check; got "index extra"',
    );
  });
});
