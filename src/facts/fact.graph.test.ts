import { conceptRecord } from '../../test/support/records';
import { ConceptKind, RelationType } from '../graph/vocabulary';
import { type FactEdge, FactGraph, type FactQuestion } from './fact.graph';

const concept = (slug: string, kind: ConceptKind) => conceptRecord(slug, { kind });
const edge = (from: string, type: RelationType, to: string): FactEdge => ({
  type,
  from,
  to,
  source: 's',
  descriptionKo: null,
  descriptionEn: null,
  order: null,
});

// A small world: two commands and three signals, a product that inherits a characteristic through its category,
// and four stages in a row.
const concepts = [
  concept('stop', ConceptKind.COMMAND),
  concept('kill', ConceptKind.COMMAND),
  concept('build', ConceptKind.COMMAND),
  concept('term', ConceptKind.SIGNAL),
  concept('sigk', ConceptKind.SIGNAL),
  concept('sigs', ConceptKind.SIGNAL),
  concept('docker', ConceptKind.PRODUCT),
  concept('lxc', ConceptKind.PRODUCT),
  concept('rkt', ConceptKind.PRODUCT),
  concept('app-container', ConceptKind.TECHNOLOGY),
  concept('container', ConceptKind.TECHNOLOGY),
  concept('vm', ConceptKind.TECHNOLOGY),
  concept('os-container', ConceptKind.TECHNOLOGY),
  concept('light', ConceptKind.CHARACTERISTIC),
  concept('fast', ConceptKind.CHARACTERISTIC),
  concept('heavy', ConceptKind.CHARACTERISTIC),
  concept('s1', ConceptKind.LIFECYCLE_STAGE),
  concept('s2', ConceptKind.LIFECYCLE_STAGE),
  concept('s3', ConceptKind.LIFECYCLE_STAGE),
  concept('s4', ConceptKind.LIFECYCLE_STAGE),
];
const graph = new FactGraph(concepts, [
  edge('stop', RelationType.SENDS_SIGNAL, 'term'),
  edge('stop', RelationType.SENDS_SIGNAL, 'sigk'),
  edge('kill', RelationType.SENDS_SIGNAL, 'sigk'),
  edge('docker', RelationType.EXAMPLE_OF, 'app-container'),
  edge('rkt', RelationType.EXAMPLE_OF, 'app-container'),
  edge('lxc', RelationType.EXAMPLE_OF, 'os-container'),
  edge('app-container', RelationType.IS_A, 'container'),
  edge('os-container', RelationType.IS_A, 'container'),
  edge('container', RelationType.HAS_CHARACTERISTIC, 'light'),
  edge('docker', RelationType.HAS_CHARACTERISTIC, 'fast'),
  edge('vm', RelationType.HAS_CHARACTERISTIC, 'heavy'),
  edge('container', RelationType.CONTRASTS_WITH, 'vm'),
  edge('s1', RelationType.NEXT_STAGE, 's2'),
  edge('s2', RelationType.NEXT_STAGE, 's3'),
  edge('s3', RelationType.NEXT_STAGE, 's4'),
]);

function stem(type: RelationType, asks: 'OBJECT' | 'SUBJECT', given: string, answer: string): FactQuestion {
  return { type, asks, given: graph.concept(given)!, answer: graph.concept(answer)! };
}
const wrong = (s: FactQuestion) => graph.wrongOptions(s).map((c) => c.slug);

describe('FactGraph.wrongOptions', () => {
  it("offers only concepts of the answer's kind that the graph does not make right", () => {
    expect(wrong(stem(RelationType.SENDS_SIGNAL, 'OBJECT', 'kill', 'sigk'))).toEqual(['sigs', 'term']);
    // docker stop sends both SIGTERM and SIGKILL: neither may be a wrong option.
    expect(wrong(stem(RelationType.SENDS_SIGNAL, 'OBJECT', 'stop', 'term'))).toEqual(['sigs']);
    expect(wrong(stem(RelationType.SENDS_SIGNAL, 'SUBJECT', 'sigk', 'kill'))).toEqual(['build']);
  });

  it('counts what a concept inherits from what it is a kind or an example of', () => {
    // Docker is an example of an application container, a kind of container, which is light.
    expect(wrong(stem(RelationType.HAS_CHARACTERISTIC, 'OBJECT', 'docker', 'fast'))).toEqual(['heavy']);
    // Everything below "container" is light too, so none of it is a wrong answer to "which is light?".
    expect(wrong(stem(RelationType.HAS_CHARACTERISTIC, 'SUBJECT', 'light', 'container'))).toEqual(['vm']);
  });

  it('follows IS_A and EXAMPLE_OF chains for kind-of questions', () => {
    expect(wrong(stem(RelationType.EXAMPLE_OF, 'OBJECT', 'docker', 'app-container'))).toEqual(['os-container', 'vm']);
    expect(wrong(stem(RelationType.EXAMPLE_OF, 'SUBJECT', 'os-container', 'lxc'))).toEqual(['docker', 'rkt']);
  });

  it('asks for the stage directly after: later and earlier stages are wrong, the next one is right', () => {
    expect(wrong(stem(RelationType.NEXT_STAGE, 'OBJECT', 's2', 's3'))).toEqual(['s1', 's4']);
    expect(wrong(stem(RelationType.NEXT_STAGE, 'SUBJECT', 's3', 's2'))).toEqual(['s1', 's4']);
  });

  it('reads symmetric relations both ways and never offers what else the given concept is tied to', () => {
    // container contrasts with vm, and so does everything that is a kind or an example of a container.
    expect(graph.rightAnswers(stem(RelationType.CONTRASTS_WITH, 'OBJECT', 'vm', 'container'))).toEqual(
      new Set(['container', 'app-container', 'os-container', 'docker', 'lxc', 'rkt']),
    );
    expect(wrong(stem(RelationType.CONTRASTS_WITH, 'OBJECT', 'vm', 'container'))).toEqual([]);
    expect(wrong(stem(RelationType.CONTRASTS_WITH, 'OBJECT', 'container', 'vm'))).toEqual([]);
  });
});

describe('FactGraph.factsAround', () => {
  it("puts the topic's own relations in tier 0 and those one step out in tier 1", () => {
    const quizzed = new Set(Object.values(RelationType));
    const facts = graph
      .factsAround('kill', quizzed)
      .map((f) => `${f.tier} ${f.subject.slug} ${f.type} ${f.object.slug}`);
    expect(facts.sort()).toEqual(['0 kill SENDS_SIGNAL sigk', '1 stop SENDS_SIGNAL sigk']);
    expect(graph.factsAround(null, quizzed)).toHaveLength(15);
  });
});
