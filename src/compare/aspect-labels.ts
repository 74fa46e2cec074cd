import { type Bilingual, Direction, RelationType, type Way } from '../graph/vocabulary';

type Labels = { outgoing: Bilingual; incoming: Bilingual };

const same = (label: Bilingual): Labels => ({ outgoing: label, incoming: label });

/**
 * The row heading of a derived comparison aspect: a relation type seen from the compared concept, as subject
 * (outgoing) or as object (incoming). Symmetric types read the same both ways.
 */
const LABELS: Record<RelationType, Labels> = {
  [RelationType.IS_A]: {
    outgoing: { ko: '상위 개념', en: 'Is a kind of' },
    incoming: { ko: '하위 종류', en: 'Kinds' },
  },
  [RelationType.PART_OF]: { outgoing: { ko: '속한 전체', en: 'Part of' }, incoming: { ko: '구성 부분', en: 'Parts' } },
  [RelationType.EXAMPLE_OF]: {
    outgoing: { ko: '무엇의 예인가', en: 'Example of' },
    incoming: { ko: '대표적인 예', en: 'Examples' },
  },
  [RelationType.ALTERNATIVE_TO]: same({ ko: '대안', en: 'Alternatives' }),
  [RelationType.CONTRASTS_WITH]: same({ ko: '대비되는 것', en: 'Contrasts with' }),
  [RelationType.RUNS_ON]: {
    outgoing: { ko: '실행 기반', en: 'Runs on' },
    incoming: { ko: '그 위에서 실행되는 것', en: 'Runs' },
  },
  [RelationType.SHARES]: {
    outgoing: { ko: '공유하는 것', en: 'Shares' },
    incoming: { ko: '이것을 공유하는 것', en: 'Shared by' },
  },
  [RelationType.BUILT_FROM]: {
    outgoing: { ko: '만드는 재료', en: 'Built from' },
    incoming: { ko: '이것으로 만드는 것', en: 'Used to build' },
  },
  [RelationType.DEFINED_BY]: {
    outgoing: { ko: '정의하는 것', en: 'Defined by' },
    incoming: { ko: '정의하는 대상', en: 'Defines' },
  },
  [RelationType.CREATES]: {
    outgoing: { ko: '만드는 것', en: 'Creates' },
    incoming: { ko: '만드는 주체', en: 'Created by' },
  },
  [RelationType.COMPOSED_OF]: {
    outgoing: { ko: '구성 요소', en: 'Made of' },
    incoming: { ko: '이것으로 이루어진 것', en: 'Component of' },
  },
  [RelationType.USES]: {
    outgoing: { ko: '사용하는 것', en: 'Uses' },
    incoming: { ko: '이것을 사용하는 것', en: 'Used by' },
  },
  [RelationType.ENABLES]: {
    outgoing: { ko: '가능하게 하는 것', en: 'Enables' },
    incoming: { ko: '가능하게 해 주는 것', en: 'Enabled by' },
  },
  [RelationType.UPDATES]: {
    outgoing: { ko: '바꾸는 대상', en: 'Changes' },
    incoming: { ko: '이것을 바꾸는 것', en: 'Changed by' },
  },
  [RelationType.SUPPORTS]: {
    outgoing: { ko: '돕는 것', en: 'Helps with' },
    incoming: { ko: '이것을 돕는 것', en: 'Helped by' },
  },
  [RelationType.TARGETS]: {
    outgoing: { ko: '대상', en: 'Targets' },
    incoming: { ko: '이것을 대상으로 하는 것', en: 'Targeted by' },
  },
  [RelationType.LISTED_BY]: {
    outgoing: { ko: '보여 주는 명령', en: 'Listed by' },
    incoming: { ko: '보여 주는 목록', en: 'Lists' },
  },
  [RelationType.STORED_IN]: {
    outgoing: { ko: '저장되는 곳', en: 'Kept in' },
    incoming: { ko: '저장하는 것', en: 'Keeps' },
  },
  [RelationType.HAS_BENEFIT]: {
    outgoing: { ko: '장점', en: 'Benefits' },
    incoming: { ko: '이 장점을 가진 것', en: 'Benefit of' },
  },
  [RelationType.HAS_CHARACTERISTIC]: {
    outgoing: { ko: '특성', en: 'Characteristics' },
    incoming: { ko: '이 특성을 가진 것', en: 'Characteristic of' },
  },
  [RelationType.HAS_STAGE]: {
    outgoing: { ko: '단계', en: 'Stages' },
    incoming: { ko: '속한 생명주기', en: 'Stage of' },
  },
  [RelationType.NEXT_STAGE]: {
    outgoing: { ko: '다음 단계', en: 'Next stage' },
    incoming: { ko: '이전 단계', en: 'Previous stage' },
  },
  [RelationType.HAS_COMMAND]: {
    outgoing: { ko: '명령', en: 'Commands' },
    incoming: { ko: '사용되는 단계', en: 'Used in stage' },
  },
  [RelationType.HAS_FLAG]: {
    outgoing: { ko: '옵션', en: 'Flags' },
    incoming: { ko: '이 옵션을 받는 명령', en: 'Flag of' },
  },
  [RelationType.SENDS_SIGNAL]: {
    outgoing: { ko: '보내는 시그널', en: 'Signals sent' },
    incoming: { ko: '이 시그널을 보내는 것', en: 'Sent by' },
  },
  [RelationType.DEPENDS_ON]: {
    outgoing: { ko: '있어야 동작하는 것', en: 'Depends on' },
    incoming: { ko: '이것에 기대는 것', en: 'Needed by' },
  },
  [RelationType.LEARN_AFTER]: {
    outgoing: { ko: '먼저 배울 개념', en: 'Learn first' },
    incoming: { ko: '다음에 배울 개념', en: 'Learn next' },
  },
  [RelationType.PAIRS_WELL_WITH]: same({ ko: '잘 어울리는 것', en: 'Pairs well with' }),
  [RelationType.OVERLAPS_WITH]: same({ ko: '뜻이 겹치는 것', en: 'Overlaps with' }),
  [RelationType.COVERS]: {
    outgoing: { ko: '다루는 개념', en: 'Covers' },
    incoming: { ko: '다루는 주제', en: 'Covered in' },
  },
};

/** The heading of the aspect "relations of `type`, seen from the compared concept as subject or object". */
export function aspectLabel(type: RelationType, direction: Way): Bilingual {
  return direction === Direction.OUTGOING ? LABELS[type].outgoing : LABELS[type].incoming;
}
