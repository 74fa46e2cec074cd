import { createLogger } from '../../../src/logger';

/**
 * The figures a conformance run prints (facts read, pages walked, audits that did not pass). They go through the
 * project logger at info level whatever TEST_LOG_LEVEL says, so they show in every test run's output.
 */
export const conformanceLog = createLogger({ logLevel: 'info', logPretty: false }).child({
  suite: 'client-conformance',
});

export function reportReading(
  client: string,
  what: string,
  figures: { facts: number; pages: number; stored: number },
): void {
  conformanceLog.info(
    { client, what, ...figures },
    `${client}: ${what}: ${figures.facts} of ${figures.stored} stored facts held by the client after ${figures.pages} page(s)`,
  );
}
