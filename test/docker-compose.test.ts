import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { parse } from 'yaml';

import { loadConfig } from '../src/config';
import { DOCKER_COMPOSE, itWithTool } from './support/optional-tools';

const ROOT = path.resolve(__dirname, '..');
const COMPOSE_FILE = path.join(ROOT, 'docker-compose.yml');

interface ComposeService {
  image?: string;
  build?: string;
  init?: boolean;
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

const compose = parse(fs.readFileSync(COMPOSE_FILE, 'utf8')) as { services: Record<string, ComposeService> };

describe('docker-compose.yml', () => {
  itWithTool(DOCKER_COMPOSE, 'is valid for docker-compose 1.29 (docker-compose config -q)', () => {
    const result = spawnSync('docker-compose', ['-f', COMPOSE_FILE, 'config', '-q'], { encoding: 'utf8' });
    expect(result.error).toBeUndefined();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('runs the official Neo4j 5.26 image with a data volume and a wget healthcheck on 7474', () => {
    const neo4j = compose.services.neo4j;
    expect(neo4j.image).toBe('neo4j:5.26');
    expect(neo4j.environment?.NEO4J_AUTH).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD:-.+\}$/);
    expect(neo4j.healthcheck?.test.join(' ')).toMatch(/wget .*http:\/\/localhost:7474/);
    expect(neo4j.ports).toEqual(expect.arrayContaining(['7687:7687']));
  });

  it('builds the API, waits for a healthy Neo4j and points NEO4J_URI at it', () => {
    const api = compose.services.api;
    expect(api.build).toBe('.');
    expect(api.init).toBe(true);
    expect(api.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
    expect(api.environment?.NEO4J_URI).toBe('bolt://neo4j:7687');
    expect(api.environment?.NEO4J_PASSWORD).toBe(
      compose.services.neo4j.environment?.NEO4J_AUTH.replace(/^neo4j\//, ''),
    );
    expect(api.ports).toEqual([`${api.environment?.PORT}:${api.environment?.PORT}`]);
  });

  it('sets only variables the API reads, with values it accepts', () => {
    const env = compose.services.api.environment!;
    const read = new Set<string>();
    const recording = new Proxy(env, {
      get(target, key: string) {
        read.add(key);
        return target[key];
      },
    });
    const config = loadConfig(recording);
    expect(Object.keys(env).filter((name) => !read.has(name))).toEqual([]);
    expect(config.port).toBe(4000);
    expect(config.neo4j.uri).toBe('bolt://neo4j:7687');
    expect(config.env).toBe('production');
  });

  it('has a Dockerfile that builds on node:20-slim and runs as a non-root user', () => {
    const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM node:20-slim AS build$/m);
    expect(dockerfile).toMatch(/^FROM node:20-slim AS runtime$/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^CMD \["node", "dist\/src\/main\.js"\]$/m);
  });
});
