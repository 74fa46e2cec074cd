/**
 * Checks how `src/` folders depend on each other, which ESLint's file-level `import-x/no-cycle` cannot see:
 * - no cycle between folders (`src/concept` → `src/relation` → `src/concept`), counting value imports only
 *   (`import type` is erased by the compiler and cannot create a load-order cycle);
 * - a read flows one way: http → resolvers → services and loaders (the read-ahead) → repositories → neo4j, so a file
 *   of one role never imports a file of a role before it (a repository never imports a resolver or a service); plain
 *   modules (types, plans, models) have no role and may be used by any.
 * Run by `npm run lint`; exits 1 and names every offending import.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** The repository root: the nearest folder above this file (run from `scripts/` or built into `dist/scripts/`) with a
 * package.json. */
const ROOT = (function findRoot(dir: string): string {
  return existsSync(join(dir, 'package.json')) || dirname(dir) === dir ? dir : findRoot(dirname(dir));
})(resolve(__dirname, '..'));
const SRC = join(ROOT, 'src');

/** Roles in the order a read flows; a file may import only roles after its own. */
const ROLES = ['http', 'resolver', 'service', 'repository', 'neo4j'] as const;
type Role = (typeof ROLES)[number];

export function roleOf(file: string): Role | undefined {
  const path = relative(SRC, file).split('\\').join('/');
  if (path.startsWith('http/') || path === 'app.ts' || path === 'main.ts') return 'http';
  if (path.endsWith('.resolver.ts')) return 'resolver';
  // Loaders (the read-ahead's among them) batch and cache what services and resolvers read through repositories.
  if (path.endsWith('.service.ts') || path.endsWith('.loader.ts')) return 'service';
  if (path.endsWith('.repository.ts')) return 'repository';
  if (path.startsWith('neo4j/')) return 'neo4j';
  return undefined;
}

/** Files that wire every capability together (the schema from all resolvers, the context from all repositories): each
 * is a group of its own, or every folder they import would seem to sit in one cycle with theirs. */
const COMPOSITION_ROOTS = new Set(['app.ts', 'main.ts', 'context.ts', 'schema/build.ts', 'schema/emit.ts']);

/** The group a file belongs to for the cycle check: its top folder under src, or the file itself at the top. */
export function groupOf(file: string): string {
  const path = relative(SRC, file).split('\\').join('/');
  if (COMPOSITION_ROOTS.has(path)) return path.replace(/\.ts$/, '');
  const slash = path.indexOf('/');
  return slash < 0 ? path.replace(/\.ts$/, '') : path.slice(0, slash);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Relative value imports of a file, resolved to files (`import type` and `export type` left out). */
export function valueImports(file: string, text: string, exists: (file: string) => boolean): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, false);
  const targets: string[] = [];
  for (const statement of source.statements) {
    let specifier: ts.Expression | undefined;
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypes =
        clause &&
        !clause.name &&
        named &&
        ts.isNamedImports(named) &&
        named.elements.length > 0 &&
        named.elements.every((e) => e.isTypeOnly);
      if (onlyTypes) continue;
      specifier = statement.moduleSpecifier;
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      specifier = statement.moduleSpecifier;
    }
    if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
    const base = resolve(dirname(file), specifier.text);
    const candidates = [`${base}.ts`, join(base, 'index.ts')];
    const found = candidates.find(exists);
    if (found) targets.push(found);
  }
  return targets;
}

/** Every problem among `files` (absolute paths under src/), as lines to print. */
export function checkLayers(files: string[], read: (file: string) => string): string[] {
  const problems: string[] = [];
  const edges = new Map<string, Map<string, string>>();
  const known = new Set(files);
  for (const file of files) {
    for (const target of valueImports(file, read(file), (candidate) => known.has(candidate))) {
      const from = roleOf(file);
      const to = roleOf(target);
      if (from && to && ROLES.indexOf(to) < ROLES.indexOf(from)) {
        problems.push(
          `${relative(ROOT, file)}: a ${from} imports a ${to} (${relative(ROOT, target)}); reads flow ${ROLES.join(' → ')}`,
        );
      }
      const a = groupOf(file);
      const b = groupOf(target);
      if (a === b) continue;
      if (!edges.has(a)) edges.set(a, new Map());
      if (!edges.get(a)!.has(b)) edges.get(a)!.set(b, `${relative(ROOT, file)} → ${relative(ROOT, target)}`);
    }
  }
  for (const cycle of folderCycles(edges)) {
    const steps = cycle.map((group, i) => edges.get(group)!.get(cycle[(i + 1) % cycle.length])!);
    problems.push(`import cycle between src folders ${[...cycle, cycle[0]].join(' → ')}:\n    ${steps.join('\n    ')}`);
  }
  return problems;
}

/** One cycle per strongly connected group of folders (Tarjan), each as the folders along it. */
function folderCycles(edges: Map<string, Map<string, string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) cycles.push(shortestCycle(component, edges));
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

/** A shortest cycle inside one strongly connected component, found by breadth-first search from its first member. */
function shortestCycle(component: string[], edges: Map<string, Map<string, string>>): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0];
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of edges.get(node)?.keys() ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0])!);
        return path;
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return component;
}

if (require.main === module) {
  const problems = checkLayers(sourceFiles(SRC), (file) => readFileSync(file, 'utf8'));
  for (const problem of problems) process.stderr.write(`${problem}\n`);
  if (problems.length > 0) {
    process.stderr.write(
      `\n${problems.length} layering problem(s) in src/. Move the shared piece to the folder both need, or invert the dependency.\n`,
    );
    process.exit(1);
  }
  process.stdout.write(
    'src/ layers: no folder cycles, every import flows http → resolvers → services → repositories → neo4j\n',
  );
}
