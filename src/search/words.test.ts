import { flagTerm, isFlag, keysOf, koreanStem, splitWords } from './words';

describe('koreanStem', () => {
  it.each([
    ['컨테이너를', '컨테이너'],
    ['이미지의', '이미지'],
    ['중지하려면', '중지'],
    ['빌드하기', '빌드'],
    ['중지하기를', '중지'],
    ['유니커널이란', '유니커널'],
    ['도커란', '도커'],
    ['멈추는', '멈추'],
    ['이식성이', '이식성'],
    ['비교해줘', '비교'],
  ])('%s → %s', (word, stem) => {
    expect(koreanStem(word)).toBe(stem);
  });

  it('leaves short words whole, so a final syllable that looks like a particle stays', () => {
    expect(koreanStem('속도')).toBe('속도');
    expect(koreanStem('정의')).toBe('정의');
    expect(koreanStem('커널')).toBe('커널');
  });
});

describe('splitWords', () => {
  it('lower-cases, splits on punctuation except hyphens, and keeps flags', () => {
    expect(splitWords('Docker PS -a?').map((w) => w.text)).toEqual(['docker', 'ps', '-a']);
    expect(splitWords('정지/종료').map((w) => w.text)).toEqual(['정지', '종료']);
  });

  it('drops a particle glued to a Latin word and remembers it', () => {
    expect(splitWords('docker를')).toEqual([{ text: 'docker', stem: 'docker', after: '를' }]);
    expect(splitWords('VM이란').map((w) => w.text)).toEqual(['vm']);
  });

  it('keeps a Korean word glued to a Latin word when it is not grammar', () => {
    expect(splitWords('OS컨테이너').map((w) => w.text)).toEqual(['os', '컨테이너']);
  });

  it('gives nothing for punctuation alone', () => {
    expect(splitWords('?! * -- "')).toEqual([]);
  });
});

describe('keysOf', () => {
  it('joins words without spaces, as written and as stems', () => {
    expect(keysOf('가상 머신')).toEqual(['가상머신']);
    expect(keysOf('Kernel을 공유')).toEqual(['kernel공유']);
    expect(keysOf('중복을 최소화')).toEqual(['중복을최소화', '중복최소화']);
    expect(keysOf('docker ps -a')).toEqual(['dockerps-a']);
  });
});

describe('flags', () => {
  it('recognizes flags and names their index term', () => {
    expect(isFlag('-a')).toBe(true);
    expect(isFlag('--all')).toBe(true);
    expect(isFlag('a')).toBe(false);
    expect(isFlag('-')).toBe(false);
    expect(flagTerm('-a')).toBe('flag_a');
    expect(flagTerm('--no-cache')).toBe('flag_no_cache');
  });
});
