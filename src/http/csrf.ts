import type { Step } from './chain';
import { isJsonBody } from './media-type';
import { sendRequestError } from './request-errors';

/**
 * The cross-site request rule of /graphql, in place of Apollo Server's `csrfPrevention`.
 *
 * Apollo's rule refuses every request a browser would send without a CORS preflight: a GET without a special header
 * and a POST with a "simple" content type (form-encoded, multipart, text/plain). That protects APIs that accept an
 * ambient credential (a cookie, HTTP auth, a client certificate): a page on another site could otherwise make the
 * browser send a request that acts as the user. This API accepts no ambient credential: its only credential is an
 * `Authorization: Bearer` header that the calling code adds itself (a frontend key on a server, a learner token in a
 * browser), which a browser never attaches on its own and which makes any cross-site request preflighted. A cross-site
 * GET without it can neither act for anybody nor read anything a plain fetch from anywhere could not. Refusing it only
 * broke GraphQL-over-HTTP clients such as urql, which send queries as a plain, cacheable `GET /graphql?query=...`.
 *
 * What stays protected:
 * - A POST must carry `Content-Type: application/json`, which is not a simple content type, so a browser preflights
 *   it and CORS_ORIGINS decides. A form or a text/plain POST (what an HTML form or `navigator.sendBeacon` on another
 *   site can send without asking) is refused here with 415, before anything runs.
 * - Apollo Server refuses a mutation over GET (405), so every write is a preflighted JSON POST; and every mutation
 *   needs a bearer credential (src/access/access.plugin.ts).
 *
 * The day an ambient credential (a cookie session) is accepted, this relaxation must go: turn Apollo's
 * `csrfPrevention` back on (or require a preflight header on GET) before that credential ships.
 */
export function jsonOnlyPosts(): Step {
  return (req, res, next) => {
    if (req.method !== 'POST' || isJsonBody(req)) {
      next();
      return;
    }
    const sent = req.headers['content-type'] ? `\`${req.headers['content-type']}\`` : 'no Content-Type';
    // The code Apollo Server and this server's other pre-GraphQL refusals (bad JSON, no query) use.
    sendRequestError(
      req,
      res,
      415,
      `POST /graphql takes a JSON body with Content-Type: application/json; this request sent ${sent}. Send {"query": "...", "variables": {...}} as JSON, or send a query as GET /graphql?query=...`,
    );
  };
}
