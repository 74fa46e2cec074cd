/** The two languages of the knowledge graph, as the API names them. */
export type Lang = 'KO' | 'EN';

export interface Bilingual {
  ko: string;
  en: string;
}

/** Picks the text of one language, falling back to the other when it is missing (as the API does). */
export function pick(text: Bilingual | null | undefined, lang: Lang): string {
  if (!text) return '';
  return (lang === 'KO' ? text.ko || text.en : text.en || text.ko) ?? '';
}

/** Every fixed string of the page. Data (names, summaries) comes from the API in both languages. */
export const UI = {
  title: { ko: 'container-atlas 그래프 탐색기', en: 'container-atlas graph explorer' },
  brand: { ko: '그래프 탐색기', en: 'Graph explorer' },
  searchLabel: { ko: '개념 검색', en: 'Search concepts' },
  searchPlaceholder: { ko: '예: 유니커널, docker stop', en: 'e.g. unikernel, docker stop' },
  searchHint: {
    ko: '한국어나 영어로 입력하고 ↑↓ 로 고른 뒤 Enter',
    en: 'Type in Korean or English, pick with ↑↓ and Enter',
  },
  noResults: { ko: '찾은 개념이 없습니다', en: 'No concept found' },
  didYouMean: { ko: '이 검색어로 찾은 결과:', en: 'Showing results for' },
  modeLabel: { ko: '보기 방식', en: 'View' },
  modeExplore: { ko: '이웃 보기', en: 'Neighbours' },
  modePath: { ko: '경로 찾기', en: 'Find a path' },
  langLabel: { ko: '언어', en: 'Language' },
  playground: { ko: 'GraphQL 플레이그라운드', en: 'GraphQL playground' },
  pathFrom: { ko: '출발 개념', en: 'From' },
  pathTo: { ko: '도착 개념', en: 'To' },
  pathFromPlaceholder: { ko: '예: 유니커널', en: 'e.g. unikernel' },
  pathToPlaceholder: { ko: '예: 가상 머신', en: 'e.g. virtual machine' },
  pathSubmit: { ko: '경로 보기', en: 'Show path' },
  pathPickBoth: { ko: '출발과 도착 개념을 목록에서 고르세요.', en: 'Pick both concepts from the lists.' },
  graphLabel: { ko: '개념 그래프', en: 'Concept graph' },
  graphHelp: {
    ko: '노드를 누르면 그 개념의 이웃이 펼쳐집니다. 끌어서 옮기고, 휠이나 두 손가락으로 확대할 수 있습니다.',
    en: 'Click a node to expand its neighbours. Drag to move, scroll or pinch to zoom.',
  },
  legend: { ko: '관계 범례', en: 'Relation legend' },
  kinds: { ko: '노드 종류', en: 'Node kinds' },
  panelLabel: { ko: '개념 정보', en: 'Concept details' },
  welcomeTitle: { ko: '컨테이너 지식 그래프', en: 'The container knowledge graph' },
  welcomeText: {
    ko: '개념을 검색하거나 아래에서 하나를 골라 보세요. 그 개념과 이어진 개념들이 그래프로 그려집니다.',
    en: 'Search for a concept or pick one below. It is drawn with the concepts it connects to.',
  },
  startHere: { ko: '여기서 시작하기', en: 'Start here' },
  kind: { ko: '종류', en: 'Kind' },
  aliases: { ko: '다른 이름', en: 'Also called' },
  noteSays: { ko: '노트의 설명', en: 'The note says' },
  truth: { ko: '실제로는', en: 'In fact' },
  correction: { ko: '노트 바로잡기', en: 'Correction to the note' },
  showType: { ko: '보이기', en: 'Show' },
  learningOrder: { ko: '학습 순서 (흐리게 표시)', en: 'Learning order (drawn lightly)' },
  syntax: { ko: '사용법', en: 'Syntax' },
  flags: { ko: '플래그', en: 'Flags' },
  source: { ko: '출처 (노트의 절)', en: 'Source (section of the note)' },
  tags: { ko: '태그', en: 'Tags' },
  details: { ko: '자세히', en: 'Details' },
  connections: { ko: '이어진 개념', en: 'Connected concepts' },
  connectionsHelp: {
    ko: '누르면 그 개념으로 이동하고 이웃을 펼칩니다.',
    en: 'Choose one to move to it and expand its neighbours.',
  },
  loading: { ko: '불러오는 중…', en: 'Loading…' },
  truncated: {
    ko: '이웃이 많아 일부만 그렸습니다.',
    en: 'This concept has many neighbours; only some are drawn.',
  },
  notFound: { ko: '그런 개념이 없습니다', en: 'There is no such concept' },
  error: { ko: '불러오지 못했습니다', en: 'Could not load' },
  pathTitle: { ko: '두 개념을 잇는 경로', en: 'How the two concepts connect' },
  pathSteps: { ko: '단계', en: 'steps' },
  pathNone: {
    ko: '두 개념을 잇는 경로를 찾지 못했습니다. 다른 두 개념을 골라 보세요.',
    en: 'No path connects these two concepts. Try another pair.',
  },
  pathOthers: { ko: '다른 경로', en: 'Other paths' },
  pathShown: { ko: '보고 있는 경로', en: 'Path shown' },
  nodesInView: { ko: '그래프에 있는 개념', en: 'Concepts in the graph' },
  drawn: { ko: '개념 {n}개, 관계 {m}개를 그렸습니다.', en: 'Drawn {n} concepts and {m} relations.' },
  fit: { ko: '전체 보기', en: 'Fit to view' },
  quizTitle: { ko: '퀴즈', en: 'Quiz' },
  quizHelp: {
    ko: '이 개념에 관한 문제 세 개를 그래프에서 만들어 냅니다.',
    en: 'Three questions about this concept, made from the graph.',
  },
  quizStart: { ko: '퀴즈 풀기', en: 'Quiz me' },
  quizAgain: { ko: '새 문제 받기', en: 'New questions' },
  quizNone: {
    ko: '이 개념으로는 아직 문제를 만들 수 없습니다.',
    en: 'No questions can be made about this concept yet.',
  },
  quizRight: { ko: '정답입니다!', en: 'Right!' },
  quizWrong: { ko: '아쉽네요. 정답은 {answer}입니다.', en: 'Not quite: the answer is {answer}.' },
  quizScore: { ko: '{total}문제 중 {right}문제를 맞혔습니다.', en: '{right} of {total} right.' },
  progressToggle: { ko: '내 학습 현황', en: 'My progress' },
  progressTitle: { ko: '내 학습 현황 (데모 학습자)', en: 'My progress (demo learner)' },
  progressHelp: {
    ko: '개발 서버의 데모 학습자 "{id}"의 기록입니다. 노드 색이 학습 상태를 나타냅니다.',
    en: 'The record of the development server\'s demo learner "{id}". Node colours show the learning state.',
  },
  progressLoading: { ko: '학습 현황을 불러오는 중…', en: 'Loading progress…' },
  progressKnown: {
    ko: '개념 {total}개 중 {known}개를 압니다 ({percent} %).',
    en: 'Knows {known} of {total} concepts ({percent} %).',
  },
  progressLegend: { ko: '학습 상태', en: 'Learning state' },
  stateNEW: { ko: '처음', en: 'New' },
  stateLEARNING: { ko: '익히는 중', en: 'Learning' },
  stateREVIEW: { ko: '복습 단계', en: 'Review' },
  stateMASTERED: { ko: '숙달', en: 'Mastered' },
  nextMark: { ko: '다음에 배울 개념 (보라색 테두리)', en: 'Learn next (violet ring)' },
  dueTitle: { ko: '복습할 개념', en: 'Due for review' },
  dueHelp: {
    ko: '가장 많이 잊은 것부터. 누르면 그 개념으로 이동합니다.',
    en: 'Most forgotten first. Choose one to go to it.',
  },
  dueNone: { ko: '지금 복습할 개념이 없습니다.', en: 'Nothing is due for review now.' },
  dueRecall: { ko: '기억할 확률 {percent} %', en: '{percent} % chance of recall' },
  nextTitle: { ko: '다음에 배울 개념', en: 'Learn next' },
  nextHelp: {
    ko: '먼저 배울 개념을 모두 아는, 아직 모르는 개념입니다.',
    en: 'Concepts not known yet whose every prerequisite is known.',
  },
  nextNone: { ko: '지금 배울 수 있는 새 개념이 없습니다.', en: 'No new concept is open to learn now.' },
  nextUnlocks: { ko: '{n}개의 개념으로 이어짐', en: 'opens the way to {n}' },
  moreShown: { ko: '{total}개 중 {shown}개를 보여 줍니다.', en: 'Showing {shown} of {total}.' },
  sectionsTitle: { ko: '노트의 절별 진도', en: 'Progress by section of the note' },
  progressRetry: { ko: '다시 시도', en: 'Try again' },
  progressErrorTitle: { ko: '학습 현황을 불러오지 못했습니다', en: 'Could not load the progress' },
  progressErrorToken: {
    ko: '학습자 토큰이 거부되었습니다. 새 토큰으로 한 번 더 시도했지만 역시 거부되었습니다.',
    en: 'The learner token was refused, and so was a new one asked for once more.',
  },
  progressErrorDatabase: {
    ko: '데이터베이스가 지금 응답하지 않습니다. 잠시 뒤 다시 시도하세요.',
    en: 'The database is not answering right now. Try again in a moment.',
  },
  progressErrorRate: {
    ko: '요청이 너무 많습니다. {seconds}초 뒤 다시 시도하세요.',
    en: 'Too many requests. Try again in {seconds} seconds.',
  },
  progressErrorOther: { ko: 'API가 오류로 답했습니다.', en: 'The API answered with an error.' },
} satisfies Record<string, Bilingual>;

export type UiKey = keyof typeof UI;

/** A fixed string in the chosen language, with {name} placeholders filled in. */
export function t(key: UiKey, lang: Lang, values: Record<string, string | number> = {}): string {
  return pick(UI[key], lang).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** How each kind of concept is called (the API's ConceptKind). */
export const KIND_LABELS: Record<string, Bilingual> = {
  TOPIC: { ko: '주제', en: 'Topic' },
  TECHNOLOGY: { ko: '기술', en: 'Technology' },
  CONCEPT: { ko: '개념', en: 'Concept' },
  COMPONENT: { ko: '구성 요소', en: 'Component' },
  PRODUCT: { ko: '제품', en: 'Product' },
  LIFECYCLE_STAGE: { ko: '생명주기 단계', en: 'Lifecycle stage' },
  COMMAND: { ko: '명령어', en: 'Command' },
  FLAG: { ko: '플래그', en: 'Flag' },
  SIGNAL: { ko: '시그널', en: 'Signal' },
  MECHANISM: { ko: '메커니즘', en: 'Mechanism' },
  BENEFIT: { ko: '장점', en: 'Benefit' },
  CHARACTERISTIC: { ko: '특징', en: 'Characteristic' },
  PRINCIPLE: { ko: '원칙', en: 'Principle' },
  PRACTICE: { ko: '실천 방식', en: 'Practice' },
  ARCHITECTURE: { ko: '아키텍처', en: 'Architecture' },
};

/** How each relation type reads on an edge, from the source to the target (the API's RelationType). */
export const RELATION_LABELS: Record<string, Bilingual> = {
  IS_A: { ko: '~의 한 종류', en: 'is a kind of' },
  PART_OF: { ko: '~의 일부', en: 'part of' },
  EXAMPLE_OF: { ko: '~의 예', en: 'example of' },
  ALTERNATIVE_TO: { ko: '대안', en: 'alternative to' },
  CONTRASTS_WITH: { ko: '대조', en: 'contrasts with' },
  RUNS_ON: { ko: '~위에서 실행', en: 'runs on' },
  SHARES: { ko: '공유', en: 'shares' },
  BUILT_FROM: { ko: '~로 빌드', en: 'built from' },
  DEFINED_BY: { ko: '~로 정의', en: 'defined by' },
  CREATES: { ko: '생성', en: 'creates' },
  COMPOSED_OF: { ko: '~로 구성', en: 'composed of' },
  USES: { ko: '사용', en: 'uses' },
  ENABLES: { ko: '가능하게 함', en: 'enables' },
  UPDATES: { ko: '바꿈', en: 'changes' },
  SUPPORTS: { ko: '도움', en: 'helps with' },
  TARGETS: { ko: '대상으로 함', en: 'targets' },
  LISTED_BY: { ko: '~의 목록에 나옴', en: 'is listed by' },
  STORED_IN: { ko: '~에 저장됨', en: 'is kept in' },
  DEPENDS_ON: { ko: '있어야 동작함', en: 'depends on' },
  HAS_BENEFIT: { ko: '장점', en: 'has benefit' },
  HAS_CHARACTERISTIC: { ko: '특징', en: 'has trait' },
  HAS_STAGE: { ko: '단계', en: 'has stage' },
  NEXT_STAGE: { ko: '다음 단계', en: 'next stage' },
  HAS_COMMAND: { ko: '쓰는 명령', en: 'uses the command' },
  HAS_FLAG: { ko: '플래그', en: 'has flag' },
  SENDS_SIGNAL: { ko: '시그널 보냄', en: 'sends signal' },
  LEARN_AFTER: { ko: '먼저 배울 것', en: 'learn after' },
  OVERLAPS_WITH: { ko: '뜻이 겹침', en: 'overlaps with' },
  PAIRS_WELL_WITH: { ko: '함께 쓰면 좋음', en: 'pairs well with' },
  COVERS: { ko: '다룸', en: 'covers' },
};

export function kindLabel(kind: string, lang: Lang): string {
  return pick(KIND_LABELS[kind], lang) || kind;
}

export function relationLabel(type: string, lang: Lang): string {
  return pick(RELATION_LABELS[type], lang) || type;
}
