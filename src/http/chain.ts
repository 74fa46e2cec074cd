import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';

/** A step of a chain: a middleware, or an error handler (four parameters) that runs only once a step failed. */
export type ChainStep = RequestHandler | ErrorRequestHandler;

/**
 * Several middlewares run as one, in order, with Express's calling convention (`next()`, `next(error)`, error
 * handlers by their four parameters) but without its router: every Express layer a request passes matches its path,
 * trims and restores the URL and wraps `next`, which for a GraphQL request cost more than most of the steps
 * themselves. `next('router')` leaves the chain and lets the app's later layers handle the request.
 */
export function chain(steps: ChainStep[]): RequestHandler {
  return (req: Request, res: Response, done: NextFunction) => {
    let index = 0;
    const next = (error?: unknown): void => {
      if (error === 'router') return done();
      // As in Express: a falsy value (and 'route') is no error.
      const failed = Boolean(error) && error !== 'route';
      while (index < steps.length) {
        const step = steps[index++];
        if (failed !== (step.length === 4)) continue;
        try {
          const result = failed
            ? (step as ErrorRequestHandler)(error, req, res, next)
            : (step as RequestHandler)(req, res, next);
          // Express 5 passes a rejected promise of an async middleware on as an error; so does this.
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
