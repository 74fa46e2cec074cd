import { FactRepository } from '../src/facts/fact.repository';
import { Lang, RelationType } from '../src/graph/vocabulary';
import { buildQuestion, createRandom, type QuestionStem, stemsOf } from '../src/quiz/quiz.generator';
import { isQuizzed } from '../src/quiz/quiz.templates';
import { QuizQuestion } from '../src/quiz/quiz.type';
import { checkSeed } from '../src/seed/seed.validate';
import {
  agreementProblems,
  articleProblems,
  capitalProblems,
  namedParticleProblems,
  particleProblems,
} from './support/sentence-checks';
import { type TestServer, useTestServer } from './support/server';

/**
 * What the graph teaches, read back from the running API and the real database: the corrections of the note are
 * visible, no quiz question the graph can generate has a wrong fact as its answer, and every relation reads as a
 * grammatical sentence in both languages, with learning-order relations never read as dependencies. Every quiz
 * question, and the difference, tour and path sentences of a sample of concepts, pass the same checks
 * (test/support/sentence-checks).
 */

const server = useTestServer();

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
const isWrong = (from: string, type: RelationType, to: string) =>
  WRONG_FACTS.some(([f, t, o]) => f === from && t === type && o === to);

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
  related: {
    totalCount: number;
    edges: { relations: { direction: 'OUTGOING' | 'INCOMING'; relation: ApiRelation }[] }[];
  };
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
    const page = (
      res.body.data as {
        concepts: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: ApiConcept }[] };
      }
    ).concepts;
    concepts.push(...page.edges.map((e) => e.node));
    // One page of related concepts must hold all of them, or some sentences would go unchecked.
    for (const { node } of page.edges) expect(node.related.totalCount).toBeLessThanOrEqual(50);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  // A symmetric relation comes back OUTGOING from both ends: keep it once, by its stored direction.
  const relations = concepts.flatMap((c) =>
    c.related.edges.flatMap((e) => e.relations.map((r) => r.relation)).filter((r) => r.from.slug === c.slug),
  );
  return { concepts, relations };
}

describe('corrections of the note', () => {
  it('are on exactly the concepts and relations listed in seed/README.md, each with the claim, the truth and an https reference', async () => {
    const { concepts, relations } = await everything();
    const corrected = concepts
      .filter((c) => c.correction)
      .map((c) => c.slug)
      .sort();
    expect(corrected).toEqual([
      'docker-commit',
      'docker-pause',
      'docker-stop',
      'kernel-sharing',
      'linux-container',
      'os-container',
      'single-service-container',
    ]);
    const correctedRelations = relations
      .filter((r) => r.correction)
      .map((r) => `${r.from.slug} ${r.type} ${r.to.slug}`)
      .sort();
    expect(correctedRelations).toEqual([
      'docker CONTRASTS_WITH linux-container',
      'docker-commit CREATES image',
      'docker-pause USES cgroups-freezer',
      'run-instruction CREATES layer',
      'stop-kill-stage NEXT_STAGE commit-stage',
    ]);
    for (const c of [...concepts.map((x) => x.correction), ...relations.map((x) => x.correction)].filter(
      (x): x is Correction => x !== null,
    )) {
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
    expect(
      relations
        .filter((r) => isWrong(r.from.slug, r.type, r.to.slug))
        .map((r) => `${r.from.slug} ${r.type} ${r.to.slug}`),
    ).toEqual([]);
  });
});

describe('every quiz question the graph can generate', () => {
  it("has a true fact as its answer: none of the note's wrong claims", async () => {
    const { graph } = await new FactRepository(server.atlas.database.gateway).factGraph();
    const facts = graph.factsAround(null, new Set(Object.values(RelationType).filter(isQuizzed)));
    // stemsOf gives every question a fact can become (asked either way); the random only orders them.
    const stems: QuestionStem[] = facts.flatMap((fact) => stemsOf(fact, createRandom(1)));
    const questions = stems
      .map((stem) => buildQuestion(stem, graph.wrongOptions(stem), createRandom(2)))
      .filter((q) => q !== null);
    expect(questions.length).toBeGreaterThan(150);
    const taught: [string, RelationType, string][] = questions.map(({ stem }) =>
      stem.asks === 'OBJECT'
        ? [stem.given.slug, stem.type, stem.answer.slug]
        : [stem.answer.slug, stem.type, stem.given.slug],
    );
    expect(taught.filter(([from, type, to]) => isWrong(from, type, to) || isWrong(to, type, from))).toEqual([]);
    // The pause question that used to have SIGSTOP as its answer cannot be asked at all now.
    expect(
      questions.some(
        ({ stem }) =>
          stem.type === RelationType.SENDS_SIGNAL && [stem.given.slug, stem.answer.slug].includes('docker-pause'),
      ),
    ).toBe(false);
    // No question is made from the learning order: it is not a fact about the technology.
    expect(questions.some(({ stem }) => stem.type === RelationType.LEARN_AFTER)).toBe(false);
  });
});

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
    const text = (from: string, type: RelationType, to: string) =>
      relations.find((r) => r.from.slug === from && r.type === type && r.to.slug === to)!.en;
    expect(text('kernel-isolation-features', RelationType.PART_OF, 'linux-kernel')).toBe(
      "The kernel's isolation features are part of the Linux kernel.",
    );
    expect(text('cgroups', RelationType.PART_OF, 'kernel-isolation-features')).toBe(
      "cgroups are part of the kernel's isolation features.",
    );
    expect(text('os-container', RelationType.HAS_CHARACTERISTIC, 'dedicated-resources')).toBe(
      'Dedicated resources are a characteristic of an OS container.',
    );
    expect(text('running-container', RelationType.LISTED_BY, 'docker-ps')).toBe(
      'Running containers are listed by docker ps.',
    );
    expect(text('container', RelationType.SHARES, 'linux-kernel')).toBe('A container shares the Linux kernel.');
    expect(text('run-stage', RelationType.HAS_COMMAND, 'docker-ps')).toBe(
      'docker ps is a command used in the run stage.',
    );
    expect(text('image', RelationType.STORED_IN, 'image-repository')).toBe('An image is kept in an image repository.');
    expect(text('docker', RelationType.SUPPORTS, 'devops')).toBe('Docker helps with DevOps.');
    // A plural subject is never followed by a singular verb, nor a singular one by a plural verb.
    for (const r of relations) {
      expect(r.en).not.toMatch(
        /\b(?:features|cgroups|resources|containers) (?:is|has|makes|uses|runs|shares|contains)\b/,
      );
      expect(r.en).not.toMatch(/^(?:A|An) [^,]+? (?:are|have) /);
    }
  });

  it('puts the Korean particle that fits the final sound of the word before it', () => {
    expect(relations.flatMap((r) => particleProblems(r.ko))).toEqual([]);
    const ko = (from: string, type: RelationType, to: string) =>
      relations.find((r) => r.from.slug === from && r.type === type && r.to.slug === to)!.ko;
    expect(ko('docker-pause', RelationType.USES, 'cgroups-freezer')).toBe(
      'docker pause 명령은 cgroups 프리저를 사용한다.',
    );
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

/** Each concept's English form inside a sentence, from the seed files themselves: its phrase, or its name. */
const SEED = checkSeed('seed');
const FORMS = new Map(
  SEED.concepts.map((c) => [
    c.slug,
    { form: c.phrase ?? c.name.en, plural: c.plural === true, name: c.name.en, ko: c.name.ko },
  ]),
);
const form = (slug: string) => FORMS.get(slug)!;
const ALL_FORMS = [...FORMS.values()].map((f) => f.form);

/** The problems of an English sentence that may name the concepts `slugs` (by their forms) and, when `names`, by name. */
function englishProblems(text: string, slugs: readonly string[], names = false): string[] {
  const forms = slugs.map(form);
  const allowed = [...forms.map((f) => f.form), ...(names ? forms.map((f) => f.name) : [])];
  return [...articleProblems(text), ...capitalProblems(text, allowed), ...agreementProblems(text, forms, ALL_FORMS)];
}

describe('relation sentences, by the checks the other generated sentences use too', () => {
  it('capitalise no common noun mid-sentence and make every verb agree', async () => {
    const { relations } = await everything();
    const problems = relations.flatMap((r) =>
      englishProblems(r.en, [r.from.slug, r.to.slug], r.type === RelationType.LEARN_AFTER),
    );
    expect(problems).toEqual([]);
  });
});

interface Prompted {
  stem: QuestionStem;
  en: string;
  ko: string;
}

describe('every quiz question the graph can generate, as text', () => {
  let prompts: Prompted[];
  beforeAll(async () => {
    const { graph } = await new FactRepository(server.atlas.database.gateway).factGraph();
    const facts = graph.factsAround(null, new Set(Object.values(RelationType).filter(isQuizzed)));
    const questions = facts
      .flatMap((fact) => stemsOf(fact, createRandom(1)))
      .map((stem) => buildQuestion(stem, graph.wrongOptions(stem), createRandom(2)))
      .filter((q) => q !== null);
    // The prompt field's own code, as a quiz or a tour shows it.
    prompts = questions.map((model) => {
      const question = new QuizQuestion({ ...model, id: 'unsigned' }, null);
      return { stem: model.stem, en: question.prompt(Lang.EN), ko: question.prompt(Lang.KO) };
    });
  });

  const prompt = (type: RelationType, asks: 'OBJECT' | 'SUBJECT', given: string) => {
    const found = prompts.find((p) => p.stem.type === type && p.stem.asks === asks && p.stem.given.slug === given);
    if (!found) throw new Error(`no question ${type} ${asks} with ${given} given`);
    return { en: found.en, ko: found.ko };
  };

  it('names the given concept by its sentence form in English and by its name in Korean, in every question both ways', () => {
    expect(prompts.length).toBeGreaterThan(150);
    expect(new Set(prompts.map((p) => p.stem.asks))).toEqual(new Set(['OBJECT', 'SUBJECT']));
    for (const { stem, en, ko } of prompts) {
      const given = form(stem.given.slug);
      // IS_A drops the article: "a kind of container".
      expect(en.toLowerCase()).toContain(
        given.form.toLowerCase().replace(stem.type === RelationType.IS_A ? /^(?:a|an) / : /^$/, ''),
      );
      expect(en).toMatch(/^[A-Z].*\?$/);
      expect(en).not.toMatch(/[가-힣]|\s{2}/);
      expect(ko).toContain(given.ko);
      expect(ko).toMatch(/[가-힣].*\?$/);
    }
  });

  it('has articles that fit, no capitalised common noun mid-sentence, and verbs that agree with the given concept', () => {
    expect(prompts.flatMap(({ stem, en }) => englishProblems(en, [stem.given.slug]))).toEqual([]);
  });

  it('puts the Korean particle that fits the final sound of the given name', () => {
    expect(
      prompts.flatMap(({ stem, ko }) => [
        ...particleProblems(ko),
        ...namedParticleProblems(ko, [form(stem.given.slug).ko]),
      ]),
    ).toEqual([]);
  });

  it('reads as these sentences, written out by hand', () => {
    expect(prompt(RelationType.SENDS_SIGNAL, 'OBJECT', 'docker-kill')).toEqual({
      en: 'Which signal does docker kill send?',
      ko: 'docker kill 명령이 보내는 시그널은?',
    });
    expect(prompt(RelationType.SENDS_SIGNAL, 'SUBJECT', 'sigkill')).toEqual({
      en: 'Which of these sends SIGKILL?',
      ko: '다음 중 SIGKILL 시그널을 보내는 것은?',
    });
    expect(prompt(RelationType.IS_A, 'SUBJECT', 'container')).toEqual({
      en: 'Which of these is a kind of container?',
      ko: '다음 중 컨테이너의 한 종류인 것은?',
    });
    expect(prompt(RelationType.PART_OF, 'OBJECT', 'cgroups')).toEqual({
      en: 'What are cgroups part of?',
      ko: '컨트롤 그룹은 다음 중 무엇의 일부인가?',
    });
    expect(prompt(RelationType.PART_OF, 'OBJECT', 'kernel-isolation-features')).toEqual({
      en: "What are the kernel's isolation features part of?",
      ko: '커널 격리 기능은 다음 중 무엇의 일부인가?',
    });
    expect(prompt(RelationType.LISTED_BY, 'OBJECT', 'running-container')).toEqual({
      en: 'Which of these lists running containers?',
      ko: '실행 중인 컨테이너는 다음 중 무엇의 목록에 나오는가?',
    });
    expect(prompt(RelationType.STORED_IN, 'OBJECT', 'image')).toEqual({
      en: 'Where is an image kept?',
      ko: '이미지는 다음 중 어디에 저장되는가?',
    });
  });
});

/** The sentences of `difference`, in one language, that are made from relations. */
interface DifferenceSentences {
  shared: string[];
  related: string[];
  differences: { sentence: string; relationType: string | null }[];
  nearestCommon: { sentences: string[] } | null;
  explanation: string;
}

const DIFFERENCE = 'shared related differences { sentence relationType } nearestCommon { sentences } explanation';

/**
 * The pairs of concepts whose differences are checked: every stored comparison, the first two concepts of each kind
 * (by slug), and pairs chosen because their sentences list several concepts.
 */
function differencePairs(): [string, string][] {
  const pairs: [string, string][] = SEED.comparisons.map((k) => [k.concepts[0], k.concepts[1]]);
  const byKind = new Map<string, string[]>();
  for (const c of [...SEED.concepts].sort((x, y) => x.slug.localeCompare(y.slug)))
    byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c.slug]);
  for (const slugs of byKind.values()) if (slugs.length >= 2) pairs.push([slugs[0], slugs[1]]);
  pairs.push(
    ['container', 'virtual-machine'],
    ['unikernel', 'container'],
    ['docker', 'unikernel'],
    ['running-container', 'stopped-container'],
  );
  return pairs;
}

describe('difference sentences for a sample of concept pairs', () => {
  const pairs = differencePairs();
  let found: { pair: [string, string]; en: DifferenceSentences; ko: DifferenceSentences }[];
  beforeAll(async () => {
    found = [];
    for (const pair of pairs) {
      const res = await server.gql<{ en: DifferenceSentences; ko: DifferenceSentences }>(
        `query ($a: String!, $b: String!) { en: difference(a: $a, b: $b, lang: EN) { ${DIFFERENCE} } ko: difference(a: $a, b: $b, lang: KO) { ${DIFFERENCE} } }`,
        { a: pair[0], b: pair[1] },
      );
      expect(res.body.errors).toBeUndefined();
      found.push({ pair, ...res.body.data! });
    }
  });

  /** Sentences made from relations alone (a description of the note may follow a related sentence, so not those). */
  const relationMade = (d: DifferenceSentences) => [
    ...d.shared,
    ...d.differences.filter((p) => p.relationType).map((p) => p.sentence),
    ...(d.nearestCommon?.sentences ?? []),
  ];

  it('has articles that fit, no capitalised common noun mid-sentence, and verbs that agree, lists included', () => {
    expect(found.length).toBe(pairs.length);
    const sentences = found.flatMap(({ en }) => relationMade(en));
    expect(sentences.length).toBeGreaterThan(40);
    const problems = sentences.flatMap((text) => [
      ...articleProblems(text),
      ...capitalProblems(text, ALL_FORMS),
      ...agreementProblems(text, [...FORMS.values()], ALL_FORMS),
    ]);
    expect(problems).toEqual([]);
    expect(found.flatMap(({ en }) => [...en.related, en.explanation]).flatMap(articleProblems)).toEqual([]);
  });

  it('puts Korean particles that fit', () => {
    expect(
      found.flatMap(({ ko }) => [...relationMade(ko), ...ko.related, ko.explanation]).flatMap(particleProblems),
    ).toEqual([]);
  });
});

interface TourSentences {
  steps: {
    concept: { slug: string };
    why: string;
    ko: string;
    via: { type: RelationType; from: { slug: string }; to: { slug: string } } | null;
    check: { concept: { slug: string }; en: string; ko: string } | null;
  }[];
}

describe('tour sentences for a sample of targets', () => {
  const targets = [
    'process',
    'unikernel',
    'docker-commit',
    'commit-stage',
    'os-container',
    'running-container',
    'dedicated-resources',
    'docker-kill',
    'portability',
  ];
  let steps: TourSentences['steps'];
  beforeAll(async () => {
    steps = [];
    for (const to of targets) {
      const res = await server.gql<{ tour: TourSentences }>(
        `query ($to: String!) { tour(to: $to, lang: EN) { steps { concept { slug } why ko: why(lang: KO) via { type from { slug } to { slug } } check { concept { slug } en: prompt(lang: EN) ko: prompt(lang: KO) } } } }`,
        { to },
      );
      expect(res.body.errors).toBeUndefined();
      steps.push(...res.body.data!.tour.steps);
    }
  });

  it('states why each step comes now in sentences that pass the same checks', () => {
    expect(steps.length).toBeGreaterThan(20);
    const problems = steps.flatMap((step) => {
      // The relation's own sentence comes first; the note's description of it may follow and is not generated text.
      const first = step.why.split(/(?<=\.)\s/)[0];
      const slugs = step.via ? [step.via.from.slug, step.via.to.slug] : [step.concept.slug];
      const byName = !step.via || step.via.type === RelationType.LEARN_AFTER;
      return [...englishProblems(first, slugs, byName), ...articleProblems(step.why), ...particleProblems(step.ko)];
    });
    expect(problems).toEqual([]);
    // A process is learned first of all: its tour is one step tied to nothing.
    const start = steps.find((step) => step.concept.slug === 'process' && !step.via);
    expect(start?.why).toBe('In the learning order, nothing comes before Process: it is a starting point.');
    expect(start?.ko).toBe('프로세스는 출발점이다. 먼저 알아야 할 다른 개념이 없다.');
  });

  it('asks check questions that pass the same checks', () => {
    const checks = steps.flatMap((step) => (step.check ? [step.check] : []));
    expect(checks.length).toBeGreaterThan(10);
    expect(checks.flatMap((q) => [...englishProblems(q.en, [q.concept.slug]), ...particleProblems(q.ko)])).toEqual([]);
  });
});

describe('path explanations for a sample of routes', () => {
  const routes: [string, string][] = [
    ['unikernel', 'virtual-machine'],
    ['docker-stop', 'sigkill'],
    ['os-container', 'application-container'],
    ['docker', 'linux-kernel'],
    ['running-container', 'image'],
  ];
  interface Hop {
    relation: { type: RelationType; from: { slug: string }; to: { slug: string } };
    en: string;
    ko: string;
  }
  let hops: Hop[];
  beforeAll(async () => {
    hops = [];
    for (const [from, to] of routes) {
      const res = await server.gql<{ paths: { hops: Hop[] }[] }>(
        'query ($from: String!, $to: String!) { paths(from: $from, to: $to, first: 3) { hops { relation { type from { slug } to { slug } } en: sentence(lang: EN) ko: sentence(lang: KO) } } }',
        { from, to },
      );
      expect(res.body.errors).toBeUndefined();
      hops.push(...res.body.data!.paths.flatMap((path) => path.hops));
    }
  });

  it('states every hop in sentences that pass the same checks, in both languages', () => {
    expect(hops.length).toBeGreaterThan(10);
    const problems = hops.flatMap(({ relation, en, ko }) => [
      ...englishProblems(en, [relation.from.slug, relation.to.slug], relation.type === RelationType.LEARN_AFTER),
      ...particleProblems(ko),
    ]);
    expect(problems).toEqual([]);
  });
});
