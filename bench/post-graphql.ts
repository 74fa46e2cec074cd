import type { ServerProcess } from './server-process';
import type { GraphQLRequest } from './shapes';

/** A contestant's answer as the bench reads it when it checks one: the body, and ours' Cypher round trips. */
export interface Answer {
  data?: any;
  errors?: { message: string }[];
  /** X-Db-Round-Trips (null: the server sent none). */
  roundTrips: number | null;
}

/**
 * One GraphQL request to a contestant through `fetch`, for what the bench checks rather than times (one-client timing
 * goes through load-serial.ts). A failure to reach the server says who, on what (`what`), why (the transport's own
 * cause: ECONNREFUSED, "other side closed"...) and what the process last printed or how it ended, instead of a bare
 * `TypeError: fetch failed`. An answer that is not JSON, or an error status without errors, is answered as an error.
 */
export async function postGraphQL(
  server: ServerProcess,
  what: string,
  request: GraphQLRequest | string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const body = typeof request === 'string' ? request : JSON.stringify(request);
  let response: Response;
  try {
    response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause ? `${cause.code ?? ''} ${cause.message ?? ''}`.trim() : (error as Error).message;
    throw new Error(`${what}: no answer from ${server.url} (${reason}); ${server.describe()}`, { cause: error });
  }
  const text = await response.text();
  let parsed: Omit<Answer, 'roundTrips'>;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 200)}` }] };
  }
  if (!response.ok && !parsed.errors) parsed.errors = [{ message: `HTTP ${response.status}` }];
  const trips = response.headers.get('x-db-round-trips');
  return { ...parsed, roundTrips: trips === null ? null : Number(trips) };
}
