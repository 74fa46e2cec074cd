import { conceptRecord, relationRecord } from '../../test/support/records';
import type { RelationRecord } from '../graph/graph.model';
import { Direction, RelationType } from '../graph/vocabulary';
import { groupByTypeAndDirection } from './compare.groups';
import type { ComparedRelation } from './compare.repository';

const concept = (slug: string) => conceptRecord(slug);
const rel = (type: RelationType, from: string, to: string, order: number | null = null) =>
  relationRecord(type, from, to, { order });

/** `slug`'s view of a relation: OUTGOING when it is the subject. */
function seen(slug: string, relation: RelationRecord): ComparedRelation {
  const outgoing = relation.from === slug;
  return {
    slug,
    relation,
    direction: outgoing ? Direction.OUTGOING : Direction.INCOMING,
    other: concept(outgoing ? relation.to : relation.from),
  };
}

/** A group as one line: "TYPE DIRECTION compared: others; compared: others". */
const lines = (relations: ComparedRelation[]) =>
  groupByTypeAndDirection(relations).map(
    (group) =>
      `${group.type} ${group.direction} ${[...group.bySlug].map(([slug, list]) => `${slug}: ${list.map((r) => r.other.slug).join(' ')}`).join('; ')}`,
  );

describe('groupByTypeAndDirection', () => {
  it('orders groups by the vocabulary, outgoing before incoming, whatever order the relations come in', () => {
    expect(
      lines([
        seen('a', rel(RelationType.USES, 'a', 'k')),
        seen('b', rel(RelationType.IS_A, 'x', 'b')),
        seen('a', rel(RelationType.IS_A, 'a', 'container')),
        seen('b', rel(RelationType.IS_A, 'b', 'container')),
      ]),
    ).toEqual(['IS_A OUTGOING a: container; b: container', 'IS_A INCOMING b: x', 'USES OUTGOING a: k']);
  });

  it("lists each concept's relations by their stored order, unordered ones last, then by the other end's slug", () => {
    expect(
      lines([
        seen('a', rel(RelationType.USES, 'a', 'zeta')),
        seen('a', rel(RelationType.USES, 'a', 'u2', 2)),
        seen('a', rel(RelationType.USES, 'a', 'alpha')),
        seen('a', rel(RelationType.USES, 'a', 'u1', 1)),
      ]),
    ).toEqual(['USES OUTGOING a: u1 u2 alpha zeta']);
  });

  it('is empty for no relations', () => {
    expect(groupByTypeAndDirection([])).toEqual([]);
  });
});
