import { createHmac, timingSafeEqual } from 'node:crypto';

import type { Asks } from '../facts/fact.graph';
import { RELATION_TYPES, type RelationType } from '../graph/vocabulary';
import { MAX_OPTIONS, MIN_DISTRACTORS } from './quiz.generator';
import { asksSubject, isQuizzed } from './quiz.templates';

/**
 * Question ids: the question itself (relation, which end is asked, the given concept and the options) and an HMAC
 * over it. The answer is not in the id; checkAnswer finds it in the graph, so a client can read an id and learn
 * nothing the question does not already show, and no server keeps quiz state. Changing any byte, or an id made
 * with another secret, fails the HMAC.
 */

/** What a question id carries. */
export interface QuestionClaim {
  type: RelationType;
  asks: Asks;
  /** Slug of the concept the question names. */
  given: string;
  /** Slugs of the options, in the order they were shown. */
  options: string[];
}

interface Payload {
  v: 1;
  t: string;
  a: string;
  g: string;
  o: string[];
}

const CONTEXT = 'container-atlas/quiz-question/v1';
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const MAX_SLUG = 200;

function mac(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(`${CONTEXT}\n${body}`).digest();
}

/** The id of a question. The same question and secret always give the same id. */
export function signQuestion(claim: QuestionClaim, secret: string): string {
  const payload: Payload = { v: 1, t: claim.type, a: claim.asks, g: claim.given, o: claim.options };
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

function isSlug(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_SLUG;
}

/** The question an id stands for, or null when the id was not made by signQuestion with this secret. */
export function readQuestion(id: string, secret: string): QuestionClaim | null {
  const [body, signature, ...rest] = id.split('.');
  if (rest.length > 0 || !body || !signature || !BASE64URL.test(body) || !BASE64URL.test(signature)) return null;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(secret, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let payload: Partial<Payload>;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<Payload>;
  } catch {
    return null;
  }
  // A valid signature means we wrote this payload; the checks guard against an older format or a leaked secret.
  const type = payload.t as RelationType;
  if (payload.v !== 1 || !RELATION_TYPES.includes(type) || !isQuizzed(type)) return null;
  if (payload.a !== 'OBJECT' && !(payload.a === 'SUBJECT' && asksSubject(type))) return null;
  const options = payload.o;
  if (!isSlug(payload.g) || !Array.isArray(options) || !options.every(isSlug)) return null;
  if (options.length < MIN_DISTRACTORS + 1 || options.length > MAX_OPTIONS || new Set(options).size !== options.length)
    return null;
  return { type, asks: payload.a, given: payload.g, options };
}
