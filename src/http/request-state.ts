import type { IncomingMessage, ServerResponse } from 'node:http';

import { type Caller, PUBLIC_CALLER } from '../access/access.types';
import type { Logger } from '../logger';

/** What a step may ask of a stored answer once the response is written (see response-cache.ts). */
export interface AnswerKeeper {
  /** Called before the body is written: whether it may be stored, judged from the status and headers so far. */
  storable(res: ServerResponse, body: string): boolean;
  /** Called after it was written, with the headers it went out with. */
  keep(res: ServerResponse, body: string): void;
}

/**
 * What the steps of a request share, in one record: made by the front door, kept on the request as `atlas`, read by
 * the /graphql steps, the Express routes and the last error handler.
 */
export class RequestState {
  /** Who sent the request: set by `authenticate` (src/access) from the Authorization header. */
  caller: Caller = PUBLIC_CALLER;
  /** The URL's query string, parsed once (a GET /graphql carries its request there). */
  search: URLSearchParams | undefined = undefined;
  /** The search part of the URL as sent, `?` included, or the empty string. */
  searchText = '';
  /** The request body, parsed from JSON (undefined when there is none). */
  body: unknown = undefined;
  /** Makes the ETag of an answer; set on /graphql, where an answer's ETag names its variant. */
  etag: ((req: IncomingMessage, res: ServerResponse, body: string) => string) | undefined = undefined;
  /** Set by the response cache on a miss, to keep the answer. */
  keeper: AnswerKeeper | undefined = undefined;
  private child: Logger | undefined = undefined;

  constructor(
    readonly id: string,
    private readonly root: Logger,
  ) {}

  /** A logger child naming the request, made only when something logs. */
  get logger(): Logger {
    return (this.child ??= this.root.child({ requestId: this.id }));
  }
}

declare module 'http' {
  interface IncomingMessage {
    /** The request's state, once the front door has seen it. */
    atlas?: RequestState;
  }
}

/** Gives a request its state: the front door does, for every request. */
export function openState(req: IncomingMessage, id: string, logger: Logger): RequestState {
  return (req.atlas = new RequestState(id, logger));
}

/** The state the front door gave the request. */
export function stateOf(req: IncomingMessage): RequestState {
  if (!req.atlas) throw new Error('the request has no state: it did not pass the front door');
  return req.atlas;
}
