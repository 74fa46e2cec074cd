import path from 'node:path';

import { type ServerProcess, startServerProcess } from '../server-process';

/** The peer (@neo4j/graphql on Apollo Server) in a child process, with production settings, over `neo4jUri`. */
export function startPeerProcess(neo4jUri: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  return startServerProcess('the peer', path.join(__dirname, 'server.js'), {
    NODE_ENV: 'production',
    PORT: '0',
    NEO4J_URI: neo4jUri,
    ...env,
  });
}
