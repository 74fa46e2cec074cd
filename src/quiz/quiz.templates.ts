import { Lang, RelationType } from '../graph/vocabulary';
import { withParticle as p } from '../i18n/sentences';

/**
 * The question a relation fact becomes, in Korean and English. A fact `subject TYPE object` is asked two ways: the
 * subject is given and the object is the blank ("Which signal does docker kill send?"), or the object is given and
 * the subject is the blank ("Which of these sends SIGKILL?"). Symmetric relations read the same both ways, so they
 * only have the first form. Korean particles are chosen from the given name (see i18n/sentences).
 */

/** Which end of the fact the learner has to find. */
export type Asks = 'OBJECT' | 'SUBJECT';

type Prompt = (given: string) => string;

interface Prompts {
  /** The subject is given; the answer is an object. */
  object: Prompt;
  /** The object is given; the answer is a subject. Absent for symmetric relations. */
  subject?: Prompt;
}

/** Relation types no question is made from: they describe the study note and the learning order, not the subject. */
export const UNQUIZZED: ReadonlySet<RelationType> = new Set([RelationType.LEARN_AFTER, RelationType.COVERS]);

type Quizzed = Exclude<RelationType, RelationType.LEARN_AFTER | RelationType.COVERS>;

const KO: Record<Quizzed, Prompts> = {
  [RelationType.IS_A]: { object: (s) => `${p(s, '은/는')} 다음 중 무엇의 한 종류인가?`, subject: (o) => `다음 중 ${o}의 한 종류인 것은?` },
  [RelationType.PART_OF]: { object: (s) => `${p(s, '은/는')} 다음 중 무엇의 일부인가?`, subject: (o) => `다음 중 ${o}의 일부인 것은?` },
  [RelationType.EXAMPLE_OF]: { object: (s) => `${p(s, '은/는')} 다음 중 무엇의 한 예인가?`, subject: (o) => `다음 중 ${o}의 예인 것은?` },
  [RelationType.ALTERNATIVE_TO]: { object: (s) => `다음 중 ${s} 대신 쓸 수 있는 것은?` },
  [RelationType.CONTRASTS_WITH]: { object: (s) => `다음 중 ${p(s, '와/과')} 대비되는 것은?` },
  [RelationType.RUNS_ON]: { object: (s) => `${p(s, '은/는')} 다음 중 무엇 위에서 실행되는가?`, subject: (o) => `다음 중 ${o} 위에서 실행되는 것은?` },
  [RelationType.SHARES]: { object: (s) => `다음 중 ${p(s, '이/가')} 공유하는 것은?`, subject: (o) => `다음 중 ${p(o, '을/를')} 공유하는 것은?` },
  [RelationType.BUILT_FROM]: { object: (s) => `${p(s, '은/는')} 다음 중 무엇으로 만들어지는가?`, subject: (o) => `다음 중 ${p(o, '으로/로')} 만들어지는 것은?` },
  [RelationType.DEFINED_BY]: { object: (s) => `${p(s, '은/는')} 다음 중 무엇으로 정의되는가?`, subject: (o) => `다음 중 ${p(o, '으로/로')} 정의되는 것은?` },
  [RelationType.CREATES]: { object: (s) => `다음 중 ${p(s, '이/가')} 만드는 것은?`, subject: (o) => `다음 중 ${p(o, '을/를')} 만드는 것은?` },
  [RelationType.COMPOSED_OF]: { object: (s) => `${p(s, '은/는')} 다음 중 무엇으로 이루어지는가?`, subject: (o) => `다음 중 ${p(o, '으로/로')} 이루어진 것은?` },
  [RelationType.USES]: { object: (s) => `다음 중 ${p(s, '이/가')} 사용하는 것은?`, subject: (o) => `다음 중 ${p(o, '을/를')} 사용하는 것은?` },
  [RelationType.ENABLES]: { object: (s) => `다음 중 ${p(s, '이/가')} 가능하게 하는 것은?`, subject: (o) => `다음 중 ${p(o, '을/를')} 가능하게 하는 것은?` },
  [RelationType.UPDATES]: { object: (s) => `다음 중 ${p(s, '이/가')} 바꾸는 것은?`, subject: (o) => `다음 중 ${p(o, '을/를')} 바꾸는 것은?` },
  [RelationType.SUPPORTS]: { object: (s) => `다음 중 ${p(s, '이/가')} 돕는 것은?`, subject: (o) => `다음 중 ${p(o, '을/를')} 돕는 것은?` },
  [RelationType.TARGETS]: { object: (s) => `다음 중 ${p(s, '이/가')} 대상으로 하는 것은?`, subject: (o) => `다음 중 ${p(o, '을/를')} 대상으로 하는 것은?` },
  [RelationType.LISTED_BY]: { object: (s) => `${p(s, '은/는')} 다음 중 무엇의 목록에 나오는가?`, subject: (o) => `다음 중 ${o}의 목록에 나오는 것은?` },
  [RelationType.STORED_IN]: { object: (s) => `${p(s, '은/는')} 다음 중 어디에 저장되는가?`, subject: (o) => `다음 중 ${o}에 저장되는 것은?` },
  [RelationType.DEPENDS_ON]: { object: (s) => `${p(s, '이/가')} 동작하려면 다음 중 무엇이 있어야 하는가?`, subject: (o) => `다음 중 ${p(o, '이/가')} 있어야 동작하는 것은?` },
  [RelationType.OVERLAPS_WITH]: { object: (s) => `다음 중 ${p(s, '와/과')} 뜻이 겹치는 것은?` },
  [RelationType.HAS_BENEFIT]: { object: (s) => `다음 중 ${s}의 장점은?`, subject: (o) => `다음 중 ${p(o, '이라는/라는')} 장점이 있는 것은?` },
  [RelationType.HAS_CHARACTERISTIC]: { object: (s) => `다음 중 ${s}의 특성은?`, subject: (o) => `다음 중 ${p(o, '이라는/라는')} 특성이 있는 것은?` },
  [RelationType.HAS_STAGE]: { object: (s) => `다음 중 ${s}의 단계는?`, subject: (o) => `다음 중 ${p(o, '을/를')} 단계로 가지는 것은?` },
  [RelationType.NEXT_STAGE]: { object: (s) => `${s} 바로 다음에 오는 단계는?`, subject: (o) => `${o} 바로 앞에 오는 단계는?` },
  [RelationType.HAS_COMMAND]: { object: (s) => `다음 중 ${s}에서 쓰는 명령은?`, subject: (o) => `${p(o, '이/가')} 쓰이는 단계는?` },
  [RelationType.HAS_FLAG]: { object: (s) => `다음 중 ${p(s, '이/가')} 받는 플래그는?`, subject: (o) => `다음 중 ${p(o, '을/를')} 받는 명령은?` },
  [RelationType.SENDS_SIGNAL]: { object: (s) => `${p(s, '이/가')} 보내는 시그널은?`, subject: (o) => `다음 중 ${p(o, '을/를')} 보내는 것은?` },
  [RelationType.PAIRS_WELL_WITH]: { object: (s) => `다음 중 ${p(s, '와/과')} 잘 어울리는 것은?` },
};

const EN: Record<Quizzed, Prompts> = {
  [RelationType.IS_A]: { object: (s) => `${s} is a kind of which of these?`, subject: (o) => `Which of these is a kind of ${o}?` },
  [RelationType.PART_OF]: { object: (s) => `${s} is part of which of these?`, subject: (o) => `Which of these is part of ${o}?` },
  [RelationType.EXAMPLE_OF]: { object: (s) => `${s} is an example of which of these?`, subject: (o) => `Which of these is an example of ${o}?` },
  [RelationType.ALTERNATIVE_TO]: { object: (s) => `Which of these can be used instead of ${s}?` },
  [RelationType.CONTRASTS_WITH]: { object: (s) => `Which of these is set against ${s}?` },
  [RelationType.RUNS_ON]: { object: (s) => `What does ${s} run on?`, subject: (o) => `Which of these runs on ${o}?` },
  [RelationType.SHARES]: { object: (s) => `What does ${s} share?`, subject: (o) => `Which of these shares ${o}?` },
  [RelationType.BUILT_FROM]: { object: (s) => `What is ${s} built from?`, subject: (o) => `Which of these is built from ${o}?` },
  [RelationType.DEFINED_BY]: { object: (s) => `What is ${s} defined by?`, subject: (o) => `Which of these is defined by ${o}?` },
  [RelationType.CREATES]: { object: (s) => `What does ${s} create?`, subject: (o) => `Which of these creates ${o}?` },
  [RelationType.COMPOSED_OF]: { object: (s) => `What is ${s} made of?`, subject: (o) => `Which of these is made of ${o}?` },
  [RelationType.USES]: { object: (s) => `What does ${s} use?`, subject: (o) => `Which of these uses ${o}?` },
  [RelationType.ENABLES]: { object: (s) => `What does ${s} make possible?`, subject: (o) => `Which of these makes ${o} possible?` },
  [RelationType.UPDATES]: { object: (s) => `What does ${s} change?`, subject: (o) => `Which of these changes ${o}?` },
  [RelationType.SUPPORTS]: { object: (s) => `What does ${s} help with?`, subject: (o) => `Which of these helps with ${o}?` },
  [RelationType.TARGETS]: { object: (s) => `What does ${s} target?`, subject: (o) => `Which of these targets ${o}?` },
  [RelationType.LISTED_BY]: { object: (s) => `Which of these lists ${s}?`, subject: (o) => `Which of these does ${o} list?` },
  [RelationType.STORED_IN]: { object: (s) => `Where is ${s} kept?`, subject: (o) => `Which of these is kept in ${o}?` },
  [RelationType.DEPENDS_ON]: { object: (s) => `What does ${s} depend on to work?`, subject: (o) => `Which of these depends on ${o} to work?` },
  [RelationType.OVERLAPS_WITH]: { object: (s) => `Which of these overlaps in meaning with ${s}?` },
  [RelationType.HAS_BENEFIT]: { object: (s) => `Which of these is a benefit of ${s}?`, subject: (o) => `Which of these has the benefit of ${o}?` },
  [RelationType.HAS_CHARACTERISTIC]: { object: (s) => `Which of these is a characteristic of ${s}?`, subject: (o) => `Which of these has the characteristic ${o}?` },
  [RelationType.HAS_STAGE]: { object: (s) => `Which of these is a stage of ${s}?`, subject: (o) => `Which of these has the stage ${o}?` },
  [RelationType.NEXT_STAGE]: { object: (s) => `Which stage comes directly after ${s}?`, subject: (o) => `Which stage comes directly before ${o}?` },
  [RelationType.HAS_COMMAND]: { object: (s) => `Which command is used in ${s}?`, subject: (o) => `In which stage is ${o} used?` },
  [RelationType.HAS_FLAG]: { object: (s) => `Which flag does ${s} accept?`, subject: (o) => `Which command accepts ${o}?` },
  [RelationType.SENDS_SIGNAL]: { object: (s) => `Which signal does ${s} send?`, subject: (o) => `Which of these sends ${o}?` },
  [RelationType.PAIRS_WELL_WITH]: { object: (s) => `Which of these pairs well with ${s}?` },
};

/** True when questions are made from `type`. */
export function isQuizzed(type: RelationType): type is Quizzed {
  return !UNQUIZZED.has(type);
}

/** True when `type` can be asked with its object given (every quizzed type but the symmetric ones). */
export function asksSubject(type: RelationType): boolean {
  return isQuizzed(type) && EN[type].subject !== undefined;
}

/** The question text: `given` is the name of the end that is shown, in `lang`. */
export function promptText(type: RelationType, asks: Asks, given: string, lang: Lang): string {
  if (!isQuizzed(type)) throw new RangeError(`no questions are made from ${type}`);
  const prompts = (lang === Lang.KO ? KO : EN)[type];
  const template = asks === 'SUBJECT' ? prompts.subject : prompts.object;
  if (!template) throw new RangeError(`${type} is symmetric: it is only asked with its subject given`);
  return template(given);
}
