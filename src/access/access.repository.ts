import neo4j, { type ManagedTransaction } from 'neo4j-driver';

import type { CypherRunner, Neo4jGateway, Row } from '../neo4j/gateway';
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
  return standard
    ? standard.call(value)
    : new Date(typeof value === 'string' || typeof value === 'number' ? value : NaN);
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

const FRONTEND_FIELDS =
  'f.id AS id, f.name AS name, f.keyPrefix AS keyPrefix, f.createdAt AS createdAt, f.revokedAt AS revokedAt';

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

  async createFrontend(frontend: {
    id: string;
    name: string;
    keyHash: string;
    keyPrefix: string;
  }): Promise<FrontendRecord | null> {
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
    const rows = await this.db.read(
      `MATCH (f:Frontend {keyPrefix: $keyPrefix}) RETURN ${FRONTEND_FIELDS}, f.keyHash AS keyHash`,
      { keyPrefix },
    );
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

type Neo4jGatewayLike = Pick<Neo4jGateway, 'read' | 'writeTransaction'>;

const neo4jInt = (value: number) => neo4j.int(value);

/** What erasing a learner removed. */
export interface Erased {
  learner: boolean;
  dataNodes: number;
}

/** One learner in an export: its node's properties and every LearnerData node it has, as stored. */
export interface ExportedLearner {
  learnerId: string;
  createdAt: unknown;
  data: { labels: string[]; properties: Record<string, unknown> }[];
}

/** Learner data and learners: erasure and export, always within one frontend. */
export class LearnerDataRepository {
  constructor(private readonly db: Neo4jGatewayLike) {}

  /** Removes the learner and every LearnerData node of theirs in one transaction; erasing twice removes nothing. */
  erase(ref: LearnerRef): Promise<Erased> {
    return this.db.writeTransaction(async (tx) => {
      const data = await tx.run(
        'MATCH (d:LearnerData {frontendId: $frontendId, learnerId: $learnerId}) DETACH DELETE d RETURN count(*) AS n',
        { frontendId: ref.frontendId, learnerId: ref.learnerId },
      );
      const learner = await tx.run(
        'MATCH (l:Learner {frontendId: $frontendId, learnerId: $learnerId}) DETACH DELETE l RETURN count(*) AS n',
        { frontendId: ref.frontendId, learnerId: ref.learnerId },
      );
      return { learner: Number(learner.records[0].get('n')) > 0, dataNodes: Number(data.records[0].get('n')) };
    });
  }

  /**
   * A page of a frontend's learners in learner id order, after `after`, each with all its data; one learner only when
   * `learnerId` is given.
   */
  async exportPage(
    frontendId: string,
    after: string | null,
    limit: number,
    learnerId: string | null,
  ): Promise<ExportedLearner[]> {
    const rows = await this.db.read(
      `MATCH (l:Learner {frontendId: $frontendId})
       WHERE ($learnerId IS NULL OR l.learnerId = $learnerId) AND ($after IS NULL OR l.learnerId > $after)
       WITH l ORDER BY l.learnerId LIMIT $limit
       CALL (l) {
         OPTIONAL MATCH (d:LearnerData {frontendId: l.frontendId, learnerId: l.learnerId})
         RETURN collect(CASE WHEN d IS NULL THEN NULL ELSE {labels: [x IN labels(d) WHERE x <> 'LearnerData'], properties: properties(d)} END) AS data
       }
       RETURN l.learnerId AS learnerId, l.createdAt AS createdAt, data`,
      { frontendId, after, limit: neo4jInt(limit), learnerId },
    );
    return rows.map((row) => ({
      learnerId: row.learnerId as string,
      createdAt: row.createdAt,
      data: row.data as ExportedLearner['data'],
    }));
  }
}
