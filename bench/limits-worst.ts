import 'reflect-metadata';

import { getIntrospectionQuery, parse, validate } from 'graphql';

import { loadConfig } from '../src/config';
import { aliasCount, documentShape, operationShape } from '../src/http/limits.analysis';
import { buildAtlasSchema } from '../src/schema/build';

/**
 * The worst time the query analysis takes on any of the known hostile shapes, each grown to MAX_QUERY_LENGTH: what one
 * request can make the event loop spend before the limits answer. Each document is timed through what the server does
 * with it: parse (with the token limit), the shape check before validation, and, for documents that pass it,
 * graphql-js validation and the per-operation analysis.
 *
 * Run: `npm run build:bench && node dist/bench/limits-worst.js` (settings from the environment, as the server reads them).
 */

function fill(prefix: string, unit: (i: number) => string, suffix: string, length: number): string {
  let text = prefix;
  for (let i = 0; text.length + unit(i).length + suffix.length <= length; i += 1) text += unit(i);
  return text + suffix;
}

function fanOut(length: number): string {
  const parts = ['query FanOut { ...F0 }'];
  let i = 0;
  const last = (n: number) => `fragment F${n} on Query { stats { concepts } }`;
  while (
    parts.join('\n').length + `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`.length + last(i + 1).length + 2 <=
    length
  ) {
    parts.push(`fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
    i += 1;
  }
  parts.push(last(i));
  return parts.join('\n');
}

function ofTypes(levels: number): string {
  let inner = 'name';
  for (let i = 0; i < levels; i += 1) inner = `ofType { ${inner} }`;
  return `{ __schema { types { fields { type { ${inner} } } } } }`;
}

function documents(length: number): Record<string, string> {
  return {
    'fragment fan-out': fanOut(length),
    'one fragment spread over and over': fill(
      'query { ',
      () => '...F ',
      '} fragment F on Query { stats { concepts relations } }',
      length,
    ),
    'the same field over and over': fill('{ stats { ', () => 'concepts ', '} }', length),
    'root __typename over and over': fill('{ ', () => '__typename ', '}', length),
    'one directive over and over': fill('{ stats { concepts ', () => '@skip(if: false) ', '} }', length),
    'alias flood': fill('{ ', (i) => `a${i}:__typename `, '}', length),
    'different root fields': fill('{ ', (i) => `c${i}: concept(slug: "s${i}") { slug } `, '}', length),
    'deep introspection': ofTypes(Math.floor((length - 60) / 11)),
    'the standard introspection query': getIntrospectionQuery(),
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const limits = config.limits;
  const schema = await buildAtlasSchema();
  const sizes = {
    defaultPageSize: limits.defaultPageSize,
    maxSize: Math.max(limits.maxPageSize, limits.maxNeighborhoodNodes),
  };
  const lines: string[] = [];
  let worst = { name: '', ms: 0 };
  for (const [name, text] of Object.entries(documents(limits.maxQueryLength))) {
    // Best of three runs, so a pause of the shared machine is not counted as the analysis.
    let best = Infinity;
    let outcome = '';
    for (let run = 0; run < 3; run += 1) {
      const started = performance.now();
      try {
        const document = parse(text, { maxTokens: limits.maxQueryTokens, noLocation: true });
        const shape = documentShape(schema, document, sizes);
        if (shape.selections > limits.maxQuerySelections || shape.introspectionDepth > limits.maxIntrospectionDepth) {
          outcome = `refused before validation (${shape.selections > limits.maxQuerySelections ? 'expanded size' : 'introspection depth'})`;
        } else {
          const errors = validate(schema, parse(text, { maxTokens: limits.maxQueryTokens }));
          if (errors.length > 0) {
            outcome = `validation error: ${errors[0].message.slice(0, 60)}`;
          } else {
            const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
            if (operation?.kind === 'OperationDefinition') operationShape(schema, document, operation, {}, sizes);
            aliasCount(document);
            outcome = 'analysed';
          }
        }
      } catch (error) {
        outcome = `parse error: ${(error as Error).message.slice(0, 60)}`;
      }
      best = Math.min(best, performance.now() - started);
    }
    if (best > worst.ms) worst = { name, ms: best };
    lines.push(
      `${name.padEnd(36)} ${String(text.length).padStart(6)} chars  ${best.toFixed(1).padStart(7)} ms  ${outcome}`,
    );
  }
  lines.push(
    `worst: ${worst.name}, ${worst.ms.toFixed(1)} ms (MAX_QUERY_LENGTH ${limits.maxQueryLength}, MAX_QUERY_TOKENS ${limits.maxQueryTokens}, MAX_QUERY_SELECTIONS ${limits.maxQuerySelections})`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
