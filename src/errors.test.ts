import { conceptNotFound, ErrorCode } from './errors';

describe('conceptNotFound', () => {
  it('names the argument a single slug was given as', () => {
    const error = conceptNotFound('topic', 'no-such-concept');
    expect(error.message).toBe(
      'No concept has the slug "no-such-concept" (given as `topic`). Check the spelling, or find it with `search`.',
    );
    expect(error.extensions).toEqual({ code: ErrorCode.NOT_FOUND, argument: 'topic', slug: 'no-such-concept' });
  });

  it('does not repeat an argument that is itself called slug', () => {
    const error = conceptNotFound('slug', 'no-such-concept');
    expect(error.message).toBe(
      'No concept has the slug "no-such-concept". Check the spelling, or find it with `search`.',
    );
    expect(error.extensions).toEqual({ code: ErrorCode.NOT_FOUND, argument: 'slug', slug: 'no-such-concept' });
  });

  it('lists every missing slug of a list argument, and carries them as slugs', () => {
    const error = conceptNotFound('slugs', ['no-such-thing', 'also-missing']);
    expect(error.message).toBe(
      'No concept has the slug "no-such-thing", "also-missing". Check the spelling, or find it with `search`.',
    );
    expect(error.extensions).toEqual({
      code: ErrorCode.NOT_FOUND,
      argument: 'slugs',
      slugs: ['no-such-thing', 'also-missing'],
    });
  });
});
