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
