import { join, resolve } from 'node:path';
import { checkLayers } from '../../scripts/check-layers';

const SRC = resolve(__dirname, '..', '..', 'src');

/** Runs the checker over an imaginary src/ tree given as { 'folder/file.ts': 'source text' }. */
function check(tree: Record<string, string>): string[] {
  const files = Object.keys(tree).map((path) => join(SRC, path));
  return checkLayers(files, (file) => tree[file.slice(SRC.length + 1)]);
}

describe('check-layers', () => {
  it('passes a tree whose imports flow one way', () => {
    expect(
      check({
        'http/server.ts': "import { schema } from '../schema/build';",
        'schema/build.ts': "import { ConceptResolver } from '../concept/concept.resolver';",
        'concept/concept.resolver.ts':
          "import { ConceptRepository } from './concept.repository';\nimport type { AtlasContext } from '../context';",
        'concept/concept.repository.ts': "import { Neo4jGateway } from '../neo4j/gateway';",
        'neo4j/gateway.ts': "import { config } from '../config';",
        'config.ts': '',
        'context.ts': "import { ConceptRepository } from './concept/concept.repository';",
      }),
    ).toEqual([]);
  });

  it('names both imports of a cycle between two folders', () => {
    expect(
      check({
        'concept/concept.repository.ts': "import { relationFields } from '../relation/relation.repository';",
        'relation/relation.repository.ts': "import { Concept } from '../concept/concept.type';",
        'concept/concept.type.ts': '',
      }),
    ).toEqual([
      'import cycle between src folders concept → relation → concept:\n' +
        '    src/concept/concept.repository.ts → src/relation/relation.repository.ts\n' +
        '    src/relation/relation.repository.ts → src/concept/concept.type.ts',
    ]);
  });

  it('leaves out type-only imports, which the compiler erases', () => {
    expect(
      check({
        'concept/concept.type.ts': "import type { Relation } from '../relation/relation.type';",
        'relation/relation.type.ts':
          "import { type Concept } from '../concept/concept.type';\nexport type { Concept } from '../concept/concept.type';",
      }),
    ).toEqual([]);
  });

  it('refuses a repository that imports a resolver', () => {
    expect(
      check({
        'quiz/quiz.repository.ts': "import { QuizResolver } from './quiz.resolver';",
        'quiz/quiz.resolver.ts': '',
      }),
    ).toEqual([
      'src/quiz/quiz.repository.ts: a repository imports a resolver (src/quiz/quiz.resolver.ts); reads flow http → resolver → service → repository → neo4j',
    ]);
  });

  it('refuses the gateway reaching up into a service', () => {
    expect(
      check({
        'neo4j/gateway.ts': "import { TourService } from '../tour/tour.service';",
        'tour/tour.service.ts': '',
      }),
    ).toEqual([
      'src/neo4j/gateway.ts: a neo4j imports a service (src/tour/tour.service.ts); reads flow http → resolver → service → repository → neo4j',
    ]);
  });
});
