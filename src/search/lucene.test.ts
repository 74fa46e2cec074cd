import { escapeLucene, toLuceneQuery } from './lucene';

describe('toLuceneQuery', () => {
  it('escapes every Lucene special character', () => {
    expect(escapeLucene('+-&|!(){}[]^"~*?:\\/')).toBe('\\+\\-\\&\\|\\!\\(\\)\\{\\}\\[\\]\\^\\"\\~\\*\\?\\:\\\\\\/');
  });

  it('searches every word as itself and as a prefix, lower-cased', () => {
    expect(toLuceneQuery('  Hyperv  컨 ')).toBe('(hyperv OR hyperv*) (컨 OR 컨*)');
  });

  it('turns operator words into plain words and leaves no unescaped syntax', () => {
    expect(toLuceneQuery('a) OR (b')).toBe('(a\\) OR a\\)*) (or OR or*) (\\(b OR \\(b*)');
    expect(toLuceneQuery('NOT AND')).toBe('(not OR not*) (and OR and*)');
  });
});
