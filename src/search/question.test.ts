import { planQuery } from './question';

const words = (text: string) => planQuery(text).whole.words.map((w) => w.stem);
const sides = (text: string) => planQuery(text).sides.map((side) => side.words.map((w) => w.stem));

describe('planQuery', () => {
  it('reads plain words', () => {
    expect(planQuery('docker stop').intent).toBe('WORDS');
    expect(words('컨테이너를 중지하려면')).toEqual(['컨테이너', '중지']);
  });

  it.each([
    'what is a unikernel',
    'What is a hypervisor?',
    '유니커널이란',
    '도커란?',
    '유니커널이 뭐야',
    '이식성이란 무엇인가요',
  ])('reads %j as a definition question', (text) => {
    expect(planQuery(text).intent).toBe('DEFINITION');
  });

  it('searches the subject of a question without its question words', () => {
    expect(words('what is a unikernel')).toEqual(['unikernel']);
    expect(words('유니커널이 뭐야')).toEqual(['유니커널']);
    expect(words('how to stop a container')).toEqual(['stop', 'container']);
  });

  it('keeps question words when nothing else is left', () => {
    expect(words('what')).toEqual(['what']);
  });

  it.each([
    [
      'docker stop vs docker kill',
      [
        ['docker', 'stop'],
        ['docker', 'kill'],
      ],
    ],
    [
      'difference between docker container and virtual machine',
      [
        ['docker', 'container'],
        ['virtual', 'machine'],
      ],
    ],
    ['compare OS container and VM', [['os', 'container'], ['vm']]],
    ['도커와 VM 차이', [['도커'], ['vm']]],
    [
      'OS 컨테이너와 애플리케이션 컨테이너 차이',
      [
        ['os', '컨테이너'],
        ['애플리케이션', '컨테이너'],
      ],
    ],
    [
      'docker stop과 docker kill의 차이점',
      [
        ['docker', 'stop'],
        ['docker', 'kill'],
      ],
    ],
    ['SIGTERM과 SIGKILL 비교', [['sigterm'], ['sigkill']]],
    [
      'OS 컨테이너 vs 가상 머신',
      [
        ['os', '컨테이너'],
        ['가상', '머신'],
      ],
    ],
  ])('reads %j as a comparison of two sides', (text, expected) => {
    expect(planQuery(text).intent).toBe('COMPARISON');
    expect(sides(text)).toEqual(expected);
  });

  it('does not read a name with "and" or 와 as a comparison without comparing words', () => {
    expect(planQuery('Container and Docker').intent).toBe('WORDS');
    expect(planQuery('컨테이너와 도커').intent).toBe('WORDS');
  });

  it('matches exactly by the whole text, with and without question words and particles', () => {
    expect(planQuery('가상 머신을').whole.needles).toEqual(['가상머신을', '가상머신']);
    expect(planQuery('what is docker').whole.needles).toEqual(['whatisdocker', 'docker']);
  });
});
