import path from 'node:path';

import { type ServerProcess, startServerProcess } from './server-process';

/** The real API server, started as `npm start` would (production settings), in a child process we can measure. */
export type ApiProcess = ServerProcess;

const ROOT = path.resolve(__dirname, '..', '..');

export function startApiProcess(env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<ApiProcess> {
  return startServerProcess(
    'the API',
    path.join(ROOT, 'dist', 'src', 'main.js'),
    {
      NODE_ENV: 'production',
      LOG_PRETTY: 'false',
      LOG_LEVEL: 'info',
      PORT: '0',
      HOST: '127.0.0.1',
      ...env,
    },
    nodeArgs,
  );
}
