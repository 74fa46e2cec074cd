import { Kind, type OperationDefinitionNode } from 'graphql';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

import type { Neo4jGateway } from '../neo4j/gateway';
import type { RequestHooks } from './plugins/request-hooks';

export interface Metrics {
  registry: Registry;
  /** Records every GraphQL request (one of the request hooks of src/http/apollo.ts). */
  plugin: RequestHooks;
  /** For the gateway's onQuery hook: every Cypher round trip. */
  recordQuery(kind: 'read' | 'write', durationMs: number, ok: boolean): void;
}

/**
 * The label of an operation: its first root field (a closed set, from our schema), or `multiple`, so a client that
 * sends random operation names cannot make the label set grow without bound.
 */
function operationLabel(operation: OperationDefinitionNode | null | undefined): string {
  const fields = operation?.selectionSet.selections.filter((s) => s.kind === Kind.FIELD) ?? [];
  if (fields.length === 0) return 'unknown';
  const names = new Set(fields.map((f) => (f.kind === Kind.FIELD ? f.name.value : '')));
  return names.size === 1 ? [...names][0] : 'multiple';
}

/** Prometheus metrics of the API and its database use, in a registry of their own (one per server). */
export function createMetrics(gateway: () => Neo4jGateway | undefined, maxPoolSize: number): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'atlas_process_' });

  const requests = new Counter({
    name: 'atlas_graphql_requests_total',
    help: 'GraphQL requests by operation (first root field) and outcome (ok or the error code).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'atlas_graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL request to sending its response.',
    labelNames: ['operation'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const roundTrips = new Histogram({
    name: 'atlas_cypher_round_trips_per_request',
    help: 'Cypher round trips one GraphQL request made (DataLoaders keep this flat as results grow).',
    buckets: [0, 1, 2, 3, 4, 6, 8, 12, 16, 32],
    registers: [registry],
  });
  const cypher = new Histogram({
    name: 'atlas_cypher_query_duration_seconds',
    help: 'Database time of each Cypher round trip, by access mode and outcome.',
    labelNames: ['mode', 'outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [registry],
  });
  new Gauge({
    name: 'atlas_neo4j_sessions_in_use',
    help: 'Neo4j sessions open right now (each holds a pooled connection while it runs).',
    registers: [registry],
    collect() {
      this.set(gateway()?.sessions.inUse ?? 0);
    },
  });
  new Gauge({
    name: 'atlas_neo4j_pool_max_size',
    help: 'Configured maximum size of the Neo4j connection pool.',
    registers: [registry],
    collect() {
      this.set(maxPoolSize);
    },
  });

  // Apollo keeps parsed documents, so a repeated query brings the same operation node and its label is worked out once.
  const labels = new WeakMap<OperationDefinitionNode, string>();
  const labelOf = (operation: OperationDefinitionNode): string => {
    let label = labels.get(operation);
    if (label === undefined) labels.set(operation, (label = operationLabel(operation)));
    return label;
  };

  return {
    registry,
    recordQuery(kind, durationMs, ok) {
      cypher.observe({ mode: kind, outcome: ok ? 'ok' : 'error' }, durationMs / 1000);
    },
    plugin: {
      // The operation label is read once the answer is ready, from the operation Apollo resolved (if it got that far).
      willSendResponse({ errors, contextValue, operation }, startedMs) {
        const label = operation ? labelOf(operation) : 'unknown';
        const code = errors?.[0]?.extensions?.code;
        const outcome = errors?.length ? (typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR') : 'ok';
        requests.inc({ operation: label, outcome });
        latency.observe({ operation: label }, (performance.now() - startedMs) / 1000);
        roundTrips.observe(contextValue.queryStats.roundTrips);
      },
    },
  };
}
