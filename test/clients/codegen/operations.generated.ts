export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
};

/** The grade of one answer to a quiz question. */
export type AnswerResult = {
  __typename?: 'AnswerResult';
  /** The concept the right option names. */
  answer: Concept;
  /** The option that was chosen. */
  choice: Scalars['ID']['output'];
  /** Whether the choice is the right option. */
  correct: Scalars['Boolean']['output'];
  /** The `id` of the right option. */
  correctChoice: Scalars['ID']['output'];
  /** Why the right option is right: the relation as a sentence, with its description from the note when there is one. */
  explanation: Scalars['String']['output'];
  /** The section of the study note that states the fact. */
  source: Scalars['String']['output'];
};


/** The grade of one answer to a quiz question. */
export type AnswerResultExplanationArgs = {
  lang?: InputMaybe<Lang>;
};

/** A command-line flag of a command and what it does. */
export type CommandFlag = {
  __typename?: 'CommandFlag';
  /** The flag as a concept of its own. */
  concept: Concept;
  /** The flag as typed, e.g. `-t` (the flag concept's syntax, or its name when it has none). */
  flag: Scalars['String']['output'];
  /** What the flag does, in the chosen language (the flag concept's summary). */
  meaning: Scalars['String']['output'];
};


/** A command-line flag of a command and what it does. */
export type CommandFlagMeaningArgs = {
  lang?: InputMaybe<Lang>;
};

/** The nearest concept two concepts both lead to, and how each gets there. */
export type CommonConcept = {
  __typename?: 'CommonConcept';
  /** True when both reach it as kinds, examples or parts of it (IS_A, EXAMPLE_OF, PART_OF); false when over other relations (what they run on, use, are built from, ...). */
  byHierarchy: Scalars['Boolean']['output'];
  /** The common concept (it may be one of the two, when the other is a kind of it). */
  concept: Concept;
  /** Steps from the first concept to it. */
  fromA: Scalars['Int']['output'];
  /** Steps from the second concept to it. */
  fromB: Scalars['Int']['output'];
  /** The relations walked: from the first concept, then from the second. */
  relations: Array<Relation>;
  /** The relations walked from both sides, as sentences. */
  sentences: Array<Scalars['String']['output']>;
};


/** The nearest concept two concepts both lead to, and how each gets there. */
export type CommonConceptSentencesArgs = {
  lang?: InputMaybe<Lang>;
};

/** Concepts side by side, aspect by aspect: a comparison from the study note, or one derived from the graph. */
export type Comparison = {
  __typename?: 'Comparison';
  /** The rows. Stored: as the note gives them. Derived: one per relation type and direction any of the concepts has, the ones they share first. */
  aspects: Array<ComparisonAspect>;
  /** The compared concepts, in the order they were asked for. */
  concepts: Array<Concept>;
  /** False for a comparison written in the study note; true when no stored comparison covers these concepts and the aspects were derived from their relations. */
  derived: Scalars['Boolean']['output'];
  /** What all the compared concepts have in common: the same relation to the same concept (from the graph, for stored and derived comparisons alike). */
  shared: Array<SharedRelation>;
  /** The key of the stored comparison; null when the comparison was derived. */
  slug?: Maybe<Scalars['String']['output']>;
  /** The section of the study note a stored comparison comes from; null when derived. */
  source?: Maybe<Scalars['String']['output']>;
  /** A title in the chosen language ("OS container vs application container"). */
  title: Scalars['String']['output'];
};


/** Concepts side by side, aspect by aspect: a comparison from the study note, or one derived from the graph. */
export type ComparisonTitleArgs = {
  lang?: InputMaybe<Lang>;
};

/** One row of a comparison: what is compared, and each concept's entry. */
export type ComparisonAspect = {
  __typename?: 'ComparisonAspect';
  /** What this row compares, in the chosen language ("Services per container"). */
  aspect: Scalars['String']['output'];
  /** For a derived aspect, whether the compared concepts are the subjects (OUTGOING) or objects (INCOMING) of those relations; null for a stored aspect. */
  direction?: Maybe<Direction>;
  /** For a derived aspect, the relation type it lists; null for a stored aspect. */
  type?: Maybe<RelationType>;
  /** One entry per compared concept, in the order of the comparison's `concepts`. */
  values: Array<ComparisonValue>;
};


/** One row of a comparison: what is compared, and each concept's entry. */
export type ComparisonAspectAspectArgs = {
  lang?: InputMaybe<Lang>;
};

/** One compared concept's entry in an aspect of a comparison. */
export type ComparisonValue = {
  __typename?: 'ComparisonValue';
  /** The compared concept this entry is about. */
  concept: Concept;
  /** For a derived aspect, the concepts the entry names (its related concepts); empty for a stored aspect. */
  concepts: Array<Concept>;
  /** The entry in the chosen language; null when the concept has nothing for this aspect. */
  value?: Maybe<Scalars['String']['output']>;
};


/** One compared concept's entry in an aspect of a comparison. */
export type ComparisonValueValueArgs = {
  lang?: InputMaybe<Lang>;
};

/** A concept of container technology: a technology, product, command, stage, signal, ... */
export type Concept = Node & {
  __typename?: 'Concept';
  /** Other names in the chosen language; the other language when none are recorded. */
  aliases: Array<Scalars['String']['output']>;
  /** Number of relations this concept takes part in, both directions, all types. */
  degree: Scalars['Int']['output'];
  /** Longer explanation in the chosen language; null when the note has none. */
  details?: Maybe<Scalars['String']['output']>;
  /** The flags of a command (its HAS_FLAG relations), in order; empty for other kinds. */
  flags: Array<CommandFlag>;
  /** Opaque global id; `node(id:)` fetches the concept again. */
  id: Scalars['ID']['output'];
  /** What sort of thing the concept is. */
  kind: ConceptKind;
  /** Name in the chosen language (falls back to the other language, never null). */
  name: Scalars['String']['output'];
  /** Position of a lifecycle stage (1 = first); null for other kinds. */
  order?: Maybe<Scalars['Int']['output']>;
  /** The concepts this one is related to, with how (signals a command sends, mechanisms it uses, stages, alternatives, ...), a page at a time. */
  related: RelationConnection;
  /** Stable, human-readable key, e.g. `docker-build`. Use it with `concept(slug:)`. */
  slug: Scalars['String']['output'];
  /** The section of the study note the concept comes from. */
  source: Scalars['String']['output'];
  /** One- or two-sentence explanation in the chosen language (falls back, never null). */
  summary: Scalars['String']['output'];
  /** Command-line syntax of a command or flag, e.g. `docker build -t <name> .`; null for other kinds. */
  syntax?: Maybe<Scalars['String']['output']>;
  /** Free-form tags, e.g. `docker`, `lifecycle`. */
  tags: Array<Scalars['String']['output']>;
};


/** A concept of container technology: a technology, product, command, stage, signal, ... */
export type ConceptAliasesArgs = {
  lang?: InputMaybe<Lang>;
};


/** A concept of container technology: a technology, product, command, stage, signal, ... */
export type ConceptDetailsArgs = {
  lang?: InputMaybe<Lang>;
};


/** A concept of container technology: a technology, product, command, stage, signal, ... */
export type ConceptNameArgs = {
  lang?: InputMaybe<Lang>;
};


/** A concept of container technology: a technology, product, command, stage, signal, ... */
export type ConceptRelatedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  direction?: Direction;
  first?: InputMaybe<Scalars['Int']['input']>;
  types?: InputMaybe<Array<RelationType>>;
};


/** A concept of container technology: a technology, product, command, stage, signal, ... */
export type ConceptSummaryArgs = {
  lang?: InputMaybe<Lang>;
};

/** A page of concepts (Relay connection). */
export type ConceptConnection = {
  __typename?: 'ConceptConnection';
  /** The concepts on this page, in the requested order. */
  edges: Array<ConceptEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of concepts matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One concept in a list, with its cursor. */
export type ConceptEdge = {
  __typename?: 'ConceptEdge';
  /** Opaque cursor of this edge; pass it as `after` or `before` with the same orderBy. */
  cursor: Scalars['String']['output'];
  /** The concept. */
  node: Concept;
};

/** Which concepts to list. Every given condition must hold; an empty list matches nothing. */
export type ConceptFilter = {
  /** Only concepts of one of these kinds. */
  kinds?: InputMaybe<Array<ConceptKind>>;
  /** Only the concepts with these slugs. */
  slugs?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only concepts whose source section starts with this text. */
  source?: InputMaybe<Scalars['String']['input']>;
  /** Only concepts carrying at least one of these tags. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** What sort of thing a concept is. */
export enum ConceptKind {
  /** A system architecture, such as microservices. */
  Architecture = 'ARCHITECTURE',
  /** A benefit, such as portability or fast boot. */
  Benefit = 'BENEFIT',
  /** A property, such as being lightweight. */
  Characteristic = 'CHARACTERISTIC',
  /** A command-line command such as `docker build`. */
  Command = 'COMMAND',
  /** A building block: image, layer, Dockerfile. */
  Component = 'COMPONENT',
  /** A general idea: process, kernel, isolation. */
  Concept = 'CONCEPT',
  /** A command-line flag such as `-t`. */
  Flag = 'FLAG',
  /** A stage of the container lifecycle: build, run, stop/kill, commit. */
  LifecycleStage = 'LIFECYCLE_STAGE',
  /** A kernel or runtime mechanism a command relies on, such as the cgroups freezer. */
  Mechanism = 'MECHANISM',
  /** A way of working, such as DevOps. */
  Practice = 'PRACTICE',
  /** A principle, such as write once, run anywhere. */
  Principle = 'PRINCIPLE',
  /** A named product or project: Docker, LXC, rkt. */
  Product = 'PRODUCT',
  /** A POSIX signal such as SIGTERM. */
  Signal = 'SIGNAL',
  /** A family of technology: container, virtual machine, unikernel. */
  Technology = 'TECHNOLOGY',
  /** A section of the study note that groups other concepts. */
  Topic = 'TOPIC'
}

/** How to sort concepts. Ties are broken by slug, so the order is total and pages are stable. */
export type ConceptOrder = {
  /** Ascending or descending. */
  direction?: OrderDirection;
  /** The sort key. */
  field?: ConceptOrderField;
};

/** What to sort concepts by. */
export enum ConceptOrderField {
  /** The number of relations the concept takes part in. */
  Degree = 'DEGREE',
  /** The kind, by its enum name. */
  Kind = 'KIND',
  /** The English name, case-insensitive (the Korean name when there is no English one). */
  NameEn = 'NAME_EN',
  /** The Korean name (the English name when there is no Korean one). */
  NameKo = 'NAME_KO',
  /** The slug. */
  Slug = 'SLUG'
}

/** Two concepts explained side by side in sentences. */
export type Difference = {
  __typename?: 'Difference';
  /** The first concept. */
  a: Concept;
  /** The second concept. */
  b: Concept;
  /** Where they differ: the rows of the study note's comparison of the two, then of comparisons of their kinds, then relations of a type one has with concepts the other has not. */
  differences: Array<DifferencePoint>;
  /** All of the above as one text: relations, what they share, each difference, the nearest common concept. */
  explanation: Scalars['String']['output'];
  /** The nearest concept both lead to; null when none is within reach. */
  nearestCommon?: Maybe<CommonConcept>;
  /** How the two are related to each other directly, one sentence per relation ("OS container contrasts with application container."). */
  related: Array<Scalars['String']['output']>;
  /** What both have: the same relation to the same concept, as sentences. */
  shared: Array<Scalars['String']['output']>;
  /** A title: the study note's comparison title when it compares exactly these two, otherwise "A vs B". */
  title: Scalars['String']['output'];
};


/** Two concepts explained side by side in sentences. */
export type DifferenceExplanationArgs = {
  lang?: InputMaybe<Lang>;
};


/** Two concepts explained side by side in sentences. */
export type DifferenceRelatedArgs = {
  lang?: InputMaybe<Lang>;
};


/** Two concepts explained side by side in sentences. */
export type DifferenceSharedArgs = {
  lang?: InputMaybe<Lang>;
};


/** Two concepts explained side by side in sentences. */
export type DifferenceTitleArgs = {
  lang?: InputMaybe<Lang>;
};

/** One way two concepts differ: a row of a stored comparison, or a kind of relation one has and the other has not (or has with other concepts). */
export type DifferencePoint = {
  __typename?: 'DifferencePoint';
  /** What the first concept (or, in a comparison of their kinds, its kind) has here, as a sentence; null when nothing is recorded. */
  a?: Maybe<Scalars['String']['output']>;
  /** What is compared: the comparison's row heading, or the kind of relation ("Runs on", "Examples"). */
  aspect: Scalars['String']['output'];
  /** What the second concept (or its kind) has here, as a sentence; null when nothing is recorded. */
  b?: Maybe<Scalars['String']['output']>;
  /** The slug of the stored comparison the row comes from; null for a row made from relations. */
  comparison?: Maybe<Scalars['String']['output']>;
  /** For a row made from relations, their type; null for a row of a stored comparison. */
  relationType?: Maybe<RelationType>;
  /** Both sides in one text. */
  sentence: Scalars['String']['output'];
  /** The sections of the study note the row comes from. */
  sources: Array<Scalars['String']['output']>;
};


/** One way two concepts differ: a row of a stored comparison, or a kind of relation one has and the other has not (or has with other concepts). */
export type DifferencePointAArgs = {
  lang?: InputMaybe<Lang>;
};


/** One way two concepts differ: a row of a stored comparison, or a kind of relation one has and the other has not (or has with other concepts). */
export type DifferencePointAspectArgs = {
  lang?: InputMaybe<Lang>;
};


/** One way two concepts differ: a row of a stored comparison, or a kind of relation one has and the other has not (or has with other concepts). */
export type DifferencePointBArgs = {
  lang?: InputMaybe<Lang>;
};


/** One way two concepts differ: a row of a stored comparison, or a kind of relation one has and the other has not (or has with other concepts). */
export type DifferencePointSentenceArgs = {
  lang?: InputMaybe<Lang>;
};

/** Which way a relation points, seen from the concept being asked about. Symmetric relations (ALTERNATIVE_TO, CONTRASTS_WITH, PAIRS_WELL_WITH) read the same both ways, so they count as OUTGOING from both ends. */
export enum Direction {
  /** Either way (filters only; an edge always reports OUTGOING or INCOMING). */
  Both = 'BOTH',
  /** This concept is the object: `other TYPE this`. */
  Incoming = 'INCOMING',
  /** This concept is the subject: `this TYPE other`. */
  Outgoing = 'OUTGOING'
}

/** Counts over the whole knowledge graph. */
export type GraphStats = {
  __typename?: 'GraphStats';
  /** Concepts per kind, by kind name. */
  byKind: Array<KindCount>;
  /** Relations per type, by type name. */
  byRelationType: Array<RelationTypeCount>;
  /** Number of concepts. */
  concepts: Scalars['Int']['output'];
  /** Number of relations between concepts. */
  relations: Scalars['Int']['output'];
  /** The seed the graph was built from; null before the first seeding. */
  seed?: Maybe<SeedInfo>;
};

/** How many concepts of one kind the graph holds. */
export type KindCount = {
  __typename?: 'KindCount';
  count: Scalars['Int']['output'];
  kind: ConceptKind;
};

/** A language of the content. Without a `lang` argument the Accept-Language header decides, then English. */
export enum Lang {
  /** English */
  En = 'EN',
  /** Korean (한국어) */
  Ko = 'KO'
}

/** A stage of the Docker container lifecycle (build, run, stop/kill, commit) with the commands that carry it out. */
export type LifecycleStage = {
  __typename?: 'LifecycleStage';
  /** The commands of the stage, in the order the note gives them; ask a command for `related(types: [SENDS_SIGNAL])` or `flags` for more. */
  commands: Array<Concept>;
  /** The stage as a concept (name, summary, related concepts, ...). */
  concept: Concept;
  /** The stage that comes next (its NEXT_STAGE); null for the last stage. */
  next?: Maybe<LifecycleStage>;
  /** Position of the stage in the lifecycle, 1 for the first. */
  order: Scalars['Int']['output'];
  /** The signals the stage's commands send, each once, in command order (e.g. SIGTERM, then SIGKILL for stop/kill). */
  signals: Array<Concept>;
};

/** An object with a globally unique, opaque id that `node(id:)` can fetch again. */
export type Node = {
  /** Opaque global id. Pass it to `node(id:)`; do not parse it. */
  id: Scalars['ID']['output'];
};

/** Sort direction. Ties are broken by slug in the same direction, so every order is total. */
export enum OrderDirection {
  /** Smallest first (A to Z, 0 up). */
  Asc = 'ASC',
  /** Largest first (Z to A, high to low). */
  Desc = 'DESC'
}

/** Relay page information: where this page sits in the whole list. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last edge; null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when items follow this page; fetch them with `first` and `after: endCursor`. */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when items precede this page; fetch them with `last` and `before: startCursor`. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first edge; null when the page is empty. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A chain of concepts from one concept to another, each step over one relation (walked either way). */
export type Path = {
  __typename?: 'Path';
  /** One sentence per step, in order, in Korean or English, e.g. "docker stop sends SIGKILL." / "docker stop 명령은 SIGKILL 시그널을 보낸다." Each states the fact in the relation's true direction. */
  explanation: Array<Scalars['String']['output']>;
  /** The steps of the path with the concepts on both sides and the way each relation was walked. */
  hops: Array<PathHop>;
  /** Number of steps (relations). */
  length: Scalars['Int']['output'];
  /** The concepts along the path, from the start to the end (one more than `length`). */
  nodes: Array<Concept>;
  /** The relation of each step, in walking order, each with its true `from` and `to` (compare with `nodes` to see which way it was walked). */
  relations: Array<Relation>;
};


/** A chain of concepts from one concept to another, each step over one relation (walked either way). */
export type PathExplanationArgs = {
  lang?: InputMaybe<Lang>;
};

/** One step of a path: from one concept to the next over a relation, which may point either way. */
export type PathHop = {
  __typename?: 'PathHop';
  /** OUTGOING when the step follows the relation's arrow (`from TYPE to`), INCOMING when it walks against it. Symmetric relations always report OUTGOING. */
  direction: Direction;
  /** The concept the step leaves (the earlier one along the path). */
  from: Concept;
  /** The relation walked, with its true `from` and `to`. */
  relation: Relation;
  /** The fact of this step as one sentence, always in the relation's true direction: walking from SIGKILL to docker stop still reads "docker stop sends SIGKILL." */
  sentence: Scalars['String']['output'];
  /** The concept the step reaches (the later one along the path). */
  to: Concept;
};


/** One step of a path: from one concept to the next over a relation, which may point either way. */
export type PathHopSentenceArgs = {
  lang?: InputMaybe<Lang>;
};

export type Query = {
  __typename?: 'Query';
  /** Grades a choice for a question from `quiz` or `tour`, against the graph, and explains the answer. BAD_USER_INPUT naming `questionId` when the id was not issued by this API or was changed, or `choice` when it is not one of the question's options; NOT_FOUND naming `questionId` when the graph has changed so that the question no longer has exactly one right option. */
  checkAnswer: AnswerResult;
  /** Concepts side by side: the comparison from the study note when one covers exactly these concepts (in any order), otherwise one derived from their relations. BAD_USER_INPUT naming `slugs` for fewer than 2, more than 5 or repeated slugs; NOT_FOUND naming `slugs` (and listing them) for slugs no concept has. */
  compare: Comparison;
  /** One concept by slug; null when there is none. */
  concept?: Maybe<Concept>;
  /** Concepts, filtered and sorted, a page at a time (Relay connection with keyset cursors). */
  concepts: ConceptConnection;
  /** Two concepts explained side by side in sentences: how they relate, what they share, where they differ (rows of the study note's comparison of them or of their kinds, then their relations the other lacks) and the nearest concept both lead to. BAD_USER_INPUT naming `b` when it equals `a`; NOT_FOUND naming `a` or `b` when no concept has that slug. */
  difference: Difference;
  /** What to learn, in order, to understand a concept: everything it requires, directly or through other prerequisites, with every prerequisite before what needs it (the basics first, ties by slug), and the concept itself last. NOT_FOUND naming `slug` when no concept has it; DATA_INCONSISTENT naming the cycle if the stored prerequisites go round in a circle. */
  learningPath: Array<Concept>;
  /** The stages of the Docker container lifecycle in order (build, run, stop/kill, commit), each with its commands and their signals. Empty when the graph holds no lifecycle. */
  lifecycle: Array<LifecycleStage>;
  /** The concepts within `depth` hops of a concept (relations followed either way) and the relations among them, nearest first, at most `limit` nodes. NOT_FOUND when no concept has the slug; BAD_USER_INPUT naming the argument when depth, limit or types are out of range. */
  neighborhood: Subgraph;
  /** Any object by its global id (Relay). Null when nothing has that id; BAD_USER_INPUT when the id is malformed. */
  node?: Maybe<Node>;
  /** How two concepts are connected: up to `first` paths of at most `maxLength` steps, shortest first (all the shortest, then longer ones), with no concept twice, walking relations either way. Empty when they are not connected within `maxLength`. BAD_USER_INPUT when `from` equals `to` or a bound is out of range; NOT_FOUND naming `from` or `to` when no concept has that slug. */
  paths: Array<Path>;
  /** Multiple-choice questions made from the relations of the graph, around a topic or over everything: one right option, the others of the same kind and checked against the graph to be wrong. BAD_USER_INPUT naming `count` when it is out of range or `topic` when it is empty; NOT_FOUND naming `topic` when no concept has that slug. */
  quiz: Array<QuizQuestion>;
  /** Full-text search over concept names, aliases and summaries in Korean and English, best match first. */
  search: Array<SearchHit>;
  /** Counts of concepts by kind and of relations by type, and the seed version. */
  stats: GraphStats;
  /** A guided walk to `to`: everything it requires that the learner does not know yet (with `from`, that concept and all it requires count as known), prerequisites first, the target last, each step with why it comes now and a check question. The same arguments give the same tour. BAD_USER_INPUT naming `to` when it equals `from`; NOT_FOUND naming `from` or `to` when no concept has that slug; DATA_INCONSISTENT if the stored prerequisites go round in a circle. */
  tour: Tour;
};


export type QueryCheckAnswerArgs = {
  choice: Scalars['String']['input'];
  questionId: Scalars['ID']['input'];
};


export type QueryCompareArgs = {
  slugs: Array<Scalars['String']['input']>;
};


export type QueryConceptArgs = {
  slug: Scalars['String']['input'];
};


export type QueryConceptsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ConceptFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ConceptOrder>;
};


export type QueryDifferenceArgs = {
  a: Scalars['String']['input'];
  b: Scalars['String']['input'];
  lang?: InputMaybe<Lang>;
};


export type QueryLearningPathArgs = {
  slug: Scalars['String']['input'];
};


export type QueryNeighborhoodArgs = {
  depth?: InputMaybe<Scalars['Int']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  slug: Scalars['String']['input'];
  types?: InputMaybe<Array<RelationType>>;
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPathsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  from: Scalars['String']['input'];
  maxLength?: InputMaybe<Scalars['Int']['input']>;
  to: Scalars['String']['input'];
};


export type QueryQuizArgs = {
  count?: Scalars['Int']['input'];
  lang?: InputMaybe<Lang>;
  seed?: InputMaybe<Scalars['Int']['input']>;
  topic?: InputMaybe<Scalars['String']['input']>;
};


export type QuerySearchArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  kinds?: InputMaybe<Array<ConceptKind>>;
  lang?: InputMaybe<Lang>;
  query: Scalars['String']['input'];
};


export type QueryTourArgs = {
  from?: InputMaybe<Scalars['String']['input']>;
  lang?: InputMaybe<Lang>;
  to: Scalars['String']['input'];
};

/** Which end of the relation `subject TYPE object` the learner has to find. */
export enum QuizAsks {
  /** The subject is given (`concept`); the answer is an object: "Which signal does docker kill send?". Symmetric relations are always asked this way. */
  Object = 'OBJECT',
  /** The object is given (`concept`); the answer is a subject: "Which of these sends SIGKILL?". */
  Subject = 'SUBJECT'
}

/** One option of a quiz question. */
export type QuizOption = {
  __typename?: 'QuizOption';
  /** What to pass as `choice` to `checkAnswer` (the slug of the concept the option names). */
  id: Scalars['ID']['output'];
  /** The option as shown: the concept's name in the chosen language. */
  text: Scalars['String']['output'];
};


/** One option of a quiz question. */
export type QuizOptionTextArgs = {
  lang?: InputMaybe<Lang>;
};

/** A multiple-choice question made from one relation of the graph. Exactly one option is right; every other option is checked against the graph to be wrong. The answer is not part of the question: grade a choice with `checkAnswer`. */
export type QuizQuestion = {
  __typename?: 'QuizQuestion';
  /** Whether the answer is the object (the concept is the subject) or the subject of the relation. */
  asks: QuizAsks;
  /** The concept the question names (the given end of the relation). */
  concept: Concept;
  /** Tamper-evident id of the question, for `checkAnswer`. The same question always has the same id (on the same server configuration). */
  id: Scalars['ID']['output'];
  /** The kind of relation the question is about. */
  kind: RelationType;
  /** Three or four options in the order to show them; one is right. */
  options: Array<QuizOption>;
  /** The question in the chosen language, e.g. "Which signal does docker kill send?". */
  prompt: Scalars['String']['output'];
  /** The section of the study note the fact comes from. */
  source: Scalars['String']['output'];
};


/** A multiple-choice question made from one relation of the graph. Exactly one option is right; every other option is checked against the graph to be wrong. The answer is not part of the question: grade a choice with `checkAnswer`. */
export type QuizQuestionPromptArgs = {
  lang?: InputMaybe<Lang>;
};

/** A relation between two concepts, read as a sentence: `from TYPE to` ("docker-stop SENDS_SIGNAL sigterm"). */
export type Relation = {
  __typename?: 'Relation';
  /** Why the two concepts are related, in the chosen language; null when the note says nothing. */
  description?: Maybe<Scalars['String']['output']>;
  /** The subject of the relation (`from TYPE to`). */
  from: Concept;
  /** Position among relations of the same type from the same concept (stages, flags); null when unordered. */
  order?: Maybe<Scalars['Int']['output']>;
  /** The section of the study note the relation comes from. */
  source: Scalars['String']['output'];
  /** The object of the relation (`from TYPE to`). */
  to: Concept;
  /** The kind of relation. */
  type: RelationType;
};


/** A relation between two concepts, read as a sentence: `from TYPE to` ("docker-stop SENDS_SIGNAL sigterm"). */
export type RelationDescriptionArgs = {
  lang?: InputMaybe<Lang>;
};

/** A page of a concept's relations (Relay connection), sorted by type, then order, then the other concept's slug. */
export type RelationConnection = {
  __typename?: 'RelationConnection';
  /** The relations on this page. */
  edges: Array<RelationEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of relations matching the types and direction, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One relation of a concept, seen from that concept: the concept at the other end and how they relate. */
export type RelationEdge = {
  __typename?: 'RelationEdge';
  /** Opaque cursor of this edge; pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** Why the two concepts are related, in the chosen language; null when the note says nothing. */
  description?: Maybe<Scalars['String']['output']>;
  /** OUTGOING when this concept is the subject (`this TYPE node`), INCOMING when it is the object (`node TYPE this`). Symmetric relations always report OUTGOING. */
  direction: Direction;
  /** The concept at the other end. */
  node: Concept;
  /** Position among relations of the same type from the same concept (stages, flags); null when unordered. */
  order?: Maybe<Scalars['Int']['output']>;
  /** The relation as stored, with its `from` and `to` ends (useful for symmetric relations). */
  relation: Relation;
  /** The section of the study note the relation comes from. */
  source: Scalars['String']['output'];
  /** The kind of relation. */
  type: RelationType;
};


/** One relation of a concept, seen from that concept: the concept at the other end and how they relate. */
export type RelationEdgeDescriptionArgs = {
  lang?: InputMaybe<Lang>;
};

/** The closed vocabulary of relations. `A TYPE B` reads as a sentence: "docker-stop SENDS_SIGNAL sigterm". */
export enum RelationType {
  /** A can be used instead of B (symmetric). */
  AlternativeTo = 'ALTERNATIVE_TO',
  /** A is built from B. */
  BuiltFrom = 'BUILT_FROM',
  /** A is made of B. */
  ComposedOf = 'COMPOSED_OF',
  /** A differs from B in an instructive way (symmetric). */
  ContrastsWith = 'CONTRASTS_WITH',
  /** Topic A covers concept B. */
  Covers = 'COVERS',
  /** A creates B. */
  Creates = 'CREATES',
  /** A is defined by B. */
  DefinedBy = 'DEFINED_BY',
  /** A makes B possible. */
  Enables = 'ENABLES',
  /** A is an example of B. */
  ExampleOf = 'EXAMPLE_OF',
  /** A brings benefit B. */
  HasBenefit = 'HAS_BENEFIT',
  /** A has property B. */
  HasCharacteristic = 'HAS_CHARACTERISTIC',
  /** Stage A is carried out with command B. */
  HasCommand = 'HAS_COMMAND',
  /** Command A accepts flag B. */
  HasFlag = 'HAS_FLAG',
  /** Lifecycle A has stage B. */
  HasStage = 'HAS_STAGE',
  /** A is a kind of B. */
  IsA = 'IS_A',
  /** Stage B comes after stage A. */
  NextStage = 'NEXT_STAGE',
  /** A and B work well together (symmetric). */
  PairsWellWith = 'PAIRS_WELL_WITH',
  /** A is a part of B. */
  PartOf = 'PART_OF',
  /** To learn A, learn B first. */
  Requires = 'REQUIRES',
  /** A runs on top of B. */
  RunsOn = 'RUNS_ON',
  /** Command A sends signal B. */
  SendsSignal = 'SENDS_SIGNAL',
  /** A shares B with others (containers share the host kernel). */
  Shares = 'SHARES',
  /** A writes changes into B. */
  Updates = 'UPDATES',
  /** A uses B. */
  Uses = 'USES'
}

/** How many relations of one type the graph holds. */
export type RelationTypeCount = {
  __typename?: 'RelationTypeCount';
  count: Scalars['Int']['output'];
  type: RelationType;
};

/** A concept that matches a search, with how well it matches. */
export type SearchHit = {
  __typename?: 'SearchHit';
  /** The matching concept. */
  concept: Concept;
  /** Relevance; hits come in descending order of it. 3, 2 or 1 is added for an exact match of the name in the chosen language, the name in the other language, or an alias; the rest (up to 1) is the full-text score relative to the best hit. */
  score: Scalars['Float']['output'];
};

/** Which version of the seed content the graph holds. */
export type SeedInfo = {
  __typename?: 'SeedInfo';
  /** SHA-256 of the seed files the graph was built from. */
  hash: Scalars['String']['output'];
  /** When the seeder last wrote the graph (ISO 8601). */
  seededAt: Scalars['String']['output'];
  /** Version of the seed format. */
  version: Scalars['String']['output'];
};

/** A relation every compared concept has, to the same concept: what they have in common. */
export type SharedRelation = {
  __typename?: 'SharedRelation';
  /** The concept they all relate to, e.g. `container` for two kinds of container. */
  concept: Concept;
  /** OUTGOING when each compared concept is the subject (`compared TYPE concept`), INCOMING when it is the object. */
  direction: Direction;
  /** The kind of relation. */
  type: RelationType;
};

/** The part of the graph around one concept, ready for a graph drawing library: every node once and every relation between two of its nodes once (in its stored direction). */
export type Subgraph = {
  __typename?: 'Subgraph';
  /** The concept the neighborhood was asked for (also the first of `nodes`). */
  center: Concept;
  /** Hops from the center of each node, in the order of `nodes` (0 for the center); useful for a concentric layout. */
  distances: Array<Scalars['Int']['output']>;
  /** Every relation between two nodes of the subgraph once (by type, then from, then to); both ends are in `nodes`. */
  edges: Array<Relation>;
  /** Every concept of the subgraph once: the center first, then nearest first (by hops, then slug). */
  nodes: Array<Concept>;
  /** True when more concepts lay within the depth than `limit` allowed, so the farthest were left out. */
  truncated: Scalars['Boolean']['output'];
};

/** A guided walk from what a learner knows to a target concept, along prerequisites and relations. */
export type Tour = {
  __typename?: 'Tour';
  /** The concept the learner starts from; null when the tour starts at the basics. */
  from?: Maybe<Concept>;
  /** How many concepts were left out because the learner knows them already: `from` and everything it requires. */
  skipped: Scalars['Int']['output'];
  /** The steps in order, each concept once, ending at `to`. */
  steps: Array<TourStep>;
  /** The concept the tour leads to: always its last step. */
  to: Concept;
};

/** One step of a guided tour: the concept to learn now, why it comes now, and a question to check it. */
export type TourStep = {
  __typename?: 'TourStep';
  /** A short question about the concept (grade it with `checkAnswer`); null when the graph has no fact about it to ask. */
  check?: Maybe<QuizQuestion>;
  /** The concept to learn at this step. */
  concept: Concept;
  /** Place in the tour, from 1. */
  position: Scalars['Int']['output'];
  /** The relation `why` states; null when the step is tied to nothing else on the tour. */
  via?: Maybe<Relation>;
  /** Why this step comes now: the relation that ties it to something already on the tour (or, for a first step, to what needs it) as a sentence. */
  why: Scalars['String']['output'];
};


/** One step of a guided tour: the concept to learn now, why it comes now, and a question to check it. */
export type TourStepWhyArgs = {
  lang?: InputMaybe<Lang>;
};

export type ConceptsPageQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ConceptsPageQuery = { __typename?: 'Query', concepts: { __typename?: 'ConceptConnection', totalCount: number, edges: Array<{ __typename?: 'ConceptEdge', cursor: string, node: { __typename?: 'Concept', id: string, slug: string, kind: ConceptKind, source: string, tags: Array<string> } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type HubRelationsQueryVariables = Exact<{
  slug: Scalars['String']['input'];
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type HubRelationsQuery = { __typename?: 'Query', concept?: { __typename?: 'Concept', id: string, slug: string, related: { __typename?: 'RelationConnection', totalCount: number, edges: Array<{ __typename?: 'RelationEdge', cursor: string, type: RelationType, direction: Direction, source: string, node: { __typename?: 'Concept', id: string, slug: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } } | null };
