import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/** Passes a request on: nothing (or `'route'`) for the next step, an error for the next error step. */
export type Next = (error?: unknown) => void;

/** A step that handles a request or passes it on; Express's request and response extend these, so it is also an Express middleware. */
export type Step = (req: IncomingMessage, res: ServerResponse, next: Next) => unknown;

/** A step that runs only once another failed (four parameters, as in Express). */
export type ErrorStep = (error: unknown, req: IncomingMessage, res: ServerResponse, next: Next) => unknown;

/** A step of a chain: a plain step, or an error step. */
export type ChainStep = Step | ErrorStep;

/**
 * Several steps run as one, in order, with Express's calling convention (`next()`, `next(error)`, error steps by
 * their four parameters) on node's own request and response, without Express's router: every Express layer a
 * request passes matches its path, trims and restores the URL and wraps `next`, which for a GraphQL request cost more
 * than most of the steps themselves. `next('router')` leaves the chain and hands the request to whatever comes after.
 */
export function chain(steps: ChainStep[]): Step {
  return (req, res, done) => {
    let index = 0;
    const next: Next = (error) => {
      if (error === 'router') return done();
      // As in Express: a falsy value (and 'route') is no error.
      const failed = Boolean(error) && error !== 'route';
      while (index < steps.length) {
        const step = steps[index++];
        if (failed !== (step.length === 4)) continue;
        try {
          const result = failed ? (step as ErrorStep)(error, req, res, next) : (step as Step)(req, res, next);
          // An async step's rejected promise is passed on as an error, as Express 5 does.
          if (result instanceof Promise)
            result.catch((thrown: unknown) => next(thrown ?? new Error('Rejected promise')));
        } catch (thrown) {
          next(thrown);
        }
        return;
      }
      done(failed ? error : undefined);
    };
    next();
  };
}

/**
 * A listener that serves the requests `isMine` picks by URL itself, through `enter` and then `steps` on node's own
 * request and response, and hands every other request, and one the steps pass on, to `elsewhere` (the Express app).
 * An error from `enter` or `steps` goes to `failed`, which must answer it.
 */
export function serveFirst(
  isMine: (url: string) => boolean,
  enter: Step,
  steps: Step,
  elsewhere: RequestListener,
  failed: ErrorStep,
): RequestListener {
  return (req, res) => {
    if (!isMine(req.url ?? '')) {
      elsewhere(req, res);
      return;
    }
    const after: Next = (error) => {
      if (error) void failed(error, req, res, () => undefined);
      else elsewhere(req, res);
    };
    enter(req, res, (error) => (error ? after(error) : void steps(req, res, after)));
  };
}
