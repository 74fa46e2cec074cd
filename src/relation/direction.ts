import { registerEnumType } from 'type-graphql';

/** Which way a relation points, seen from one concept. */
export enum Direction {
  OUTGOING = 'OUTGOING',
  INCOMING = 'INCOMING',
  BOTH = 'BOTH',
}

registerEnumType(Direction, {
  name: 'Direction',
  description:
    'Which way a relation points, seen from the concept being asked about. Symmetric relations (ALTERNATIVE_TO, CONTRASTS_WITH, PAIRS_WELL_WITH) read the same both ways, so they count as OUTGOING from both ends.',
  valuesConfig: {
    OUTGOING: { description: 'This concept is the subject: `this TYPE other`.' },
    INCOMING: { description: 'This concept is the object: `other TYPE this`.' },
    BOTH: { description: 'Either way (filters only; an edge always reports OUTGOING or INCOMING).' },
  },
});
