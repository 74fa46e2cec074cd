import pino, { type Logger } from 'pino';

import type { Config } from './config';

export type { Logger };

/** JSON lines in production and CI; human-readable lines when a person watches a terminal. */
export function createLogger(config: Pick<Config, 'logLevel' | 'logPretty'>): Logger {
  return pino({
    name: 'container-atlas',
    level: config.logLevel,
    transport: config.logPretty
      ? {
          target: 'pino-pretty',
          options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,name' },
        }
      : undefined,
  });
}
