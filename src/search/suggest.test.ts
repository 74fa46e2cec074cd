import { didYouMean, typoDistance } from './suggest';

describe('typoDistance', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(typoDistance('dokcer', 'docker')).toBe(1);
    expect(typoDistance('containr', 'container')).toBe(1);
    expect(typoDistance('stpo', 'stop')).toBe(1);
    expect(typoDistance('kernel', 'kernel')).toBe(0);
    expect(typoDistance('image', 'layer')).toBe(4);
  });
});

describe('didYouMean', () => {
  const vocabulary = ['Docker', 'docker stop', 'Docker container', '도커 컨테이너', 'Hypervisor'];

  it('replaces each misspelled Latin word with the closest word of the hits', () => {
    expect(didYouMean('dokcer stpo', vocabulary)).toBe('docker stop');
    expect(didYouMean('hypervisr', vocabulary)).toBe('hypervisor');
    expect(didYouMean('dokcer 컨테이너', vocabulary)).toBe('docker 컨테이너');
  });

  it('says nothing when every word was found, or started a known word', () => {
    expect(didYouMean('docker stop', vocabulary)).toBeNull();
    expect(didYouMean('hyperv', vocabulary)).toBeNull();
  });

  it('says nothing when no word is close enough, or the word is too short to correct', () => {
    expect(didYouMean('kubernetes', vocabulary)).toBeNull();
    expect(didYouMean('dkr', vocabulary)).toBeNull();
  });
});
