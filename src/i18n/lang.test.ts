import { Lang } from '../graph/vocabulary';
import { langFromAcceptLanguage, pick } from './lang';

describe('langFromAcceptLanguage', () => {
  it.each([
    [undefined, Lang.EN],
    ['ko-KR,ko;q=0.9,en;q=0.8', Lang.KO],
    ['en-US,en;q=0.9,ko;q=0.8', Lang.EN],
    ['fr-FR, ko;q=0.5', Lang.KO],
    ['ko;q=0.2, en;q=0.7', Lang.EN],
    ['de', Lang.EN],
    ['ko;q=0', Lang.EN],
  ])('%s -> %s', (header, expected) => {
    expect(langFromAcceptLanguage(header)).toBe(expected);
  });
});

describe('pick', () => {
  it('prefers the wanted language and falls back to the other', () => {
    expect(pick('컨테이너', 'Container', Lang.KO)).toBe('컨테이너');
    expect(pick('컨테이너', 'Container', Lang.EN)).toBe('Container');
    expect(pick(null, 'Container', Lang.KO)).toBe('Container');
    expect(pick('컨테이너', '', Lang.EN)).toBe('컨테이너');
    expect(pick(null, null, Lang.EN)).toBeNull();
  });
});
