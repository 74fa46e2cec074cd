import { ABOUT_THE_NOTE, type Asks } from '../facts/fact.graph';
import { Lang, RelationType } from '../graph/vocabulary';
import { bare, en, type Phrase, start, verb, withParticle } from '../i18n/sentences';

/**
 * The question a relation fact becomes, in Korean and English. A fact `subject TYPE object` is asked two ways: the
 * subject is given and the object is the blank ("Which signal does docker kill send?"), or the object is given and
 * the subject is the blank ("Which of these sends SIGKILL?"). Symmetric relations read the same both ways, so they
 * only have the first form. The given concept is placed as the relation sentences place it (see i18n/sentences):
 * in Korean by its name, with the particle that fits its final sound; in English by its sentence form.
 */

/** The Korean name followed by the fitting particle. */
const p = (given: Phrase, particle: Parameters<typeof withParticle>[1]) => withParticle(given.name, particle);
/** The Korean name where no particle follows. */
const n = (given: Phrase) => given.name;

type Prompt = (given: Phrase) => string;

interface Prompts {
  /** The subject is given; the answer is an object. */
  object: Prompt;
  /** The object is given; the answer is a subject. Absent for symmetric relations. */
  subject?: Prompt;
}

/** Relation types no question is made from: they describe the study note and the learning order, not the subject. */
export const UNQUIZZED: ReadonlySet<RelationType> = ABOUT_THE_NOTE;

type Quizzed = Exclude<RelationType, RelationType.LEARN_AFTER | RelationType.COVERS>;

const KO: Record<Quizzed, Prompts> = {
  [RelationType.IS_A]: {
    object: (s) => `${p(s, '은/는')} 다음 중 무엇의 한 종류인가?`,
    subject: (o) => `다음 중 ${n(o)}의 한 종류인 것은?`,
  },
  [RelationType.PART_OF]: {
    object: (s) => `${p(s, '은/는')} 다음 중 무엇의 일부인가?`,
    subject: (o) => `다음 중 ${n(o)}의 일부인 것은?`,
  },
  [RelationType.EXAMPLE_OF]: {
    object: (s) => `${p(s, '은/는')} 다음 중 무엇의 한 예인가?`,
    subject: (o) => `다음 중 ${n(o)}의 예인 것은?`,
  },
  [RelationType.ALTERNATIVE_TO]: { object: (s) => `다음 중 ${n(s)} 대신 쓸 수 있는 것은?` },
  [RelationType.CONTRASTS_WITH]: { object: (s) => `다음 중 ${p(s, '와/과')} 대비되는 것은?` },
  [RelationType.RUNS_ON]: {
    object: (s) => `${p(s, '은/는')} 다음 중 무엇 위에서 실행되는가?`,
    subject: (o) => `다음 중 ${n(o)} 위에서 실행되는 것은?`,
  },
  [RelationType.SHARES]: {
    object: (s) => `다음 중 ${p(s, '이/가')} 공유하는 것은?`,
    subject: (o) => `다음 중 ${p(o, '을/를')} 공유하는 것은?`,
  },
  [RelationType.BUILT_FROM]: {
    object: (s) => `${p(s, '은/는')} 다음 중 무엇으로 만들어지는가?`,
    subject: (o) => `다음 중 ${p(o, '으로/로')} 만들어지는 것은?`,
  },
  [RelationType.DEFINED_BY]: {
    object: (s) => `${p(s, '은/는')} 다음 중 무엇으로 정의되는가?`,
    subject: (o) => `다음 중 ${p(o, '으로/로')} 정의되는 것은?`,
  },
  [RelationType.CREATES]: {
    object: (s) => `다음 중 ${p(s, '이/가')} 만드는 것은?`,
    subject: (o) => `다음 중 ${p(o, '을/를')} 만드는 것은?`,
  },
  [RelationType.COMPOSED_OF]: {
    object: (s) => `다음 중 ${p(s, '이/가')} 담고 있는 것은?`,
    subject: (o) => `다음 중 ${p(o, '을/를')} 담고 있는 것은?`,
  },
  [RelationType.USES]: {
    object: (s) => `다음 중 ${p(s, '이/가')} 사용하는 것은?`,
    subject: (o) => `다음 중 ${p(o, '을/를')} 사용하는 것은?`,
  },
  [RelationType.ENABLES]: {
    object: (s) => `다음 중 ${p(s, '이/가')} 가능하게 하는 것은?`,
    subject: (o) => `다음 중 ${p(o, '을/를')} 가능하게 하는 것은?`,
  },
  [RelationType.UPDATES]: {
    object: (s) => `다음 중 ${p(s, '이/가')} 바꾸는 것은?`,
    subject: (o) => `다음 중 ${p(o, '을/를')} 바꾸는 것은?`,
  },
  [RelationType.SUPPORTS]: {
    object: (s) => `다음 중 ${p(s, '이/가')} 돕는 것은?`,
    subject: (o) => `다음 중 ${p(o, '을/를')} 돕는 것은?`,
  },
  [RelationType.TARGETS]: {
    object: (s) => `다음 중 ${p(s, '이/가')} 대상으로 하는 것은?`,
    subject: (o) => `다음 중 ${p(o, '을/를')} 대상으로 하는 것은?`,
  },
  [RelationType.LISTED_BY]: {
    object: (s) => `${p(s, '은/는')} 다음 중 무엇의 목록에 나오는가?`,
    subject: (o) => `다음 중 ${n(o)}의 목록에 나오는 것은?`,
  },
  [RelationType.STORED_IN]: {
    object: (s) => `${p(s, '은/는')} 다음 중 어디에 저장되는가?`,
    subject: (o) => `다음 중 ${n(o)}에 저장되는 것은?`,
  },
  [RelationType.DEPENDS_ON]: {
    object: (s) => `${p(s, '이/가')} 동작하려면 다음 중 무엇이 있어야 하는가?`,
    subject: (o) => `다음 중 ${p(o, '이/가')} 있어야 동작하는 것은?`,
  },
  [RelationType.OVERLAPS_WITH]: { object: (s) => `다음 중 ${p(s, '와/과')} 뜻이 겹치는 것은?` },
  [RelationType.HAS_BENEFIT]: {
    object: (s) => `다음 중 ${n(s)}의 장점은?`,
    subject: (o) => `다음 중 ${p(o, '이라는/라는')} 장점이 있는 것은?`,
  },
  [RelationType.HAS_CHARACTERISTIC]: {
    object: (s) => `다음 중 ${n(s)}의 특성은?`,
    subject: (o) => `다음 중 ${p(o, '이라는/라는')} 특성이 있는 것은?`,
  },
  [RelationType.HAS_STAGE]: {
    object: (s) => `다음 중 ${n(s)}의 단계는?`,
    subject: (o) => `${p(o, '은/는')} 다음 중 무엇의 단계인가?`,
  },
  [RelationType.NEXT_STAGE]: {
    object: (s) => `${n(s)} 바로 다음에 오는 단계는?`,
    subject: (o) => `${n(o)} 바로 앞에 오는 단계는?`,
  },
  [RelationType.HAS_COMMAND]: {
    object: (s) => `다음 중 ${n(s)}에서 쓰는 명령은?`,
    subject: (o) => `${p(o, '이/가')} 쓰이는 단계는?`,
  },
  [RelationType.HAS_FLAG]: {
    object: (s) => `다음 중 ${p(s, '이/가')} 받는 플래그는?`,
    subject: (o) => `다음 중 ${p(o, '을/를')} 받는 명령은?`,
  },
  [RelationType.SENDS_SIGNAL]: {
    object: (s) => `${p(s, '이/가')} 보내는 시그널은?`,
    subject: (o) => `다음 중 ${p(o, '을/를')} 보내는 것은?`,
  },
  [RelationType.PAIRS_WELL_WITH]: { object: (s) => `다음 중 ${p(s, '와/과')} 잘 어울리는 것은?` },
};

/**
 * English questions place the given concept by its sentence form, as the relation sentences do: with its article and
 * case ("an OS container", "the Linux kernel"), or its name when it has none ("docker kill", "SIGKILL"); the verb
 * agrees with it ("What do cgroups run on?"). "Which of these" stands for one option, so it takes a singular verb.
 */
const EN: Record<Quizzed, Prompts> = {
  [RelationType.IS_A]: {
    object: (s) => `What ${verb(s, 'is', 'are')} ${en(s)} a kind of?`,
    subject: (o) => `Which of these is a kind of ${bare(o)}?`,
  },
  [RelationType.PART_OF]: {
    object: (s) => `What ${verb(s, 'is', 'are')} ${en(s)} part of?`,
    subject: (o) => `Which of these is part of ${en(o)}?`,
  },
  [RelationType.EXAMPLE_OF]: {
    object: (s) => `What ${verb(s, 'is', 'are')} ${en(s)} ${verb(s, 'an example', 'examples')} of?`,
    subject: (o) => `Which of these is an example of ${en(o)}?`,
  },
  [RelationType.ALTERNATIVE_TO]: { object: (s) => `Which of these can be used instead of ${en(s)}?` },
  [RelationType.CONTRASTS_WITH]: { object: (s) => `Which of these contrasts with ${en(s)}?` },
  [RelationType.RUNS_ON]: {
    object: (s) => `What ${verb(s, 'does', 'do')} ${en(s)} run on?`,
    subject: (o) => `Which of these runs on ${en(o)}?`,
  },
  [RelationType.SHARES]: {
    object: (s) => `What ${verb(s, 'does', 'do')} ${en(s)} share?`,
    subject: (o) => `Which of these shares ${en(o)}?`,
  },
  [RelationType.BUILT_FROM]: {
    object: (s) => `What ${verb(s, 'is', 'are')} ${en(s)} built from?`,
    subject: (o) => `Which of these is built from ${en(o)}?`,
  },
  [RelationType.DEFINED_BY]: {
    object: (s) => `What ${verb(s, 'is', 'are')} ${en(s)} defined by?`,
    subject: (o) => `Which of these is defined by ${en(o)}?`,
  },
  [RelationType.CREATES]: {
    object: (s) => `What ${verb(s, 'does', 'do')} ${en(s)} create?`,
    subject: (o) => `Which of these creates ${en(o)}?`,
  },
  [RelationType.COMPOSED_OF]: {
    object: (s) => `What ${verb(s, 'does', 'do')} ${en(s)} contain?`,
    subject: (o) => `Which of these contains ${en(o)}?`,
  },
  [RelationType.USES]: {
    object: (s) => `What ${verb(s, 'does', 'do')} ${en(s)} use?`,
    subject: (o) => `Which of these uses ${en(o)}?`,
  },
  [RelationType.ENABLES]: {
    object: (s) => `What ${verb(s, 'does', 'do')} ${en(s)} make possible?`,
    subject: (o) => `Which of these makes ${en(o)} possible?`,
  },
  [RelationType.UPDATES]: {
    object: (s) => `What ${verb(s, 'does', 'do')} ${en(s)} change?`,
    subject: (o) => `Which of these changes ${en(o)}?`,
  },
  [RelationType.SUPPORTS]: {
    object: (s) => `What ${verb(s, 'does', 'do')} ${en(s)} help with?`,
    subject: (o) => `Which of these helps with ${en(o)}?`,
  },
  [RelationType.TARGETS]: {
    object: (s) => `What ${verb(s, 'does', 'do')} ${en(s)} target?`,
    subject: (o) => `Which of these targets ${en(o)}?`,
  },
  [RelationType.LISTED_BY]: {
    object: (s) => `Which of these lists ${en(s)}?`,
    subject: (o) => `Which of these ${verb(o, 'does', 'do')} ${en(o)} list?`,
  },
  [RelationType.STORED_IN]: {
    object: (s) => `Where ${verb(s, 'is', 'are')} ${en(s)} kept?`,
    subject: (o) => `Which of these is kept in ${en(o)}?`,
  },
  [RelationType.DEPENDS_ON]: {
    object: (s) => `What ${verb(s, 'does', 'do')} ${en(s)} depend on to work?`,
    subject: (o) => `Which of these depends on ${en(o)} to work?`,
  },
  [RelationType.OVERLAPS_WITH]: { object: (s) => `Which of these overlaps in meaning with ${en(s)}?` },
  [RelationType.HAS_BENEFIT]: {
    object: (s) => `Which of these is a benefit of ${en(s)}?`,
    subject: (o) => `Which of these has the benefit of ${en(o)}?`,
  },
  [RelationType.HAS_CHARACTERISTIC]: {
    object: (s) => `Which of these is a characteristic of ${en(s)}?`,
    subject: (o) => `${start(o)} ${verb(o, 'is', 'are')} a characteristic of which of these?`,
  },
  [RelationType.HAS_STAGE]: {
    object: (s) => `Which of these is a stage of ${en(s)}?`,
    subject: (o) => `Which of these ${verb(o, 'does', 'do')} ${en(o)} belong to?`,
  },
  [RelationType.NEXT_STAGE]: {
    object: (s) => `Which stage comes directly after ${en(s)}?`,
    subject: (o) => `Which stage comes directly before ${en(o)}?`,
  },
  [RelationType.HAS_COMMAND]: {
    object: (s) => `Which command is used in ${en(s)}?`,
    subject: (o) => `In which stage ${verb(o, 'is', 'are')} ${en(o)} used?`,
  },
  [RelationType.HAS_FLAG]: {
    object: (s) => `Which flag ${verb(s, 'does', 'do')} ${en(s)} accept?`,
    subject: (o) => `Which command accepts ${en(o)}?`,
  },
  [RelationType.SENDS_SIGNAL]: {
    object: (s) => `Which signal ${verb(s, 'does', 'do')} ${en(s)} send?`,
    subject: (o) => `Which of these sends ${en(o)}?`,
  },
  [RelationType.PAIRS_WELL_WITH]: { object: (s) => `Which of these pairs well with ${en(s)}?` },
};

/** True when questions are made from `type`. */
export function isQuizzed(type: RelationType): type is Quizzed {
  return !UNQUIZZED.has(type);
}

/** True when `type` can be asked with its object given (every quizzed type but the symmetric ones). */
export function asksSubject(type: RelationType): boolean {
  return isQuizzed(type) && EN[type].subject !== undefined;
}

/** The question text: `given` is the end that is shown, as a phrase in `lang` (see phraseOf), or a bare name. */
export function promptText(type: RelationType, asks: Asks, given: Phrase | string, lang: Lang): string {
  if (!isQuizzed(type)) throw new RangeError(`no questions are made from ${type}`);
  const prompts = (lang === Lang.KO ? KO : EN)[type];
  const template = asks === 'SUBJECT' ? prompts.subject : prompts.object;
  if (!template) throw new RangeError(`${type} is symmetric: it is only asked with its subject given`);
  return template(typeof given === 'string' ? { name: given } : given);
}
