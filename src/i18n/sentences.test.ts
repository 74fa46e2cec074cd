import { Lang, RelationType } from '../graph/vocabulary';
import { endingOf, particleFor, relationSentence, withParticle } from './sentences';

describe('endingOf', () => {
  it.each([
    ['도커', 'vowel'],
    ['컨테이너', 'vowel'],
    ['이미지', 'vowel'],
    ['커널', 'rieul'],
    ['유니커널', 'rieul'],
    ['파일', 'rieul'],
    ['프로세스', 'vowel'],
    ['가상 머신', 'consonant'],
    ['docker stop 명령', 'consonant'],
    ['레이어', 'vowel'],
    ['빌드 단계', 'vowel'],
    ['격리', 'vowel'],
    ['컨테이너 생명주기', 'vowel'],
    ['리눅스 커널', 'rieul'],
    ['밥', 'consonant'],
    ['힣', 'consonant'],
    ['가', 'vowel'],
  ])('reads the final consonant of the Hangul syllable in %s as %s', (word, ending) => {
    expect(endingOf(word)).toBe(ending);
  });

  it.each([
    ['ㄱ', 'consonant'],
    ['ㄹ', 'rieul'],
    ['ㅎ', 'consonant'],
    ['ㅏ', 'vowel'],
  ])('treats the lone jamo %s as %s', (word, ending) => {
    expect(endingOf(word)).toBe(ending);
  });

  it.each([
    ['Windows 10', 'consonant'], // 십
    ['0', 'consonant'], // 영
    ['1', 'rieul'], // 일
    ['2', 'vowel'], // 이
    ['3', 'consonant'], // 삼
    ['4', 'vowel'], // 사
    ['5', 'vowel'], // 오
    ['6', 'consonant'], // 육
    ['7', 'rieul'], // 칠
    ['8', 'rieul'], // 팔
    ['9', 'vowel'], // 구
    ['cgroups v2', 'vowel'],
  ])('reads the number in %s in Sino-Korean: %s', (word, ending) => {
    expect(endingOf(word)).toBe(ending);
  });

  it.each([
    ['SIGTERM', 'consonant'], // 시그텀
    ['SIGKILL', 'rieul'], // 시그킬
    ['SIGSTOP', 'consonant'], // 시그스톱
    ['docker stop', 'consonant'],
    ['docker commit', 'consonant'], // 커밋
    ['docker run', 'consonant'],
    ['docker kill', 'rieul'],
    ['docker build', 'vowel'], // 빌드
    ['docker pause', 'vowel'], // 퍼즈
    ['docker start', 'vowel'], // 스타트
    ['Docker', 'vowel'], // 도커
    ['Dockerfile', 'rieul'], // 도커파일
    ['Linux', 'vowel'], // 리눅스
    ['kernel', 'rieul'],
    ['image', 'vowel'],
    ['runtime', 'consonant'], // 런타임
    ['machine', 'consonant'], // 머신
    ['cgroups freezer', 'vowel'], // 프리저
    ['DevOps', 'vowel'], // 데브옵스
    ['JSON', 'consonant'], // 제이슨
    ['YAML', 'rieul'], // 야믈
    ['stack', 'consonant'], // 스택
    ['hook', 'consonant'], // 훅
    ['disk', 'vowel'], // 디스크
    ['boot', 'vowel'], // 부트
    ['web', 'consonant'], // 웹
    ['logging', 'consonant'], // 로깅
    ['BSD Jail', 'rieul'], // 제일
  ])('reads the English word %s as Korean borrows it: %s', (word, ending) => {
    expect(endingOf(word)).toBe(ending);
  });

  it.each([
    ['LXC', 'vowel'], // 엘엑스씨
    ['VM', 'consonant'], // 브이엠
    ['OS', 'vowel'], // 오에스
    ['Library OS', 'vowel'],
    ['API', 'vowel'], // 에이피아이
    ['RUN', 'consonant'], // 알유엔
    ['URL', 'rieul'], // 유알엘
    ['CPU', 'vowel'],
    ['OpenVZ', 'vowel'], // 오픈브이지
    ['rkt', 'vowel'], // 알케이티
    ['docker ps', 'vowel'], // 피에스
    ['k8s', 'vowel'], // 에스
  ])('spells out the acronym %s letter by letter: %s', (word, ending) => {
    expect(endingOf(word)).toBe(ending);
  });

  it('ignores trailing punctuation and a final parenthetical, like a reader does', () => {
    expect(endingOf('운영체제(OS)')).toBe('vowel');
    expect(endingOf('가상 머신 (VM)')).toBe('consonant');
    expect(endingOf('"도커"')).toBe('vowel');
    expect(endingOf('커널.')).toBe('rieul');
    expect(endingOf('`docker stop`')).toBe('consonant');
    expect(endingOf('(VM)')).toBe('consonant');
  });

  it('says unknown when nothing readable is left', () => {
    expect(endingOf('')).toBe('unknown');
    expect(endingOf('!!!')).toBe('unknown');
    expect(endingOf('→')).toBe('unknown');
    expect(endingOf('日本')).toBe('unknown');
  });
});

describe('particleFor', () => {
  it('chooses 은/는, 이/가, 을/를 by the final consonant', () => {
    expect(withParticle('커널', '은/는')).toBe('커널은');
    expect(withParticle('도커', '은/는')).toBe('도커는');
    expect(withParticle('가상 머신', '이/가')).toBe('가상 머신이');
    expect(withParticle('이미지', '이/가')).toBe('이미지가');
    expect(withParticle('SIGTERM', '을/를')).toBe('SIGTERM을');
    expect(withParticle('LXC', '을/를')).toBe('LXC를');
    expect(withParticle('SIGKILL', '을/를')).toBe('SIGKILL을');
  });

  it('writes 와 after a vowel and 과 after a consonant (the pair that reads vowel-first)', () => {
    expect(withParticle('도커', '와/과')).toBe('도커와');
    expect(withParticle('가상 머신', '와/과')).toBe('가상 머신과');
    expect(withParticle('커널', '와/과')).toBe('커널과');
    expect(withParticle('VM', '와/과')).toBe('VM과');
  });

  it('writes 로 after a vowel or ㄹ and 으로 after any other consonant', () => {
    expect(withParticle('이미지', '으로/로')).toBe('이미지로');
    expect(withParticle('도커파일', '으로/로')).toBe('도커파일로');
    expect(withParticle('docker kill', '으로/로')).toBe('docker kill로');
    expect(withParticle('docker stop 명령', '으로/로')).toBe('docker stop 명령으로');
    expect(withParticle('1', '으로/로')).toBe('1로');
    expect(withParticle('3', '으로/로')).toBe('3으로');
  });

  it('writes 이라는 after a consonant and 라는 after a vowel', () => {
    expect(withParticle('이식성', '이라는/라는')).toBe('이식성이라는');
    expect(withParticle('빠른 속도', '이라는/라는')).toBe('빠른 속도라는');
    expect(withParticle('커널', '이라는/라는')).toBe('커널이라는');
  });

  it('falls back to the neutral spellings when the ending cannot be told', () => {
    expect(particleFor('日本', '은/는')).toBe('은(는)');
    expect(particleFor('日本', '이/가')).toBe('이(가)');
    expect(particleFor('日本', '을/를')).toBe('을(를)');
    expect(particleFor('日本', '와/과')).toBe('와(과)');
    expect(particleFor('日本', '으로/로')).toBe('(으)로');
    expect(particleFor('日本', '이라는/라는')).toBe('(이)라는');
  });
});

describe('relationSentence', () => {
  // These read from the object's side ("docker ps is a command used in the run stage", "learn B before A").
  const objectFirst: Record<Lang, RelationType[]> = {
    [Lang.EN]: [
      RelationType.HAS_CHARACTERISTIC,
      RelationType.HAS_STAGE,
      RelationType.HAS_COMMAND,
      RelationType.LEARN_AFTER,
    ],
    [Lang.KO]: [RelationType.LEARN_AFTER],
  };

  it('has a sentence for every relation type in both languages, naming both ends', () => {
    for (const type of Object.values(RelationType)) {
      for (const lang of [Lang.EN, Lang.KO]) {
        const sentence = relationSentence(type, 'Alpha', 'Beta', lang);
        expect(sentence).toContain('Alpha');
        expect(sentence).toContain('Beta');
        if (objectFirst[lang].includes(type)) expect(sentence.indexOf('Beta')).toBeLessThan(sentence.indexOf('Alpha'));
        else expect(sentence.indexOf('Alpha')).toBeLessThan(sentence.indexOf('Beta'));
        expect(sentence).toMatch(/\.$/);
        if (lang === Lang.KO) expect(sentence).toMatch(/[가-힣]/);
        else expect(sentence).not.toMatch(/[가-힣]/);
      }
    }
  });

  it('uses different words for different relation types', () => {
    const english = Object.values(RelationType).map((type) => relationSentence(type, 'A', 'B', Lang.EN));
    const korean = Object.values(RelationType).map((type) => relationSentence(type, 'A', 'B', Lang.KO));
    expect(new Set(english).size).toBe(english.length);
    expect(new Set(korean).size).toBe(korean.length);
  });

  it('states the docker stop facts the way a learner reads them', () => {
    expect(relationSentence(RelationType.SENDS_SIGNAL, 'docker stop', 'SIGTERM', Lang.EN)).toBe(
      'docker stop sends SIGTERM.',
    );
    expect(relationSentence(RelationType.SENDS_SIGNAL, '도커 스톱', 'SIGTERM', Lang.KO)).toBe(
      '도커 스톱은 SIGTERM을 보낸다.',
    );
    expect(relationSentence(RelationType.SENDS_SIGNAL, 'docker kill 명령', 'SIGKILL 시그널', Lang.KO)).toBe(
      'docker kill 명령은 SIGKILL 시그널을 보낸다.',
    );
    expect(relationSentence(RelationType.SENDS_SIGNAL, '도커', 'LXC', Lang.KO)).toBe('도커는 LXC를 보낸다.');
  });

  it('chooses the particles of each template from its own names', () => {
    expect(relationSentence(RelationType.USES, 'docker pause', 'cgroups freezer', Lang.KO)).toBe(
      'docker pause는 cgroups freezer를 사용한다.',
    );
    expect(relationSentence(RelationType.BUILT_FROM, '유니커널', '라이브러리 OS', Lang.KO)).toBe(
      '유니커널은 라이브러리 OS로 만들어진다.',
    );
    expect(relationSentence(RelationType.BUILT_FROM, '이미지', '베이스 이미지', Lang.KO)).toBe(
      '이미지는 베이스 이미지로 만들어진다.',
    );
    expect(relationSentence(RelationType.COMPOSED_OF, '이미지', '레이어', Lang.KO)).toBe(
      '이미지는 레이어를 담고 있다.',
    );
    expect(relationSentence(RelationType.HAS_COMMAND, '정지 단계', 'docker stop 명령', Lang.KO)).toBe(
      '정지 단계에서는 docker stop 명령을 쓴다.',
    );
    expect(relationSentence(RelationType.CONTRASTS_WITH, 'OS 컨테이너', '애플리케이션 컨테이너', Lang.KO)).toBe(
      'OS 컨테이너는 애플리케이션 컨테이너와 대비된다.',
    );
    expect(relationSentence(RelationType.CONTRASTS_WITH, '컨테이너', '가상 머신', Lang.KO)).toBe(
      '컨테이너는 가상 머신과 대비된다.',
    );
    expect(relationSentence(RelationType.IS_A, 'OS 컨테이너', '컨테이너', Lang.KO)).toBe(
      'OS 컨테이너는 컨테이너의 한 종류이다.',
    );
    expect(relationSentence(RelationType.LEARN_AFTER, '컨테이너', '커널', Lang.KO)).toBe(
      '학습 순서로는 커널을 먼저 익힌 뒤 컨테이너를 배운다.',
    );
    expect(relationSentence(RelationType.NEXT_STAGE, '빌드 단계', '실행 단계', Lang.KO)).toBe(
      '빌드 단계 다음에는 실행 단계가 온다.',
    );
    expect(relationSentence(RelationType.HAS_BENEFIT, '도커', '이식성', Lang.KO)).toBe(
      '도커는 이식성이라는 장점이 있다.',
    );
  });

  it('keeps the stored spelling of names in English', () => {
    expect(relationSentence(RelationType.IS_A, 'OS container', 'Container', Lang.EN)).toBe(
      'OS container is a kind of Container.',
    );
    expect(relationSentence(RelationType.LEARN_AFTER, 'Container', 'Process', Lang.EN)).toBe(
      'In the learning order, Process comes before Container.',
    );
  });

  it('places the English sentence form with its article, a capital at the start and a verb that agrees', () => {
    const features = { name: 'Kernel isolation features', text: "the kernel's isolation features", plural: true };
    const kernel = { name: 'Linux kernel', text: 'the Linux kernel' };
    expect(relationSentence(RelationType.PART_OF, features, kernel, Lang.EN)).toBe(
      "The kernel's isolation features are part of the Linux kernel.",
    );
    expect(
      relationSentence(
        RelationType.PART_OF,
        { name: 'Image tag', text: 'an image tag' },
        { name: 'Image', text: 'an image' },
        Lang.EN,
      ),
    ).toBe('An image tag is part of an image.');
    expect(
      relationSentence(
        RelationType.IS_A,
        { name: 'OS container', text: 'an OS container' },
        { name: 'Container', text: 'a container' },
        Lang.EN,
      ),
    ).toBe('An OS container is a kind of container.');
    expect(relationSentence(RelationType.USES, features, kernel, Lang.EN)).toBe(
      "The kernel's isolation features use the Linux kernel.",
    );
    expect(
      relationSentence(
        RelationType.HAS_CHARACTERISTIC,
        { name: 'VM', text: 'a virtual machine' },
        { name: 'Dedicated resources', text: 'dedicated resources', plural: true },
        Lang.EN,
      ),
    ).toBe('Dedicated resources are a characteristic of a virtual machine.');
    expect(relationSentence(RelationType.SENDS_SIGNAL, { name: 'docker stop' }, { name: 'SIGTERM' }, Lang.EN)).toBe(
      'docker stop sends SIGTERM.',
    );
    expect(
      relationSentence(
        RelationType.HAS_COMMAND,
        { name: 'Run stage', text: 'the run stage' },
        { name: 'docker ps' },
        Lang.EN,
      ),
    ).toBe('docker ps is a command used in the run stage.');
  });

  it('counts a list of several concepts as several: plural verb and plural noun after it, no article inside "a kind of"', () => {
    const vm = { name: 'VM', text: 'a virtual machine' };
    const list = { name: 'Isolation and portability', text: 'isolation and portability', plural: true, several: true };
    expect(relationSentence(RelationType.HAS_CHARACTERISTIC, vm, list, Lang.EN)).toBe(
      'Isolation and portability are characteristics of a virtual machine.',
    );
    expect(relationSentence(RelationType.HAS_BENEFIT, vm, list, Lang.EN)).toBe(
      'A virtual machine has the benefits of isolation and portability.',
    );
    const kinds = { name: 'LXC and OpenVZ', text: 'LXC and OpenVZ', plural: true, several: true };
    expect(relationSentence(RelationType.IS_A, kinds, { name: 'Container', text: 'a container' }, Lang.EN)).toBe(
      'LXC and OpenVZ are kinds of container.',
    );
    const both = { name: 'x', text: 'a container and an image', plural: true, several: true };
    expect(relationSentence(RelationType.IS_A, { name: 'Docker' }, both, Lang.EN)).toBe(
      'Docker is a kind of container and image.',
    );
  });
});
