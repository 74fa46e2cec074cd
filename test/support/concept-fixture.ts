import type { Neo4jGateway } from '../../src/neo4j/gateway';

/**
 * A small graph for the read-API tests while the database holds no concepts (before the shipped seed is loaded by
 * the global setup). It uses slugs the seed also has, so the same tests hold against the seed; it is written only
 * when the graph is empty and removed afterwards, and tests compare against the database rather than fixed counts.
 */

type C = [slug: string, kind: string, nameKo: string, nameEn: string, summaryKo: string, summaryEn: string, extra?: Record<string, unknown>];

const CONCEPTS: C[] = [
  ['container', 'TECHNOLOGY', '컨테이너', 'Container', '호스트 커널을 공유하는 격리된 프로세스 환경이다.', 'An isolated process environment that shares the host kernel.', { aliasesKo: ['리눅스 컨테이너'], aliasesEn: ['Linux container'], tags: ['containers'] }],
  ['virtual-machine', 'TECHNOLOGY', '가상 머신', 'Virtual machine', '하이퍼바이저 위에서 자기 커널을 부팅하는 컴퓨터이다.', 'A computer emulated on a hypervisor that boots its own kernel.', { aliasesEn: ['VM'], tags: ['virtualization'] }],
  ['hypervisor', 'TECHNOLOGY', '하이퍼바이저', 'Hypervisor', '가상 머신을 만들고 실행하는 소프트웨어이다.', 'Software that creates and runs virtual machines.', { tags: ['virtualization'] }],
  ['os-container', 'TECHNOLOGY', 'OS 컨테이너', 'OS container', '여러 프로세스를 함께 돌리는 컨테이너이다.', 'A container that runs many processes, like a light VM.', { tags: ['containers'] }],
  ['application-container', 'TECHNOLOGY', '애플리케이션 컨테이너', 'Application container', '프로세스 하나만 구동하는 컨테이너이다.', 'A container that runs a single application process.', { tags: ['containers'] }],
  ['docker', 'PRODUCT', '도커', 'Docker', '애플리케이션 컨테이너 플랫폼이다.', 'A platform for application containers.', { tags: ['docker', 'containers'] }],
  ['lxc', 'PRODUCT', 'LXC', 'LXC', '리눅스 OS 컨테이너 도구이다.', 'Linux OS containers.', { tags: ['containers'] }],
  ['rkt', 'PRODUCT', '로켓', 'rkt', '애플리케이션 컨테이너 엔진이다.', 'An application container engine.', { tags: ['containers'] }],
  ['image', 'COMPONENT', '이미지', 'Image', '컨테이너를 만드는 읽기 전용 템플릿이다.', 'A read-only template a container is created from.', { tags: ['docker'] }],
  ['layer', 'COMPONENT', '레이어', 'Layer', '이미지를 이루는 읽기 전용 층이다.', 'A read-only level an image is made of.', { tags: ['docker'] }],
  ['dockerfile', 'COMPONENT', '도커파일', 'Dockerfile', '이미지를 만드는 명령을 적은 파일이다.', 'A file of instructions that builds an image.', { tags: ['docker'] }],
  ['container-lifecycle', 'TOPIC', '컨테이너 생명주기', 'Container lifecycle', '컨테이너의 빌드, 실행, 정지, 커밋 단계이다.', 'The build, run, stop and commit stages of a container.', { tags: ['lifecycle'] }],
  ['build-stage', 'LIFECYCLE_STAGE', '빌드 단계', 'Build stage', '이미지를 만드는 단계이다.', 'The stage that builds an image.', { tags: ['lifecycle'], order: 1 }],
  ['run-stage', 'LIFECYCLE_STAGE', '실행 단계', 'Run stage', '컨테이너를 실행하는 단계이다.', 'The stage that runs a container.', { tags: ['lifecycle'], order: 2 }],
  ['stop-kill-stage', 'LIFECYCLE_STAGE', '정지 단계', 'Stop/kill stage', '컨테이너를 멈추는 단계이다.', 'The stage that stops a container.', { tags: ['lifecycle'], order: 3 }],
  ['commit-stage', 'LIFECYCLE_STAGE', '커밋 단계', 'Commit stage', '컨테이너 변경을 이미지로 저장하는 단계이다.', 'The stage that saves changes as an image.', { tags: ['lifecycle'], order: 4 }],
  ['docker-build', 'COMMAND', '도커 빌드', 'docker build', '도커파일로 이미지를 만든다.', 'Builds an image from a Dockerfile.', { tags: ['docker', 'cli'], syntax: 'docker build -t <name> .' }],
  ['docker-build-tag-flag', 'FLAG', '태그 플래그', 'Tag flag', '만든 이미지에 이름과 태그를 붙인다.', 'Names and tags the built image.', { tags: ['cli'], syntax: '-t' }],
  ['docker-stop', 'COMMAND', '도커 스톱', 'docker stop', 'SIGTERM을 보내 컨테이너를 멈춘다.', 'Stops a container by sending SIGTERM.', { tags: ['docker', 'cli'], syntax: 'docker stop <container>' }],
  ['docker-kill', 'COMMAND', '도커 킬', 'docker kill', 'SIGKILL을 보내 컨테이너를 즉시 끝낸다.', 'Ends a container at once with SIGKILL.', { tags: ['docker', 'cli'], syntax: 'docker kill <container>' }],
  ['docker-pause', 'COMMAND', '도커 퍼즈', 'docker pause', 'cgroups freezer로 프로세스를 얼린다.', 'Freezes the processes with the cgroups freezer.', { tags: ['docker', 'cli'], syntax: 'docker pause <container>' }],
  ['docker-commit', 'COMMAND', '도커 커밋', 'docker commit', '컨테이너를 새 이미지로 저장한다.', 'Saves a container as a new image.', { tags: ['docker', 'cli'], syntax: 'docker commit <container>' }],
  ['sigterm', 'SIGNAL', 'SIGTERM', 'SIGTERM', '정상 종료를 요청하는 시그널이다.', 'The signal that asks a process to terminate gracefully.', { tags: ['signals'] }],
  ['sigkill', 'SIGNAL', 'SIGKILL', 'SIGKILL', '프로세스를 즉시 끝내는 시그널이다.', 'The signal that ends a process at once.', { tags: ['signals'] }],
  ['sigstop', 'SIGNAL', 'SIGSTOP', 'SIGSTOP', '프로세스를 멈추는 시그널이다.', 'The signal that suspends a process.', { tags: ['signals'] }],
  ['cgroups-freezer', 'MECHANISM', 'cgroups 프리저', 'cgroups freezer', '프로세스 그룹을 얼리는 커널 기능이다.', 'A kernel feature that freezes a group of processes.', { tags: ['linux'] }],
  ['unikernel', 'TECHNOLOGY', '유니커널', 'Unikernel', '애플리케이션과 라이브러리 OS를 하나로 묶은 이미지이다.', 'An application compiled with a library OS into one image.', { tags: ['virtualization'] }],
  ['library-os', 'CONCEPT', '라이브러리 운영체제', 'Library OS', '필요한 OS 기능만 라이브러리로 제공한다.', 'Provides only the OS functions an application needs, as libraries.', { tags: ['virtualization'] }],
  ['process', 'CONCEPT', '프로세스', 'Process', '실행 중인 프로그램이다.', 'A running program.', { aliasesEn: ['running program'], tags: ['basics'] }],
  ['kernel', 'CONCEPT', '커널', 'Kernel', '운영체제의 핵심이다.', 'The core of an operating system.', { tags: ['basics'] }],
];

type R = [type: string, from: string, to: string, extra?: Record<string, unknown>];

const RELATIONS: R[] = [
  ['CONTRASTS_WITH', 'container', 'virtual-machine', { descriptionKo: '컨테이너는 커널을 공유한다.', descriptionEn: 'Containers share the kernel; VMs boot their own.' }],
  ['RUNS_ON', 'virtual-machine', 'hypervisor', { descriptionEn: 'A VM runs on a hypervisor.' }],
  ['SHARES', 'container', 'kernel'],
  ['IS_A', 'os-container', 'container'],
  ['IS_A', 'application-container', 'container'],
  ['EXAMPLE_OF', 'docker', 'application-container'],
  ['EXAMPLE_OF', 'lxc', 'os-container'],
  ['EXAMPLE_OF', 'rkt', 'application-container'],
  ['ALTERNATIVE_TO', 'rkt', 'docker'],
  ['CREATES', 'image', 'container'],
  ['COMPOSED_OF', 'image', 'layer'],
  ['BUILT_FROM', 'image', 'dockerfile'],
  ['HAS_STAGE', 'container-lifecycle', 'build-stage', { order: 1 }],
  ['HAS_STAGE', 'container-lifecycle', 'run-stage', { order: 2 }],
  ['HAS_STAGE', 'container-lifecycle', 'stop-kill-stage', { order: 3 }],
  ['HAS_STAGE', 'container-lifecycle', 'commit-stage', { order: 4 }],
  ['NEXT_STAGE', 'build-stage', 'run-stage'],
  ['NEXT_STAGE', 'run-stage', 'stop-kill-stage'],
  ['NEXT_STAGE', 'stop-kill-stage', 'commit-stage'],
  ['HAS_COMMAND', 'build-stage', 'docker-build'],
  ['HAS_COMMAND', 'stop-kill-stage', 'docker-stop', { order: 1 }],
  ['HAS_COMMAND', 'stop-kill-stage', 'docker-kill', { order: 2 }],
  ['HAS_COMMAND', 'stop-kill-stage', 'docker-pause', { order: 3 }],
  ['HAS_COMMAND', 'commit-stage', 'docker-commit'],
  ['HAS_FLAG', 'docker-build', 'docker-build-tag-flag', { order: 1 }],
  ['USES', 'docker-build', 'dockerfile'],
  ['CREATES', 'docker-build', 'image'],
  ['SENDS_SIGNAL', 'docker-stop', 'sigterm', { descriptionKo: '먼저 SIGTERM을 보낸다.', descriptionEn: 'Sends SIGTERM first.', order: 1 }],
  ['SENDS_SIGNAL', 'docker-stop', 'sigkill', { descriptionEn: 'Then SIGKILL after the grace period.', order: 2 }],
  ['SENDS_SIGNAL', 'docker-kill', 'sigkill'],
  ['USES', 'docker-pause', 'cgroups-freezer', { descriptionKo: 'cgroups freezer를 쓴다.', descriptionEn: 'Uses the cgroups freezer rather than SIGSTOP.' }],
  ['CONTRASTS_WITH', 'cgroups-freezer', 'sigstop'],
  ['UPDATES', 'docker-commit', 'image'],
  ['COMPOSED_OF', 'unikernel', 'library-os'],
  ['CONTRASTS_WITH', 'unikernel', 'container'],
  ['RUNS_ON', 'unikernel', 'hypervisor'],
  ['RUNS_ON', 'process', 'kernel'],
  ['REQUIRES', 'container', 'process'],
];

const MARK = 'read-api-fixture';

/** Writes the fixture when the graph has no concepts; returns a function that removes what it wrote. */
export async function ensureGraph(gateway: Neo4jGateway): Promise<() => Promise<void>> {
  const [{ n }] = await gateway.read('MATCH (c:Concept) RETURN count(c) AS n');
  if ((n as number) > 0) return async () => undefined;
  await gateway.write(
    `UNWIND $concepts AS row
     CREATE (c:Concept {slug: row.slug, kind: row.kind, nameKo: row.nameKo, nameEn: row.nameEn, summaryKo: row.summaryKo,
                        summaryEn: row.summaryEn, source: 'Getting Started with Docker > ' + row.kind, origin: 'seed', fixture: $mark})
     SET c += row.extra, c.aliasesKo = coalesce(row.extra.aliasesKo, []), c.aliasesEn = coalesce(row.extra.aliasesEn, []),
         c.searchText = reduce(s = '', a IN coalesce(row.extra.aliasesKo, []) + coalesce(row.extra.aliasesEn, []) | s + ' ' + a)`,
    { mark: MARK, concepts: CONCEPTS.map(([slug, kind, nameKo, nameEn, summaryKo, summaryEn, extra]) => ({ slug, kind, nameKo, nameEn, summaryKo, summaryEn, extra: extra ?? {} })) },
  );
  for (const type of new Set(RELATIONS.map(([t]) => t))) {
    // Relationship types cannot be parameters; these come from the fixed list above, all RelationType names.
    await gateway.write(
      `UNWIND $rows AS row MATCH (a:Concept {slug: row.from}), (b:Concept {slug: row.to})
       CREATE (a)-[r:${type} {source: 'Getting Started with Docker', origin: 'seed'}]->(b) SET r += row.extra`,
      { rows: RELATIONS.filter(([t]) => t === type).map(([, from, to, extra]) => ({ from, to, extra: extra ?? {} })) },
    );
  }
  // Until schema/ ships the search index, the fixture brings one with the agreed name.
  await gateway.write('CREATE FULLTEXT INDEX concept_search IF NOT EXISTS FOR (c:Concept) ON EACH [c.nameKo, c.nameEn, c.searchText, c.summaryKo, c.summaryEn]');
  await gateway.write('CALL db.awaitIndexes(60)');
  return async () => {
    await gateway.write('MATCH (c:Concept {fixture: $mark}) DETACH DELETE c', { mark: MARK });
  };
}
