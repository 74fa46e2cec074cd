import { ensureLearner } from '../../src/access/access.repository';
import type { LearnerRef } from '../../src/access/access.types';
import type { Neo4jGateway } from '../../src/neo4j/gateway';

/**
 * Gives a learner (created on first write, as the API does) some learner data: nodes labelled LearnerData that hang
 * off the learner and name a concept by slug, the shape the contract gives every kind of learner data.
 */
export async function addLearnerData(
  gateway: Neo4jGateway,
  ref: LearnerRef,
  notes: { slug: string; note: string }[],
): Promise<void> {
  await gateway.writeTransaction(async (tx) => {
    if (!(await ensureLearner(tx, ref))) throw new Error(`frontend ${ref.frontendId} is missing or revoked`);
    await tx.run(
      `MATCH (l:Learner {frontendId: $frontendId, learnerId: $learnerId})
       UNWIND $notes AS note
       CREATE (l)-[:HOLDS]->(:LearnerData:ProbeNote {frontendId: $frontendId, learnerId: $learnerId, slug: note.slug, note: note.note})`,
      { ...ref, notes },
    );
  });
}

/** Every Frontend, Learner and LearnerData node with its properties, as sorted text: equal exactly when nothing changed. */
export async function accessSnapshot(gateway: Neo4jGateway): Promise<string[]> {
  const rows = await gateway.read(
    `MATCH (n) WHERE n:Frontend OR n:Learner OR n:LearnerData
     OPTIONAL MATCH (n)-[r]->(m)
     RETURN labels(n) AS labels, properties(n) AS props, collect(type(r) + '>' + coalesce(m.learnerId, m.id, '')) AS out`,
  );
  return rows
    .map((row) =>
      JSON.stringify([
        row.labels,
        Object.entries(row.props as Record<string, unknown>)
          .sort()
          .map(([k, v]) => [k, String(v)]),
        (row.out as string[]).sort(),
      ]),
    )
    .sort();
}
