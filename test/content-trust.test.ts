import { RelationType } from '../src/graph/vocabulary';
import { buildQuestion, createRandom, type QuestionStem, stemsOf } from '../src/quiz/quiz.generator';
import { QuizRepository } from '../src/quiz/quiz.repository';
import { isQuizzed } from '../src/quiz/quiz.templates';
import { startTestServer, type TestServer } from './support/server';

/**
 * What the graph teaches, read back from the running API and the real database: the corrections of the note are
 * visible, no quiz question the graph can generate has a wrong fact as its answer, and every relation reads as a
 * grammatical sentence in both languages, with learning-order relations never read as dependencies.
 */

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.stop();
});

/**
 * The note's wrong claims, as the relations that would teach them (`from TYPE to`). Written out by hand from the
 * corrections list in seed/README.md; none may be stored, and none may be a quiz answer.
 */
const WRONG_FACTS: [string, RelationType, string][] = [
  ['docker-pause', RelationType.SENDS_SIGNAL, 'sigstop'],
  ['docker-commit', RelationType.DEPENDS_ON, 'docker-stop'],
  ['docker-commit', RelationType.LEARN_AFTER, 'docker-stop'],
  ['docker-commit', RelationType.UPDATES, 'image'],
  ['linux-container', RelationType.IS_A, 'container'],
  ['docker', RelationType.BUILT_FROM, 'linux-container'],
  ['container', RelationType.BUILT_FROM, 'linux-container'],
  ['docker', RelationType.EXAMPLE_OF, 'os-container'],
  ['container', RelationType.SHARES, 'operating-system'],
  ['layer', RelationType.PART_OF, 'docker-container'],
];
const isWrong = (from: string, type: RelationType, to: string) => WRONG_FACTS.some(([f, t, o]) => f === from && t === type && o === to);

interface Ends {
  slug: string;
}
interface Correction {
  noteSays: string;
  truth: string;
  reference: string;
}
interface ApiRelation {
  type: RelationType;
  from: Ends;
  to: Ends;
  en: string;
  ko: string;
  label: string;
  correction: Correction | null;
}
interface ApiConcept {
  slug: string;
  correction: Correction | null;
  related: { totalCount: number; edges: { relations: { direction: 'OUTGOING' | 'INCOMING'; relation: ApiRelation }[] }[] };
}

const CORRECTION = 'correction { noteSays(lang: EN) truth(lang: EN) reference }';

/** Every concept with every relation it is the subject of, as the API shows them. */
async function everything(): Promise<{ concepts: ApiConcept[]; relations: ApiRelation[] }> {
  const concepts: ApiConcept[] = [];
  let after: string | null = null;
  for (;;) {
    const res: Awaited<ReturnType<TestServer['gql']>> = await server.gql(
      `query ($after: String) { concepts(first: 5, after: $after) { pageInfo { hasNextPage endCursor } edges { node { slug ${CORRECTION}
         related(direction: OUTGOING, first: 50) { totalCount edges { relations { direction relation { type from { slug } to { slug }
           en: sentence(lang: EN) ko: sentence(lang: KO) label(lang: EN) ${CORRECTION} } } } } } } } }`,
      { after },
    );
    expect(res.body.errors).toBeUndefined();
    const page = (res.body.data as { concepts: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: ApiConcept }[] } }).concepts;
    concepts.push(...page.edges.map((e) => e.node));
    // One page of relations per concept must hold all of them, or some sentences would go unchecked.
    for (const { node } of page.edges) expect(node.related.totalCount).toBeLessThanOrEqual(50);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  // A symmetric relation comes back OUTGOING from both ends: keep it once, by its stored direction.
  const relations = concepts.flatMap((c) => c.related.edges.flatMap((e) => e.relations.map((r) => r.relation)).filter((r) => r.from.slug === c.slug));
  return { concepts, relations };
}

describe('corrections of the note', () => {
  it('are on exactly the concepts and relations listed in seed/README.md, each with the claim, the truth and an https reference', async () => {
    const { concepts, relations } = await everything();
    const corrected = concepts.filter((c) => c.correction).map((c) => c.slug).sort();
    expect(corrected).toEqual(['docker-commit', 'docker-pause', 'docker-stop', 'kernel-sharing', 'linux-container', 'os-container', 'single-service-container']);
    const correctedRelations = relations.filter((r) => r.correction).map((r) => `${r.from.slug} ${r.type} ${r.to.slug}`).sort();
    expect(correctedRelations).toEqual([
      'docker CONTRASTS_WITH linux-container',
      'docker-commit CREATES image',
      'docker-pause USES cgroups-freezer',
      'run-instruction CREATES layer',
      'stop-kill-stage NEXT_STAGE commit-stage',
    ]);
    for (const c of [...concepts.map((x) => x.correction), ...relations.map((x) => x.correction)].filter((x): x is Correction => x !== null)) {
      expect(c.noteSays.length).toBeGreaterThan(10);
      expect(c.truth.length).toBeGreaterThan(10);
      expect(c.reference).toMatch(/^https:\/\/\S+$/);
    }
  });

  it('shows what the note says beside what is true for docker pause, in both languages', async () => {
    const res = await server.gql<{ concept: { ko: Correction; en: Correction } }>(
      '{ concept(slug: "docker-pause") { ko: correction { noteSays(lang: KO) truth(lang: KO) reference } en: correction { noteSays(lang: EN) truth(lang: EN) reference } } }',
    );
    expect(res.body.errors).toBeUndefined();
    const { ko, en } = res.body.data!.concept;
    expect(en.noteSays).toContain('SIGSTOP');
    expect(en.truth).toContain('freezer cgroup');
    expect(en.truth).toContain('No signal is sent');
    expect(ko.noteSays).toContain('SIGSTOP');
    expect(ko.truth).toContain('시그널은 보내지 않는다');
    expect(en.reference).toBe('https://docs.docker.com/reference/cli/docker/container/pause/');
  });

  it('never stores a wrong fact of the note as a relation', async () => {
    const { relations } = await everything();
    expect(relations.filter((r) => isWrong(r.from.slug, r.type, r.to.slug)).map((r) => `${r.from.slug} ${r.type} ${r.to.slug}`)).toEqual([]);
  });
});

describe('every quiz question the graph can generate', () => {
  it('has a true fact as its answer: none of the note\'s wrong claims', async () => {
    const { graph } = await new QuizRepository(server.atlas.database.gateway).factGraph();
    const facts = graph.factsAround(null, new Set(Object.values(RelationType).filter(isQuizzed)));
    // stemsOf gives every question a fact can become (asked either way); the random only orders them.
    const stems: QuestionStem[] = facts.flatMap((fact) => stemsOf(fact, createRandom(1)));
    const questions = stems.map((stem) => buildQuestion(stem, graph.wrongOptions(stem), createRandom(2))).filter((q) => q !== null);
    expect(questions.length).toBeGreaterThan(150);
    const taught = questions.map(({ stem }) => (stem.asks === 'OBJECT' ? [stem.given.slug, stem.type, stem.answer.slug] : [stem.answer.slug, stem.type, stem.given.slug]) as [string, RelationType, string]);
    expect(taught.filter(([from, type, to]) => isWrong(from, type, to) || isWrong(to, type, from))).toEqual([]);
    // The pause question that used to have SIGSTOP as its answer cannot be asked at all now.
    expect(questions.some(({ stem }) => stem.type === RelationType.SENDS_SIGNAL && [stem.given.slug, stem.answer.slug].includes('docker-pause'))).toBe(false);
    // No question is made from the learning order: it is not a fact about the technology.
    expect(questions.some(({ stem }) => stem.type === RelationType.LEARN_AFTER)).toBe(false);
  });
});

/** How Korean reads the last syllable: true when it has a final consonant (batchim), false when not; null for non-Hangul. */
function hasBatchim(word: string): boolean | null {
  const last = word.codePointAt(word.length - 1)!;
  if (last < 0xac00 || last > 0xd7a3) return null;
  return (last - 0xac00) % 28 !== 0;
}

const AFTER_CONSONANT: Record<string, string> = { 는: '은', 가: '이', 를: '을', 와: '과', 로: '으로' };
const AFTER_VOWEL: Record<string, string> = { 은: '는', 이: '가', 을: '를', 과: '와', 으로: '로' };

describe('every relation as the sentence the API shows', () => {
  let relations: ApiRelation[];
  beforeAll(async () => {
    relations = (await everything()).relations;
  });

  it('covers every stored relation, in both languages, ending in a full stop', () => {
    expect(relations.length).toBeGreaterThan(380);
    for (const r of relations) {
      expect(r.en).toMatch(/\.$/);
      expect(r.ko).toMatch(/\.$/);
      expect(r.en).not.toMatch(/\s{2}|[가-힣]/);
      expect(r.label.length).toBeGreaterThan(3);
    }
  });

  it('starts English sentences with a capital unless they start with a name spelled in lower case on purpose', () => {
    const lower = relations.filter((r) => /^[a-z]/.test(r.en)).map((r) => r.en);
    for (const sentence of lower) expect(sentence).toMatch(/^(docker [a-z]+|cgroups|rkt) /);
  });

  it('uses "a" before a consonant sound and "an" before a vowel sound', () => {
    for (const r of relations) {
      expect(r.en).not.toMatch(/\b[Aa] (?:[aeio]|OS\b|RUN\b)/);
      expect(r.en).not.toMatch(/\b[Aa]n (?:[bcdfgjklmnpqrstvwxyz]|unikernel)/);
      expect(r.en).not.toMatch(/\b(?:a|an|the) (?:a|an|the)\b/i);
    }
  });

  it('makes the verb agree with a plural subject and with a singular one', () => {
    const text = (from: string, type: RelationType, to: string) => relations.find((r) => r.from.slug === from && r.type === type && r.to.slug === to)!.en;
    expect(text('kernel-isolation-features', RelationType.PART_OF, 'linux-kernel')).toBe("The kernel's isolation features are part of the Linux kernel.");
    expect(text('cgroups', RelationType.PART_OF, 'kernel-isolation-features')).toBe("cgroups are part of the kernel's isolation features.");
    expect(text('os-container', RelationType.HAS_CHARACTERISTIC, 'dedicated-resources')).toBe('Dedicated resources are a characteristic of an OS container.');
    expect(text('running-container', RelationType.LISTED_BY, 'docker-ps')).toBe('Running containers are listed by docker ps.');
    expect(text('container', RelationType.SHARES, 'linux-kernel')).toBe('A container shares the Linux kernel.');
    expect(text('run-stage', RelationType.HAS_COMMAND, 'docker-ps')).toBe('docker ps is a command used in the run stage.');
    expect(text('image', RelationType.STORED_IN, 'image-repository')).toBe('An image is kept in an image repository.');
    expect(text('docker', RelationType.SUPPORTS, 'devops')).toBe('Docker helps with DevOps.');
    // A plural subject is never followed by a singular verb, nor a singular one by a plural verb.
    for (const r of relations) {
      expect(r.en).not.toMatch(/\b(?:features|cgroups|resources|containers) (?:is|has|makes|uses|runs|shares|contains)\b/);
      expect(r.en).not.toMatch(/^(?:A|An) [^,]+? (?:are|have) /);
    }
  });

  it('puts the Korean particle that fits the final sound of the word before it', () => {
    for (const r of relations) {
      for (const match of r.ko.matchAll(/([가-힣]+)(은|는|이|가|을|를|와|과|으로|로)(?= )/g)) {
        const [, word, particle] = match;
        const batchim = hasBatchim(word);
        const last = word[word.length - 1];
        // 로 after ㄹ is right (파일로); 이/가 inside a word (아이, 단계가) is not always a particle: check the pairs only.
        if (batchim === true && particle in AFTER_CONSONANT && !(particle === '로' && (last.codePointAt(0)! - 0xac00) % 28 === 8)) {
          throw new Error(`"${word}${particle}" in "${r.ko}": after a final consonant it should be ${AFTER_CONSONANT[particle]}`);
        }
        if (batchim === false && particle in AFTER_VOWEL && !['이', '가'].includes(particle)) {
          throw new Error(`"${word}${particle}" in "${r.ko}": after a vowel it should be ${AFTER_VOWEL[particle]}`);
        }
      }
    }
    const ko = (from: string, type: RelationType, to: string) => relations.find((r) => r.from.slug === from && r.type === type && r.to.slug === to)!.ko;
    expect(ko('docker-pause', RelationType.USES, 'cgroups-freezer')).toBe('docker pause 명령은 cgroups 프리저를 사용한다.');
    expect(ko('run-stage', RelationType.HAS_COMMAND, 'docker-ps')).toBe('실행 단계에서는 docker ps 명령을 쓴다.');
    expect(ko('docker-run', RelationType.DEPENDS_ON, 'image')).toBe('docker run 명령은 이미지가 있어야 동작한다.');
  });

  it('reads a learning-order relation as an order of study, never as a dependency, and no other relation as a learning order', () => {
    const order = relations.filter((r) => r.type === RelationType.LEARN_AFTER);
    expect(order.length).toBeGreaterThan(140);
    for (const r of order) {
      expect(r.en).toMatch(/^In the learning order, .+ comes before .+\.$/);
      expect(r.ko).toMatch(/^학습 순서로는 .+ 먼저 익힌 뒤 .+ 배운다\.$/);
      expect(r.en).not.toMatch(/requires|depends|needs|must/i);
      expect(r.ko).not.toMatch(/필요|있어야|의존/);
      expect(r.label).toBe('is best learned after');
    }
    for (const r of relations.filter((x) => x.type !== RelationType.LEARN_AFTER)) {
      expect(r.en).not.toMatch(/learning order|learned after/i);
      expect(r.ko).not.toMatch(/학습 순서/);
    }
    const unikernel = order.find((r) => r.from.slug === 'unikernel' && r.to.slug === 'container');
    expect(unikernel?.en).toBe('In the learning order, Container comes before Unikernel.');
  });
});
