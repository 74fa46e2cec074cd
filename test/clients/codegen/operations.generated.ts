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

/** Which way a relation points, seen from the concept being asked about. Symmetric relations (ALTERNATIVE_TO, CONTRASTS_WITH, PAIRS_WELL_WITH) read the same both ways, so they count as OUTGOING from both ends. */
export enum Direction {
  /** Either way (filters only; an edge always reports OUTGOING or INCOMING). */
  Both = 'BOTH',
  /** This concept is the object: `other TYPE this`. */
  Incoming = 'INCOMING',
  /** This concept is the subject: `this TYPE other`. */
  Outgoing = 'OUTGOING'
}

/** A language of the content. Without a `lang` argument the Accept-Language header decides, then English. */
export enum Lang {
  /** English */
  En = 'EN',
  /** Korean (한국어) */
  Ko = 'KO'
}

/** The FSRS scheduler's state of a reviewed concept. */
export enum MemoryPhase {
  /** In the first learning steps. */
  Learning = 'LEARNING',
  /** Forgotten after it was learned, and in the relearning step. */
  Relearning = 'RELEARNING',
  /** Graduated: reviewed at growing intervals. */
  Review = 'REVIEW'
}

/** Sort direction. Ties are broken by slug in the same direction, so every order is total. */
export enum OrderDirection {
  /** Smallest first (A to Z, 0 up). */
  Asc = 'ASC',
  /** Largest first (Z to A, high to low). */
  Desc = 'DESC'
}

/** Where a learner stands with a concept. */
export enum ProgressState {
  /** In the short learning steps (1 and 10 minutes), or relearning after it was forgotten. Not known yet. */
  Learning = 'LEARNING',
  /** Learned, with a stability of 21 days or more (a 90 % chance of recall three weeks after the last review). Counts as known. */
  Mastered = 'MASTERED',
  /** Never reviewed. */
  New = 'NEW',
  /** Learned and kept by spaced reviews. Counts as known. */
  Review = 'REVIEW'
}

/** Which end of the relation `subject TYPE object` the learner has to find. */
export enum QuizAsks {
  /** The subject is given (`concept`); the answer is an object: "Which signal does docker kill send?". Symmetric relations are always asked this way. */
  Object = 'OBJECT',
  /** The object is given (`concept`); the answer is a subject: "Which of these sends SIGKILL?". */
  Subject = 'SUBJECT'
}

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
  /** A technical dependency: A does not work without B. */
  DependsOn = 'DEPENDS_ON',
  /** A makes B possible. */
  Enables = 'ENABLES',
  /** A is an example of B. */
  ExampleOf = 'EXAMPLE_OF',
  /** A brings benefit B. */
  HasBenefit = 'HAS_BENEFIT',
  /** A has property B. */
  HasCharacteristic = 'HAS_CHARACTERISTIC',
  /** Command B is one of the commands used in stage A. */
  HasCommand = 'HAS_COMMAND',
  /** Command A accepts flag B. */
  HasFlag = 'HAS_FLAG',
  /** Lifecycle A has stage B. */
  HasStage = 'HAS_STAGE',
  /** A is a kind of B. */
  IsA = 'IS_A',
  /** The learning order, not a dependency: A is best learned after B. */
  LearnAfter = 'LEARN_AFTER',
  /** A shows up in the list that command or flag B prints. */
  ListedBy = 'LISTED_BY',
  /** Stage B comes after stage A. */
  NextStage = 'NEXT_STAGE',
  /** A and B name overlapping ideas (symmetric). */
  OverlapsWith = 'OVERLAPS_WITH',
  /** A and B work well together (symmetric). */
  PairsWellWith = 'PAIRS_WELL_WITH',
  /** A is a part of B. */
  PartOf = 'PART_OF',
  /** A runs on top of B. */
  RunsOn = 'RUNS_ON',
  /** Command A sends signal B. */
  SendsSignal = 'SENDS_SIGNAL',
  /** A shares B with others (containers share the host kernel). */
  Shares = 'SHARES',
  /** A is kept in B. */
  StoredIn = 'STORED_IN',
  /** A helps with B, without making it possible on its own. */
  Supports = 'SUPPORTS',
  /** Command or flag A acts on B. */
  Targets = 'TARGETS',
  /** A changes B (a command changes the container state). */
  Updates = 'UPDATES',
  /** A uses B. */
  Uses = 'USES'
}

/** A learner rates how well they recalled a concept. */
export type ReviewConceptInput = {
  /** The slug of the reviewed concept, e.g. `docker-kill`. */
  concept: Scalars['String']['input'];
  /** A key you make per review (1 to 128 printable characters, e.g. a UUID) and send again unchanged when you retry: a retried review with the same key is recorded once and answers as the first did. */
  idempotencyKey: Scalars['String']['input'];
  /** Your own id of the learner (1 to 128 printable characters). A learner token reaches only its own learner. */
  learnerId: Scalars['String']['input'];
  /** How well the learner recalled it. */
  rating: ReviewRating;
};

/** How well the learner recalled a concept, as in FSRS and Anki. A graded quiz answer counts as GOOD when right and AGAIN when wrong. */
export enum ReviewRating {
  /** Forgot it: the concept goes (back) into the short learning steps. */
  Again = 'AGAIN',
  /** Recalled it at once: a new concept skips the learning steps. */
  Easy = 'EASY',
  /** Recalled it after some thought. */
  Good = 'GOOD',
  /** Recalled it with serious difficulty. */
  Hard = 'HARD'
}

/** What a search text asks for, as read from its wording in Korean or English. */
export enum SearchIntent {
  /** Two things side by side ("X vs Y", "X와 Y 차이", "difference between X and Y"): the concepts of both sides come first, and `comparison` names the stored comparison of them if there is one. */
  Comparison = 'COMPARISON',
  /** What something is ("what is a unikernel", "도커란?"): the question words are not searched. */
  Definition = 'DEFINITION',
  /** Plain words ("docker stop", "컨테이너를 중지하려면"). */
  Words = 'WORDS'
}

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


export type HubRelationsQuery = { __typename?: 'Query', concept?: { __typename?: 'Concept', id: string, slug: string, related: { __typename?: 'RelatedConnection', totalCount: number, edges: Array<{ __typename?: 'RelatedEdge', cursor: string, node: { __typename?: 'Concept', id: string, slug: string }, relations: Array<{ __typename?: 'ConceptRelation', type: RelationType, direction: Direction, source: string }> }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } } | null };
