import zlib from 'node:zlib';

import { useTestServer } from './support/server';

/** What /graphql reads of a request on node's own request path: compressed bodies, their limit, other spellings. */
describe('the /graphql endpoint', () => {
  const server = useTestServer({ MAX_BODY_BYTES: '20000' });
  const json = { 'content-type': 'application/json' };

  async function post(body: Buffer, headers: Record<string, string>) {
    const response = await fetch(server.url, { method: 'POST', headers: { ...json, ...headers }, body });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('reads a gzip, deflate or br body', async () => {
    const query = Buffer.from(JSON.stringify({ query: '{ concept(slug: "docker") { slug } }' }));
    const encoded: [string, Buffer][] = [
      ['gzip', zlib.gzipSync(query)],
      ['deflate', zlib.deflateSync(query)],
      ['br', zlib.brotliCompressSync(query)],
    ];
    for (const [encoding, body] of encoded) {
      expect(await post(body, { 'content-encoding': encoding })).toEqual({
        status: 200,
        body: { data: { concept: { slug: 'docker' } } },
      });
    }
  });

  it('refuses with 413 a compressed body that inflates past the limit, however small it is sent', async () => {
    const padded = JSON.stringify({ query: '{ __typename }', variables: { pad: ' '.repeat(50000) } });
    const body = zlib.gzipSync(padded);
    expect(body.length).toBeLessThan(20000);
    const answer = await post(body, { 'content-encoding': 'gzip' });
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual({
      errors: [
        {
          message: 'The request body is larger than 20000 bytes. Send a smaller request.',
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
  });

  it('refuses a body in a UTF charset it cannot decode with 415', async () => {
    const answer = await post(Buffer.from('{"query":"{ __typename }"}'), {
      'content-type': 'application/json; charset=utf-99',
    });
    expect(answer).toEqual({
      status: 415,
      body: { errors: [{ message: 'The request body must be UTF-8 JSON.', extensions: { code: 'BAD_REQUEST' } }] },
    });
  });

  it('answers at /graphql/ as at /graphql', async () => {
    const response = await fetch(`${server.url}/`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 200,
      body: { data: { __typename: 'Query' } },
    });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a GET that names its query twice, saying so', async () => {
    const response = await fetch(`${server.url}?query=%7B__typename%7D&query=%7B__typename%7D`);
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: "The 'query' search parameter may only be specified once.",
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      },
    });
  });
});
