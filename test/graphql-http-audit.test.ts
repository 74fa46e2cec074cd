import { serverAudits } from 'graphql-http';

import { startTestServer, type TestServer } from './support/server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.stop();
});

/**
 * The GraphQL-over-HTTP conformance audits of graphql-http against the running server. Every MUST audit has to
 * pass; SHOULD and MAY audits are reported by name so a regression is visible, but only MUST fails the build.
 */
describe('GraphQL over HTTP conformance', () => {
  const audits = serverAudits({ url: () => server.url, fetchFn: fetch });

  it.each(audits.filter((audit) => audit.name.startsWith('MUST')).map((audit) => [audit.name, audit] as const))('%s', async (_name, audit) => {
    const result = await audit.fn();
    expect(result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`).toBe('ok');
  });

  it('has MUST audits to run', () => {
    expect(audits.filter((audit) => audit.name.startsWith('MUST')).length).toBeGreaterThan(10);
  });
});
