import type { IncomingMessage, ServerResponse } from 'node:http';

import { chain, type ErrorStep, type Next, type Step } from './chain';

/** Runs a chain on empty stand-ins for the request and response; resolves with what it passed to its own next. */
function run(handler: Step): Promise<{ left: true; error: unknown } | { left: false }> {
  return new Promise((resolve) => {
    const done: Next = (error?: unknown) => resolve({ left: true, error });
    void handler({} as IncomingMessage, {} as ServerResponse, done);
    setTimeout(() => resolve({ left: false }), 50);
  });
}

/** A plain step, typed where it is written (a chain's steps are a union of plain steps and error handlers). */
const plain = (step: Step): Step => step;

describe('chain', () => {
  it('runs its steps in order and then leaves with no error', async () => {
    const seen: string[] = [];
    const step =
      (name: string): Step =>
      (_req, _res, next) => {
        seen.push(name);
        next();
      };
    expect(await run(chain([step('a'), step('b'), step('c')]))).toEqual({ left: true, error: undefined });
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('stops where a step answers without calling next', async () => {
    const seen: string[] = [];
    const result = await run(
      chain([
        plain(() => {
          seen.push('answers');
        }),
        plain(() => seen.push('never')),
      ]),
    );
    expect(result).toEqual({ left: false });
    expect(seen).toEqual(['answers']);
  });

  it('skips error handlers while nothing failed, and skips plain steps once something did', async () => {
    const seen: string[] = [];
    const failure = new Error('broken body');
    const handleError: ErrorStep = (error, _req, _res, next) => {
      seen.push(`handled ${(error as Error).message}`);
      next();
    };
    const result = await run(
      chain([
        handleError,
        plain((_req, _res, next) => {
          seen.push('fails');
          next(failure);
        }),
        plain(() => seen.push('skipped')),
        handleError,
        plain((_req, _res, next) => {
          seen.push('after the handler');
          next();
        }),
      ]),
    );
    expect(seen).toEqual(['fails', 'handled broken body', 'after the handler']);
    expect(result).toEqual({ left: true, error: undefined });
  });

  it('passes an error no step handles on, as Express would', async () => {
    const failure = new Error('unhandled');
    expect(await run(chain([plain((_req, _res, next) => next(failure))]))).toEqual({ left: true, error: failure });
  });

  it('turns a thrown error and a rejected promise into errors passed on', async () => {
    const thrown = new Error('thrown');
    const rejected = new Error('rejected');
    expect(
      await run(
        chain([
          plain(() => {
            throw thrown;
          }),
        ]),
      ),
    ).toEqual({ left: true, error: thrown });
    expect(await run(chain([plain(() => Promise.reject(rejected))]))).toEqual({ left: true, error: rejected });
  });

  it("leaves the chain at once on next('router'), skipping the rest", async () => {
    const seen: string[] = [];
    const result = await run(chain([plain((_req, _res, next) => next('router')), plain(() => seen.push('skipped'))]));
    expect(result).toEqual({ left: true, error: undefined });
    expect(seen).toEqual([]);
  });
});
