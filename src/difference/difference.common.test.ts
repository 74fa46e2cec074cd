import { conceptRecord, relationRecord } from '../../test/support/records';
import { FactGraph } from '../facts/fact.graph';
import { ConceptKind, RelationType } from '../graph/vocabulary';
import { nearestCommon } from './difference.common';
import { specialisedPairs } from './difference.model';

const concept = (slug: string) => conceptRecord(slug, { kind: ConceptKind.TECHNOLOGY });
const rel = (from: string, type: RelationType, to: string) => relationRecord(type, from, to);

const graph = new FactGraph(['container', 'os', 'app', 'docker-c', 'vm', 'hypervisor', 'host', 'kernel'].map(concept), [
  rel('os', RelationType.IS_A, 'container'),
  rel('app', RelationType.IS_A, 'container'),
  rel('docker-c', RelationType.IS_A, 'app'),
  rel('container', RelationType.RUNS_ON, 'host'),
  rel('container', RelationType.ALTERNATIVE_TO, 'vm'),
  rel('vm', RelationType.RUNS_ON, 'hypervisor'),
  rel('hypervisor', RelationType.RUNS_ON, 'host'),
  rel('container', RelationType.SHARES, 'kernel'),
]);

const summary = (a: string, b: string) => {
  const common = nearestCommon(graph, a, b);
  return (
    common && {
      slug: common.concept.slug,
      byHierarchy: common.byHierarchy,
      a: common.fromA.relations.length,
      b: common.fromB.relations.length,
    }
  );
};

describe('nearestCommon', () => {
  it('prefers the kind-of hierarchy, where one of the two may be the common concept', () => {
    expect(summary('os', 'app')).toEqual({ slug: 'container', byHierarchy: true, a: 1, b: 1 });
    expect(summary('docker-c', 'container')).toEqual({ slug: 'container', byHierarchy: true, a: 2, b: 0 });
  });

  it('otherwise walks other forward relations to a third concept, never sideways over symmetric ones', () => {
    expect(summary('container', 'vm')).toEqual({ slug: 'host', byHierarchy: false, a: 1, b: 2 });
    expect(nearestCommon(graph, 'container', 'vm')!.fromB.nodes.map((n) => n.slug)).toEqual([
      'vm',
      'hypervisor',
      'host',
    ]);
    expect(summary('kernel', 'host')).toBeNull();
  });
});

describe('specialisedPairs', () => {
  it('finds comparisons of kinds of a and b, never of a concept that is on both sides', () => {
    const index = [
      { slug: 'docker-c-vs-vm', concepts: ['docker-c', 'vm'] },
      { slug: 'os-vs-app', concepts: ['os', 'app'] },
      { slug: 'container-vs-vm', concepts: ['vm', 'container'] },
    ];
    expect(specialisedPairs(index, graph, 'container', 'vm')).toEqual([['docker-c', 'vm']]);
    expect(specialisedPairs(index, graph, 'os', 'app')).toEqual([]);
    // app is a kind of container: "os vs app" compares two kinds of container, not container with app.
    expect(specialisedPairs(index, graph, 'container', 'app')).toEqual([]);
  });
});
