import type { IncomingMessage } from 'node:http';

import { graphqlMediaType, isJsonBody, mediaTypeOf, wantsHtml } from './media-type';

const request = (headers: IncomingMessage['headers']) => ({ headers }) as IncomingMessage;

describe('mediaTypeOf', () => {
  it.each([
    ['application/json', { essence: 'application/json', charset: undefined }],
    ['Application/JSON; Charset=UTF-8', { essence: 'application/json', charset: 'utf-8' }],
    ['application/json; charset="utf-16le"; q=1', { essence: 'application/json', charset: 'utf-16le' }],
    ['application/json;', { essence: 'application/json', charset: undefined }],
    ['application/json; charset', undefined],
    ['application json', undefined],
    ['application/', undefined],
    ['', undefined],
  ])('reads %j', (header, expected) => {
    expect(mediaTypeOf(header)).toEqual(expected);
  });
});

describe('isJsonBody', () => {
  it('needs a body and the JSON media type, as req.is did', () => {
    expect(isJsonBody(request({ 'content-type': 'application/json', 'content-length': '0' }))).toBe(true);
    expect(isJsonBody(request({ 'content-type': 'application/json', 'transfer-encoding': 'chunked' }))).toBe(true);
    expect(isJsonBody(request({ 'content-type': 'application/json' }))).toBe(false);
    expect(isJsonBody(request({ 'content-type': 'text/plain', 'content-length': '2' }))).toBe(false);
    expect(isJsonBody(request({ 'content-length': '2' }))).toBe(false);
  });
});

describe('graphqlMediaType and wantsHtml', () => {
  it.each([
    [undefined, 'application/json', false],
    ['*/*', 'application/json', false],
    ['application/graphql-response+json', 'application/graphql-response+json', false],
    ['application/graphql-response+json, application/json;q=0.9', 'application/graphql-response+json', false],
    ['application/json;q=0.5, application/graphql-response+json', 'application/graphql-response+json', false],
    ['text/csv', false, false],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'application/json', true],
  ])('Accept: %s answers %s, page %s', (accept, media, page) => {
    const req = request(accept === undefined ? {} : { accept });
    expect(graphqlMediaType(req)).toBe(media);
    expect(wantsHtml(req)).toBe(page);
  });
});
