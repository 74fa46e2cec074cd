import { issueLearnerToken } from './access/access.service';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults every setting when the environment is empty', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.neo4j.database).toBe('neo4j');
    expect(config.local.dataDir.endsWith('.data/neo4j')).toBe(true);
    expect(config.limits.maxPageSize).toBe(100);
  });

  it('makes a random quiz secret per process unless QUIZ_SECRET is set', () => {
    const [first, second] = [loadConfig({}), loadConfig({})];
    expect(first.learning.quizSecretGenerated).toBe(true);
    expect(first.learning.quizSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(first.learning.quizSecret).not.toBe(second.learning.quizSecret);
    expect(loadConfig({ QUIZ_SECRET: '  sixteen-or-more-chars  ' }).learning).toMatchObject({
      quizSecret: 'sixteen-or-more-chars',
      quizSecretGenerated: false,
    });
    expect(loadConfig({}).learning.maxQuizQuestions).toBe(20);
  });

  it('takes learner token lifetimes from 60 seconds, the shortest createLearnerToken issues', () => {
    expect(loadConfig({}).access).toMatchObject({ defaultTokenTtlSeconds: 900, maxTokenTtlSeconds: 86400 });
    expect(loadConfig({ LEARNER_TOKEN_TTL_SECONDS: '60', LEARNER_TOKEN_MAX_TTL_SECONDS: '60' }).access).toMatchObject({
      defaultTokenTtlSeconds: 60,
      maxTokenTtlSeconds: 60,
    });
  });

  it('never accepts a default lifetime that createLearnerToken then refuses', () => {
    const { access } = loadConfig({ LEARNER_TOKEN_TTL_SECONDS: '60', LEARNER_TOKEN_SECRET: 'x'.repeat(32) });
    const now = new Date('2030-01-01T00:00:00Z');
    const { expiresAt } = issueLearnerToken({ frontendId: 'f-1', learnerId: 'u-1' }, undefined, access, now);
    expect(expiresAt.toISOString()).toBe('2030-01-01T00:01:00.000Z');
  });

  it('accepts the URI schemes of a single server, Aura and a cluster', () => {
    for (const uri of [
      'bolt://127.0.0.1:7687',
      'neo4j://cluster.example:7687',
      'neo4j+s://abcd1234.databases.neo4j.io',
    ]) {
      expect(loadConfig({ NEO4J_URI: uri }).neo4j.uri).toBe(uri);
    }
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', 'PORT=4000'],
    [{ PORT: '70000' }, 'PORT', 'from 0 to 65535'],
    [{ NEO4J_URI: 'http://localhost:7474' }, 'NEO4J_URI', 'bolt://'],
    [{ NEO4J_URI: 'not a uri' }, 'NEO4J_URI', 'NEO4J_URI=bolt://127.0.0.1:7687'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', 'one of fatal, error'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV', 'production'],
    [{ SEED_ON_START: 'maybe' }, 'SEED_ON_START', 'true or false'],
    [{ NEO4J_LOCAL_HEAP: 'lots' }, 'NEO4J_LOCAL_HEAP', '512m'],
    [{ DEFAULT_PAGE_SIZE: '50', MAX_PAGE_SIZE: '10' }, 'DEFAULT_PAGE_SIZE', 'MAX_PAGE_SIZE'],
    [{ QUIZ_SECRET: 'too-short' }, 'QUIZ_SECRET', 'at least 16 characters'],
    [{ MAX_QUIZ_QUESTIONS: '0' }, 'MAX_QUIZ_QUESTIONS', 'from 1 to 100'],
    [{ LEARNER_TOKEN_TTL_SECONDS: '1' }, 'LEARNER_TOKEN_TTL_SECONDS', 'from 60 to 2592000, got "1"'],
    [{ LEARNER_TOKEN_TTL_SECONDS: '59' }, 'LEARNER_TOKEN_TTL_SECONDS', 'from 60 to 2592000, got "59"'],
    [{ LEARNER_TOKEN_MAX_TTL_SECONDS: '59' }, 'LEARNER_TOKEN_MAX_TTL_SECONDS', 'from 60 to 2592000, got "59"'],
    [
      { LEARNER_TOKEN_TTL_SECONDS: '3600', LEARNER_TOKEN_MAX_TTL_SECONDS: '600' },
      'LEARNER_TOKEN_TTL_SECONDS',
      'must not exceed LEARNER_TOKEN_MAX_TTL_SECONDS (600), got "3600". Example: LEARNER_TOKEN_TTL_SECONDS=600',
    ],
  ])('%j fails naming %s with an example', (env, variable, hint) => {
    let caught: unknown;
    try {
      loadConfig(env);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).variable).toBe(variable);
    expect((caught as ConfigError).message).toContain(hint);
    expect((caught as ConfigError).message).toContain('Example:');
  });
});
