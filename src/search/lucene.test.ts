import { escapeLucene, toLuceneQuery, typoEdits } from './lucene';

describe('escapeLucene', () => {
  it('escapes every Lucene special character', () => {
    expect(escapeLucene('+-&|!(){}[]^"~*?:\\/')).toBe('\\+\\-\\&\\|\\!\\(\\)\\{\\}\\[\\]\\^\\"\\~\\*\\?\\:\\\\\\/');
  });
});

describe('toLuceneQuery', () => {
  it('searches a short word as itself (boosted) and as a prefix, lower-cased', () => {
    expect(toLuceneQuery('  VM  컨 ')).toBe('(vm^2 OR vm*) (컨^2 OR 컨*)');
  });

  it('adds a misspelling clause on names, aliases and learner words for longer Latin words', () => {
    expect(toLuceneQuery('Dokcer')).toBe('(dokcer^2 OR dokcer* OR nameEn:dokcer~2^2 OR aliasesEn:dokcer~2 OR searchTerms:dokcer~2)');
    expect(toLuceneQuery('stpo')).toBe('(stpo^2 OR stpo* OR nameEn:stpo~1^2 OR aliasesEn:stpo~1 OR searchTerms:stpo~1)');
  });

  it('searches a Korean word and its stem', () => {
    expect(toLuceneQuery('도커를')).toBe('(도커를^2 OR 도커를* OR 도커^2 OR 도커* OR 도커^3)');
  });

  it('searches a flag as the term the seeder stores for it', () => {
    expect(toLuceneQuery('-a')).toBe('(flag_a^4 OR \\-a)');
  });

  it('weighs words every concept mentions less next to a telling word', () => {
    expect(toLuceneQuery('ps container')).toBe('(ps^2 OR ps*) (container^2 OR container* OR nameEn:container~2^2 OR aliasesEn:container~2 OR searchTerms:container~2)^0.2');
  });

  it('leaves no query syntax in the text', () => {
    expect(toLuceneQuery('a) OR (b')).toBe('(a^2 OR a*) (or^2 OR or*) (b^2 OR b*)');
    expect(toLuceneQuery('NOT AND')).toBe('(not^2 OR not*) (and^2 OR and*)');
  });
});

describe('typoEdits', () => {
  it('allows none below 4 letters, one up to 5, two from 6, and none for long or non-Latin words', () => {
    expect(typoEdits('dkr')).toBe(0);
    expect(typoEdits('stpo')).toBe(1);
    expect(typoEdits('dokcer')).toBe(2);
    expect(typoEdits('컨테이너')).toBe(0);
    expect(typoEdits('a'.repeat(30))).toBe(0);
  });
});
