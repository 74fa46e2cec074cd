import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { useTestServer } from '../support/server';
import { GENERATED_FILE, codegenUnavailable, generateOperationTypes } from './codegen/generate';
import { allConcepts, allRelations } from './codegen/typed-client';
import { HUB, relatedConcepts, sortConcepts, sortRelations, storedConcepts, storedRelations } from './support/facts';
import { CONCEPT_PAGE, RELATED_PAGE_SIZES, operation } from './support/operations';
import { reportReading } from './support/report';
import { edgeFacts } from './support/shapes';
import { describeWithTool } from './support/tools';

const ROOT = path.join(__dirname, '..', '..');

describeWithTool(
  'GraphQL Code Generator (typescript + typescript-operations) and tsc --strict',
  codegenUnavailable,
  () => {
    const server = useTestServer();
    let fromEndpoint: string;
    let fromSdl: string;

    beforeAll(async () => {
      fromEndpoint = await generateOperationTypes(server.url);
      fromSdl = await generateOperationTypes('schema/schema.graphql');
    });

    it('generates the same types from the live endpoint as from schema/schema.graphql', () => {
      expect(fromEndpoint).toContain('export type ConceptsPageQuery = ');
      expect(fromEndpoint).toContain('export type HubRelationsQuery = ');
      expect(fromEndpoint).toBe(fromSdl);
    });

    it(`matches the committed ${GENERATED_FILE} (regenerate it with npm run codegen:clients)`, () => {
      expect(fs.readFileSync(path.join(ROOT, GENERATED_FILE), 'utf8')).toBe(fromSdl);
    });

    it('compiles the generated types and a typed client under tsc --strict', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-codegen-'));
      try {
        fs.writeFileSync(path.join(dir, 'operations.generated.ts'), fromEndpoint);
        fs.copyFileSync(path.join(__dirname, 'codegen', 'typed-client.ts'), path.join(dir, 'typed-client.ts'));
        const tsc = require.resolve('typescript/bin/tsc');
        const args = [
          '--strict',
          '--noEmit',
          '--target',
          'ES2022',
          '--lib',
          'ES2023,DOM',
          '--module',
          'commonjs',
          'typed-client.ts',
          'operations.generated.ts',
        ];
        let output = '';
        try {
          execFileSync(process.execPath, [tsc, ...args], { cwd: dir, stdio: 'pipe', timeout: 120_000 });
        } catch (error) {
          const failed = error as { stdout?: Buffer; stderr?: Buffer };
          output = `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
        }
        expect(output).toBe('');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('the typed client reads every concept and every relation of the hub, as stored', async () => {
      const db = server.atlas.database.gateway;
      const [concepts, relations] = [await storedConcepts(db), await storedRelations(db)];
      const list = await allConcepts(server.url, operation('ConceptsPage'), CONCEPT_PAGE);
      const conceptFacts = list.concepts.map((c) => ({ slug: c.slug, kind: c.kind, source: c.source, tags: c.tags }));
      reportReading('codegen-typed-client', 'concepts', {
        facts: conceptFacts.length,
        pages: list.pages,
        stored: concepts.length,
      });
      expect(sortConcepts(conceptFacts)).toEqual(concepts);
      const hub = await allRelations(server.url, operation('HubRelations'), HUB, RELATED_PAGE_SIZES[0]);
      const relationFacts = edgeFacts(hub!.edges);
      reportReading('codegen-typed-client', `relations of ${HUB}`, {
        facts: relationFacts.length,
        pages: hub!.pages,
        stored: relations.length,
      });
      expect(hub!.edges.map((edge) => edge.node.slug).sort()).toEqual(relatedConcepts(relations));
      expect(sortRelations(relationFacts)).toEqual(relations);
    });
  },
);
