import type { ManagedTransaction } from 'neo4j-driver';

import type { CypherRunner, Row } from '../neo4j/gateway';
import type { FrontendRecord, LearnerRef } from './access.types';

/**
 * The Cypher of frontends and learners. Frontend, Learner and LearnerData nodes are never touched by the seeder;
 * learner data names concepts by slug, never by a relationship a re-seed could delete.
 */

/** A stored frontend with its key hash, for checking a presented key. */
export interface StoredKey extends FrontendRecord {
  keyHash: string;
}

function date(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  const standard = (value as { toStandardDate?: () => Date }).toStandardDate;
  return standard ? standard.call(value) : new Date(String(value));
}

function frontendOf(row: Row): FrontendRecord {
  return {
    id: row.id as string,
    name: row.name as string,
    keyPrefix: row.keyPrefix as string,
    createdAt: date(row.createdAt) as Date,
    revokedAt: date(row.revokedAt),
  };
}

const FRONTEND_FIELDS = 'f.id AS id, f.name AS name, f.keyPrefix AS keyPrefix, f.createdAt AS createdAt, f.revokedAt AS revokedAt';

/**
 * Makes sure the learner exists (created on first write, under its frontend) and write-locks its node for the rest of
 * the transaction, so concurrent writes for one learner run one after the other. Returns false, writing nothing, when
 * the frontend is gone or revoked.
 */
export async function ensureLearner(tx: ManagedTransaction, ref: LearnerRef): Promise<boolean> {
  const result = await tx.run(
    `MATCH (f:Frontend {id: $frontendId}) WHERE f.revokedAt IS NULL
     MERGE (l:Learner {frontendId: $frontendId, learnerId: $learnerId})
       ON CREATE SET l.createdAt = datetime()
     MERGE (f)-[:HAS_LEARNER]->(l)
     SET l.lastWriteAt = datetime()
     RETURN count(l) AS n`,
    { frontendId: ref.frontendId, learnerId: ref.learnerId },
  );
  return Number(result.records[0]?.get('n') ?? 0) > 0;
}

export class AccessRepository {
  constructor(private readonly db: CypherRunner) {}

  async createFrontend(frontend: { id: string; name: string; keyHash: string; keyPrefix: string }): Promise<FrontendRecord | null> {
    // The name check and the create are one statement, so two operators creating the same name cannot both succeed.
    const rows = await this.db.write(
      `OPTIONAL MATCH (other:Frontend {name: $name}) WHERE other.revokedAt IS NULL
       WITH count(other) AS taken WHERE taken = 0
       CREATE (f:Frontend {id: $id, name: $name, keyHash: $keyHash, keyPrefix: $keyPrefix, createdAt: datetime(), revokedAt: null})
       RETURN ${FRONTEND_FIELDS}`,
      frontend,
    );
    return rows[0] ? frontendOf(rows[0]) : null;
  }

  /** Every frontend whose key starts with this prefix (normally one), with the hash to compare. */
  async keysWithPrefix(keyPrefix: string): Promise<StoredKey[]> {
    const rows = await this.db.read(`MATCH (f:Frontend {keyPrefix: $keyPrefix}) RETURN ${FRONTEND_FIELDS}, f.keyHash AS keyHash`, { keyPrefix });
    return rows.map((row) => ({ ...frontendOf(row), keyHash: row.keyHash as string }));
  }

  async frontendById(id: string): Promise<FrontendRecord | null> {
    const rows = await this.db.read(`MATCH (f:Frontend {id: $id}) RETURN ${FRONTEND_FIELDS}`, { id });
    return rows[0] ? frontendOf(rows[0]) : null;
  }

  /** Every frontend, active and revoked, with how many learners each has, oldest first. */
  async listFrontends(): Promise<(FrontendRecord & { learners: number })[]> {
    const rows = await this.db.read(
      `MATCH (f:Frontend)
       RETURN ${FRONTEND_FIELDS}, COUNT { (f)-[:HAS_LEARNER]->(:Learner) } AS learners
       ORDER BY f.createdAt, f.id`,
    );
    return rows.map((row) => ({ ...frontendOf(row), learners: Number(row.learners) }));
  }

  /** Revokes the frontends named by id or by (active) name; returns those revoked now or before. */
  async revoke(nameOrId: string): Promise<FrontendRecord[]> {
    const rows = await this.db.write(
      `MATCH (f:Frontend) WHERE f.id = $nameOrId OR (f.name = $nameOrId AND f.revokedAt IS NULL)
       SET f.revokedAt = coalesce(f.revokedAt, datetime())
       RETURN ${FRONTEND_FIELDS}`,
      { nameOrId },
    );
    return rows.map(frontendOf);
  }
}
