import type { IncomingMessage } from 'node:http';
import zlib from 'node:zlib';

import getRawBody from 'raw-body';

import type { Next, Step } from './chain';
import { APPLICATION_JSON, hasBody, mediaTypeOf } from './media-type';
import { stateOf } from './request-state';

/** A failure to read a body, with the type `bodyErrors` (request-errors.ts) answers by. */
class BodyError extends Error {
  constructor(
    readonly type: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The decoder of a Content-Encoding; undefined when it is not one this server reads. */
function decoderOf(encoding: string): NodeJS.ReadWriteStream | undefined {
  switch (encoding) {
    case 'gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return undefined;
  }
}

/** Reads what is left of a request before answering, so a client still sending is not cut off mid-body. */
function drain(req: IncomingMessage, then: () => void): void {
  if (req.complete || req.destroyed) {
    then();
    return;
  }
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    then();
  };
  req.once('end', once);
  req.once('close', once);
  req.resume();
}

/** A Content-Length the plain reader takes: digits only, few enough that `Number` reads them exactly. */
const PLAIN_LENGTH = /^\d{1,15}$/;

/**
 * Reads an uncompressed UTF-8 body whose Content-Length is within the limit, as raw-body does (the same error types
 * for an aborted request and a body that does not match its length, the same decoding, a byte-order mark dropped as
 * its decoder drops it) without its decoder object, its copies of the arguments and its list of chunks: a usual
 * GraphQL request arrives in one `data` chunk, decoded once.
 */
function readPlain(req: IncomingMessage, length: number, then: (error: Error | undefined, text: string) => void): void {
  let first: Buffer | undefined;
  let more: Buffer[] | undefined;
  let received = 0;
  let complete = false;
  const cleanup = () => {
    req.removeListener('aborted', onAborted);
    req.removeListener('data', onData);
    req.removeListener('end', onEnd);
    req.removeListener('error', onEnd);
    req.removeListener('close', cleanup);
  };
  const done = (error: Error | undefined, text: string) => {
    complete = true;
    cleanup();
    if (error) req.pause();
    then(error, text);
  };
  function onAborted() {
    if (complete) return;
    done(new BodyError('request.aborted', 400, 'request aborted'), '');
  }
  function onData(chunk: Buffer) {
    if (complete) return;
    received += chunk.length;
    if (first === undefined) first = chunk;
    else (more ??= [first]).push(chunk);
  }
  function onEnd(error?: Error) {
    if (complete) return;
    if (error) return done(error, '');
    if (received !== length) {
      return done(new BodyError('request.size.invalid', 400, 'request size did not match content length'), '');
    }
    const bytes = more ? Buffer.concat(more, received) : first;
    const text = bytes ? bytes.toString('utf8') : '';
    done(undefined, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  }
  req.on('aborted', onAborted);
  req.on('close', cleanup);
  req.on('data', onData);
  req.on('end', onEnd);
  req.on('error', onEnd);
}

/**
 * JSON as body-parser's strict mode reads it: an object or a list, and an empty body as `{}` (a common client
 * mistake that GraphQL then answers precisely).
 */
function parseJson(text: string): unknown {
  if (text.length === 0) return {};
  const first = text[0] === '{' ? '{' : text.trimStart().charAt(0);
  if (first !== '{' && first !== '[') {
    throw new BodyError('entity.parse.failed', 400, `The body starts with ${JSON.stringify(first)}, not { or [`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new BodyError('entity.parse.failed', 400, (error as Error).message);
  }
}

/** Parses the body's text into the request's state and goes on; a body that is not JSON is passed on as the failure. */
function parseInto(req: IncomingMessage, text: string, next: Next): void {
  try {
    stateOf(req).body = parseJson(text);
  } catch (failure) {
    next(failure);
    return;
  }
  next();
}

/**
 * Reads a JSON body into the request's state, within `maxBytes` after decompression, as `express.json` did: bodies of
 * another media type are left alone (jsonOnlyPosts has refused those of a POST), the charset must be a UTF, and
 * gzip, deflate and br are decoded. Each failure is passed on with the error type `bodyErrors` answers.
 */
export function jsonBody(maxBytes: number): Step {
  return (req, _res, next: Next) => {
    if (!hasBody(req)) return next();
    const type = mediaTypeOf(req.headers['content-type']);
    if (type?.essence !== APPLICATION_JSON) return next();
    // A client that went away while an earlier step waited (a frontend key is looked up in the database) left a
    // request with nothing to read and nobody to answer: a client's doing, not a failure of ours.
    if (req.destroyed) return next(new BodyError('request.closed', 400, 'request closed'));
    const charset = type.charset ?? 'utf-8';
    if (!charset.startsWith('utf-')) {
      return next(new BodyError('charset.unsupported', 415, `unsupported charset "${charset.toUpperCase()}"`));
    }
    const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
    let stream: NodeJS.ReadableStream = req;
    let decoder: NodeJS.ReadWriteStream | undefined;
    if (encoding !== 'identity') {
      decoder = decoderOf(encoding);
      if (!decoder) {
        return next(new BodyError('encoding.unsupported', 415, `unsupported content encoding "${encoding}"`));
      }
      stream = req.pipe(decoder);
    }
    const length = req.headers['content-length'];
    const plain =
      !decoder &&
      (charset === 'utf-8' || charset === 'utf8') &&
      length !== undefined &&
      PLAIN_LENGTH.test(length) &&
      Number(length) <= maxBytes &&
      req.readable &&
      req.readableFlowing === null;
    if (plain) {
      readPlain(req, Number(length), (error, text) => {
        if (error) {
          drain(req, () => next(error));
          return;
        }
        parseInto(req, text, next);
      });
      return;
    }
    getRawBody(
      stream,
      { length: decoder ? undefined : req.headers['content-length'], limit: maxBytes, encoding: charset },
      (error, text) => {
        if (decoder) {
          req.unpipe(decoder);
          decoder.on('error', () => undefined);
          (decoder as unknown as { destroy(): void }).destroy();
        }
        if (error) {
          // raw-body reports a charset it cannot decode as an unsupported encoding; a decoder's failure has no type.
          const failure =
            error.type === 'encoding.unsupported'
              ? new BodyError('charset.unsupported', 415, `unsupported charset "${charset.toUpperCase()}"`)
              : error.type
                ? error
                : new BodyError('encoding.invalid', 400, error.message);
          drain(req, () => next(failure));
          return;
        }
        if (decoder) req.resume();
        parseInto(req, text, next);
      },
    );
  };
}
