import { escapeLucene, luceneQueries, toLuceneQuery, typoEdits } from './lucene';
import { splitWords } from './words';

describe('escapeLucene', () => {
  it('escapes every Lucene special character', () => {
    expect(escapeLucene('+-&|!(){}[]^"~*?:\\/')).toBe('\\+\\-\\&\\|\\!\\(\\)\\{\\}\\[\\]\\^\\"\\~\\*\\?\\:\\\\\\/');
  });
});

describe('toLuceneQuery', () => {
  it('searches a short word as itself (boosted) and as a prefix, lower-cased', () => {
    expect(toLuceneQuery('  VM  컨 ')).toBe('(vm^2 OR vm*) (컨^2 OR 컨*)');
  });

  it('adds misspelling clauses on names and aliases for Latin words of 4 letters or more, as a second query', () => {
    expect(luceneQueries(splitWords('Dokcer'))).toEqual({
      lucene: '(dokcer^2 OR dokcer*)',
      fuzzy: '(dokcer^2 OR dokcer* OR nameEn:dokcer~1^2 OR aliasesEn:dokcer~1)',
    });
    expect(luceneQueries(splitWords('containr')).fuzzy).toBe(
      '(containr^2 OR containr* OR nameEn:containr~2^2 OR aliasesEn:containr~2)',
    );
    expect(luceneQueries(splitWords('vm 컨테이너'))).toEqual({
      lucene: '(vm^2 OR vm*) (컨테이너^2 OR 컨테이너*)^0.2',
      fuzzy: null,
    });
  });

  it('searches a Korean word and its stem', () => {
    expect(toLuceneQuery('도커를')).toBe('(도커를^2 OR 도커를* OR 도커^2 OR 도커* OR 도커^3)');
  });

  it('searches a flag as the term the seeder stores for it', () => {
    expect(toLuceneQuery('-a')).toBe('(flag_a^4 OR \\-a)');
  });

  it('weighs words every concept mentions less next to a telling word', () => {
    expect(toLuceneQuery('ps container')).toBe('(ps^2 OR ps*) (container^2 OR container*)^0.2');
  });

  it('leaves no query syntax in the text', () => {
    expect(toLuceneQuery('a) OR (b')).toBe('(a^2 OR a*) (or^2 OR or*) (b^2 OR b*)');
    expect(toLuceneQuery('NOT AND')).toBe('(not^2 OR not*) (and^2 OR and*)');
  });
});

describe('typoEdits', () => {
  it('allows none below 4 letters, one up to 7, two from 8, and none for long or non-Latin words', () => {
    expect(typoEdits('dkr')).toBe(0);
    expect(typoEdits('stpo')).toBe(1);
    expect(typoEdits('dokcer')).toBe(1);
    expect(typoEdits('containr')).toBe(2);
    expect(typoEdits('컨테이너')).toBe(0);
    expect(typoEdits('a'.repeat(30))).toBe(0);
  });
});
