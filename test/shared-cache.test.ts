import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { createTestFrontend } from './support/access';
import { useTestServer } from './support/server';

/**
 * The API behind a real shared cache: Debian's nginx with proxy_cache, on loopback ports. Readers of different
 * languages and media types must each get their own answer, answers that differ per call must never be served from
 * the cache, and repeated identical requests must be.
 */

const nginxFound = spawnSync('nginx', ['-v']).error === undefined;
const inCi = process.env.CI === 'true';
const SKIP_REASON = "nginx is not installed (install Debian's nginx-light or nginx to run it)";

if (!nginxFound && !inCi) process.stderr.write(`shared-cache.test.ts skipped: ${SKIP_REASON}\n`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function nginxConfig(dir: string, port: number, upstreamPort: number): string {
  return `
daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  proxy_cache_path ${dir}/cache levels=1 keys_zone=atlas:1m max_size=10m inactive=10m use_temp_path=off;
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://127.0.0.1:${upstreamPort};
      proxy_cache atlas;
      add_header X-Cache-Status $upstream_cache_status always;
    }
  }
}
`;
}

interface Answer {
  status: number;
  cache: string | null;
  contentType: string | null;
  cacheControl: string | null;
  body: string;
}

const describeWithNginx = nginxFound || inCi ? describe : describe.skip;

describeWithNginx(
  nginxFound || inCi ? 'behind a shared cache (nginx proxy_cache)' : `behind a shared cache: skipped, ${SKIP_REASON}`,
  () => {
    const server = useTestServer();
    let nginx: ChildProcess | undefined;
    let dir: string;
    let cacheUrl: string;

    beforeAll(async () => {
      if (!nginxFound)
        throw new Error(
          `CI=true and ${SKIP_REASON}: the shared-cache test must run in CI. .ci/run installs nginx-light.`,
        );
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-nginx-'));
      const port = await freePort();
      fs.writeFileSync(path.join(dir, 'nginx.conf'), nginxConfig(dir, port, Number(new URL(server.url).port)));
      nginx = spawn('nginx', ['-c', path.join(dir, 'nginx.conf'), '-p', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      nginx.stderr?.on('data', (chunk) => (stderr += String(chunk)));
      cacheUrl = `http://127.0.0.1:${port}/graphql`;
      for (let i = 0; ; i += 1) {
        try {
          await fetch(`http://127.0.0.1:${port}/health/live`);
          break;
        } catch {
          if (i > 100 || nginx.exitCode !== null) throw new Error(`nginx did not start: ${stderr}`);
          await sleep(50);
        }
      }
    });
    afterAll(async () => {
      if (nginx && nginx.exitCode === null) {
        const exited = new Promise((resolve) => nginx!.once('exit', resolve));
        nginx.kill('SIGTERM');
        await exited;
      }
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    async function get(query: string, headers: Record<string, string> = {}): Promise<Answer> {
      const response = await fetch(`${cacheUrl}?query=${encodeURIComponent(query)}`, {
        headers: { 'apollo-require-preflight': 'true', accept: 'application/json', ...headers },
      });
      return {
        status: response.status,
        cache: response.headers.get('x-cache-status'),
        contentType: response.headers.get('content-type'),
        cacheControl: response.headers.get('cache-control'),
        body: await response.text(),
      };
    }

    it('gives Korean and English readers each their own name, each from the cache the second time', async () => {
      const query = '{ concept(slug: "container") { name } }';
      const korean = { 'accept-language': 'ko-KR,ko;q=0.9' };
      const english = { 'accept-language': 'en-US,en;q=0.9' };
      expect(await get(query, korean)).toMatchObject({
        status: 200,
        cache: 'MISS',
        body: '{"data":{"concept":{"name":"컨테이너"}}}\n',
      });
      expect(await get(query, english)).toMatchObject({
        status: 200,
        cache: 'MISS',
        body: '{"data":{"concept":{"name":"Container"}}}\n',
      });
      expect(await get(query, korean)).toMatchObject({
        cache: 'HIT',
        body: '{"data":{"concept":{"name":"컨테이너"}}}\n',
      });
      expect(await get(query, english)).toMatchObject({
        cache: 'HIT',
        body: '{"data":{"concept":{"name":"Container"}}}\n',
      });
    });

    it('gives application/json and application/graphql-response+json clients each their own media type', async () => {
      const query = '{ concept(slug: "docker") { slug } }';
      const json = { accept: 'application/json' };
      const graphqlResponse = { accept: 'application/graphql-response+json' };
      expect(await get(query, json)).toMatchObject({ cache: 'MISS', contentType: 'application/json; charset=utf-8' });
      expect(await get(query, graphqlResponse)).toMatchObject({
        cache: 'MISS',
        contentType: 'application/graphql-response+json; charset=utf-8',
      });
      expect(await get(query, json)).toMatchObject({ cache: 'HIT', contentType: 'application/json; charset=utf-8' });
      expect(await get(query, graphqlResponse)).toMatchObject({
        cache: 'HIT',
        contentType: 'application/graphql-response+json; charset=utf-8',
      });
    });

    it('never serves a quiz without a seed from the cache, and serves one with a seed from it', async () => {
      const unseeded = '{ quiz(count: 10) { id } }';
      const first = await get(unseeded);
      const second = await get(unseeded);
      expect([first.cache, second.cache, first.cacheControl, second.cacheControl]).toEqual([
        'MISS',
        'MISS',
        'no-store',
        'no-store',
      ]);
      expect(second.body).not.toBe(first.body);
      const seeded = '{ quiz(count: 10, seed: 7) { id } }';
      const again = [await get(seeded), await get(seeded)];
      expect(again.map((answer) => answer.cache)).toEqual(['MISS', 'HIT']);
      expect(again[1].body).toBe(again[0].body);
    });

    it('never keeps an answer with errors', async () => {
      const broken = '{ concepts(first: -1) { totalCount } }';
      const answers = [await get(broken), await get(broken)];
      expect(answers.map((answer) => answer.cache)).toEqual(['MISS', 'MISS']);
      expect(answers[1].body).toMatch(/BAD_USER_INPUT/);
    });

    it('never keeps an answer to a request with a credential, so nobody else is ever served it', async () => {
      const { key } = await createTestFrontend('shared-cache');
      const query = '{ concept(slug: "volume") { slug } }';
      const keyed = [
        await get(query, { authorization: `Bearer ${key}` }),
        await get(query, { authorization: `Bearer ${key}` }),
      ];
      expect(keyed.map((answer) => [answer.status, answer.cache, answer.cacheControl])).toEqual([
        [200, 'MISS', 'private, no-store'],
        [200, 'MISS', 'private, no-store'],
      ]);
      expect((await get(query)).cache).toBe('MISS');
    });
  },
);
