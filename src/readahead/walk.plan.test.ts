import fs from 'node:fs';
import path from 'node:path';

import { buildSchema, type FieldNode, Kind, type OperationDefinitionNode, parse } from 'graphql';

import { Direction, Lang, RelationType } from '../graph/vocabulary';
import type { SelectionInfo } from './selection';
import { conceptReadAt, planConcept, planConcepts, planRelated, relatedChoiceOf, selectedWalk } from './walk.plan';

// The committed SDL is the schema clients see; planning reads only its shape, so no server or database is needed.
const schema = buildSchema(fs.readFileSync(path.join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8'));

/** The resolve info of the field at `fieldPath` (names from the operation's root), as graphql-js would pass it. */
function infoAt(query: string, fieldPath: string[], variableValues: Record<string, unknown> = {}): SelectionInfo {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  const fragments = Object.fromEntries(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  let nodes: readonly FieldNode[] = [
    { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '' }, selectionSet: operation.selectionSet },
  ];
  for (const name of fieldPath) {
    nodes = nodes.flatMap((node) =>
      node.selectionSet!.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === name),
    );
  }
  return { schema, fieldNodes: nodes, fragments, variableValues };
}

describe('selectedWalk', () => {
  it('is empty when no related is selected', () => {
    expect(selectedWalk(infoAt('{ concept(slug: "docker-stop") { name summary } }', ['concept']), [], Lang.EN)).toEqual(
      [],
    );
  });

  it('reads one level per nested related, with its types sorted and without repeats, its direction, details and whole concepts', () => {
    const info = infoAt(
      `{ concept(slug: "docker-stop") {
          related(types: [SENDS_SIGNAL, HAS_FLAG, SENDS_SIGNAL], direction: OUTGOING) {
            edges { node { summary related { edges { relations { description } node { name } } } } }
          }
        } }`,
      ['concept'],
    );
    expect(selectedWalk(info, [], Lang.EN)).toEqual([
      { types: ['HAS_FLAG', 'SENDS_SIGNAL'], direction: 'OUTGOING', detailed: false, read: 'whole' },
      { types: null, direction: 'BOTH', detailed: true, read: ['nameEn'] },
    ]);
  });

  it('stops at two levels however deep the selection goes', () => {
    const info = infoAt(
      '{ concept(slug: "container") { related { edges { node { related { edges { node { related { totalCount } } } } } } } } }',
      ['concept'],
    );
    expect(selectedWalk(info, [], Lang.EN)).toHaveLength(2);
  });

  it('looks through fragments and takes arguments from variables', () => {
    const info = infoAt(
      `query Q($types: [RelationType!]) { concept(slug: "image") { ...Related } }
       fragment Related on Concept { related(types: $types, direction: INCOMING) { edges { ... on RelatedEdge { node { tags } } } } }`,
      ['concept'],
      { types: ['USES'] },
    );
    expect(selectedWalk(info, [], Lang.EN)).toEqual([
      { types: ['USES'], direction: 'INCOMING', detailed: false, read: 'whole' },
    ]);
  });

  it('leaves a related under @include or @skip to its own resolver', () => {
    const info = infoAt(
      'query Q($on: Boolean!) { concept(slug: "image") { related @include(if: $on) { totalCount } } }',
      ['concept'],
      { on: true },
    );
    expect(selectedWalk(info, [], Lang.EN)).toEqual([]);
  });
});

describe('planConcepts', () => {
  it('asks for whole records only when a field beyond slug, kind and names is selected', () => {
    expect(
      planConcepts(
        infoAt('{ concepts { edges { node { slug name kind } } } }', ['concepts']),
        ['edges', 'node'],
        Lang.EN,
      ),
    ).toEqual({ read: ['kind', 'nameEn'], walk: [] });
    expect(
      planConcepts(
        infoAt('{ concepts { edges { node { name aliases } } } }', ['concepts']),
        ['edges', 'node'],
        Lang.EN,
      ),
    ).toEqual({ read: 'whole', walk: [] });
  });

  it('walks from the concepts of a page', () => {
    const info = infoAt(
      '{ concepts(first: 5) { edges { node { name related(types: [IS_A]) { edges { node { name } } } } } } }',
      ['concepts'],
    );
    expect(planConcepts(info, ['edges', 'node'], Lang.EN)).toEqual({
      read: ['nameEn'],
      walk: [{ types: ['IS_A'], direction: 'BOTH', detailed: false, read: ['nameEn'] }],
    });
  });
});

describe('what is read of concepts not read whole', () => {
  const page = (node: string, variables: Record<string, unknown> = {}, lang = Lang.EN) =>
    conceptReadAt(
      infoAt(
        `query Q($lang: Lang, $on: Boolean = true) { concepts { edges { node { ${node} } } } }`,
        ['concepts'],
        variables,
      ),
      ['edges', 'node'],
      lang,
    );

  it('reads the slug alone for ids, slugs, type names and the fields answered by slug', () => {
    expect(page('id slug __typename degree')).toEqual([]);
  });

  it('reads the name in the language each name field asks for, else in the language of the request', () => {
    expect(page('name(lang: KO)')).toEqual(['nameKo']);
    expect(page('name', {}, Lang.KO)).toEqual(['nameKo']);
    expect(page('name')).toEqual(['nameEn']);
    expect(page('name(lang: $lang)', { lang: 'KO' })).toEqual(['nameKo']);
    expect(page('name(lang: $lang)', {})).toEqual(['nameEn']);
    expect(page('name ko: name(lang: KO)')).toEqual(['nameKo', 'nameEn']);
  });

  it('reads the kind for kind and for flags, which checks the kind first', () => {
    expect(page('kind')).toEqual(['kind']);
    expect(page('flags { name }')).toEqual(['kind']);
  });

  it('counts fields under @include and @skip and in fragments', () => {
    expect(page('slug name @include(if: $on)')).toEqual(['nameEn']);
    expect(page('... on Concept { kind } ... on Node { id }')).toEqual(['kind']);
  });

  it('reads the fields every related field at a level asks for, and those of a relation end', () => {
    const info = infoAt(
      `{ concept(slug: "x") {
          related { edges { node { slug } } }
          ko: related(types: [IS_A]) { edges { node { name(lang: KO) } } }
          other: related { edges { relations { relation { from { kind } } } } }
        } }`,
      ['concept'],
    );
    expect(selectedWalk(info, [], Lang.EN)[0].read).toEqual(['kind', 'nameKo']);
  });

  it('reads the walked concept whole when its first level selects the stored relation, whose end it is', () => {
    const lean = infoAt('{ concept(slug: "x") { name related { edges { node { slug } } } } }', ['concept']);
    expect(planConcept(lean, Lang.EN).read).toEqual(['nameEn']);
    const ends = infoAt(
      '{ concept(slug: "x") { name related { edges { relations { relation { type } } node { slug } } } } }',
      ['concept'],
    );
    expect(planConcept(ends, Lang.EN).read).toBe('whole');
  });
});

describe('planRelated', () => {
  const relatedOf = (query: string, variables: Record<string, unknown> = {}) =>
    infoAt(query, ['concept', 'related'], variables);

  it('asks for details when the edges select a relation description, source or the stored relation', () => {
    for (const field of ['description', 'source', 'relation { type }']) {
      const info = relatedOf(`{ concept(slug: "x") { related { edges { relations { ${field} } } } } }`);
      expect(planRelated(info, { direction: Direction.BOTH })).toEqual({
        types: null,
        direction: 'BOTH',
        detailed: true,
      });
    }
    const plain = relatedOf('{ concept(slug: "x") { related { edges { relations { type direction order } } } } }');
    expect(planRelated(plain, { direction: Direction.BOTH }).detailed).toBe(false);
  });

  it('counts details under @include and @skip, which it must not miss', () => {
    const info = relatedOf(
      'query Q($on: Boolean!) { concept(slug: "x") { related { edges { relations { description @include(if: $on) } } } } }',
      { on: false },
    );
    expect(planRelated(info, { types: [RelationType.USES], direction: Direction.OUTGOING })).toEqual({
      types: ['USES'],
      direction: 'OUTGOING',
      detailed: true,
    });
  });
});

describe('planRelated, asked again for the same field nodes (the concepts of one list)', () => {
  it('gives the same choice object for the same arguments and a new one when they differ', () => {
    const info = infoAt('{ concept(slug: "x") { related { edges { relations { description } } } } }', [
      'concept',
      'related',
    ]);
    const first = planRelated(info, { types: [RelationType.USES], direction: Direction.OUTGOING });
    expect(planRelated(info, { types: [RelationType.USES], direction: Direction.OUTGOING })).toBe(first);
    const other = planRelated(info, { types: [RelationType.IS_A], direction: Direction.OUTGOING });
    expect(other).toEqual({ types: ['IS_A'], direction: 'OUTGOING', detailed: true });
    expect(planRelated(info, { types: null, direction: Direction.OUTGOING })).toEqual({
      types: null,
      direction: 'OUTGOING',
      detailed: true,
    });
    expect(planRelated(info, { types: null, direction: Direction.INCOMING })).toEqual({
      types: null,
      direction: 'INCOMING',
      detailed: true,
    });
    expect(first).toEqual({ types: ['USES'], direction: 'OUTGOING', detailed: true });
  });
});

describe('relatedChoiceOf', () => {
  it('gives equal choices for the same types in any order and with repeats', () => {
    const a = relatedChoiceOf(
      { types: [RelationType.USES, RelationType.IS_A, RelationType.USES], direction: Direction.BOTH },
      false,
    );
    const b = relatedChoiceOf({ types: [RelationType.IS_A, RelationType.USES], direction: Direction.BOTH }, false);
    expect(a).toEqual({ types: ['IS_A', 'USES'], direction: 'BOTH', detailed: false });
    expect(b).toEqual(a);
  });
});
