import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

import pino from 'pino';

import { createTestFrontend } from './support/access';
import { useTestServer } from './support/server';

/**
 * A client that sends its whole request and goes away while the server still checks its credential (a frontend key
 * is looked up in the database before the body is read), as a load generator does when its time is up: nobody is
 * left to answer, and that is the client's doing, not an error of the server's.
 */
const lines: string[] = [];
const logger = pino({ name: 'container-atlas', level: 'info' }, { write: (line: string) => void lines.push(line) });
let key: string;

// One connection in the pool: while the test holds it, the credential check waits, and the client leaves meanwhile.
const server = useTestServer(
  { NODE_ENV: 'production', LOG_PRETTY: 'false', NEO4J_MAX_POOL_SIZE: '1' },
  {
    logger,
    seed: async () => {
      ({ key } = await createTestFrontend('client-gone'));
    },
  },
);

/** Sends the request and closes the connection at once; resolves when the server has closed its side too. */
function sendAndLeave(request: string): Promise<void> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.end(request));
    socket.resume();
    socket.on('close', () => resolve());
    socket.on('error', reject);
  });
}

interface LogEntry {
  level: number;
  msg: string;
  code?: string;
  err?: { message?: string };
}

it('logs a client that left while its frontend key was checked at info, and no error', async () => {
  let taken!: () => void;
  let release!: () => void;
  const connectionTaken = new Promise<void>((resolve) => (taken = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const holding = server.atlas.database.gateway.writeTransaction(async (tx) => {
    await tx.run('RETURN 1');
    taken();
    await released;
  });
  await connectionTaken;
  const before = lines.length;
  const body = JSON.stringify({ query: '{ __typename }' });
  await sendAndLeave(
    `POST /graphql HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  // The server closed its side (the client saw it); its close event runs in this process's event loop right after,
  // long before this wait ends. Only then does the key check get the database.
  await sleep(200);
  release();
  await holding;

  const entries = () => lines.slice(before).map((line) => JSON.parse(line) as LogEntry);
  for (let i = 0; i < 200 && !entries().some((entry) => entry.level >= 30); i += 1) await sleep(10);
  expect(entries().map(({ level, msg, code, err }) => ({ level, msg, code, error: err?.message }))).toEqual([
    { level: 30, msg: 'request refused', code: 'BAD_REQUEST', error: undefined },
  ]);
});
