import { conformanceLog } from './report';

/**
 * Runs a block that needs an optional tool. When the tool cannot run here the block is skipped with the reason in
 * the test output, except under CI=true, where a missing tool fails the run instead of passing silently.
 */
export function describeWithTool(title: string, unavailable: () => string | undefined, body: () => void): void {
  const reason = unavailable();
  if (reason === undefined) {
    describe(title, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(title, () => {
      it('has the tool it needs (CI=true turns a skip into a failure)', () => {
        throw new Error(`${title} cannot run: ${reason}`);
      });
    });
    return;
  }
  conformanceLog.warn({ skipped: title, reason }, `SKIPPED ${title}: ${reason}`);
  describe.skip(`${title} (SKIPPED: ${reason})`, body);
}
