/**
 * The closed vocabularies of the knowledge graph. Seed files, the database and the GraphQL schema all use these
 * names; nothing outside these lists can become a node kind or a relationship type, so Cypher never receives a
 * type name from user text.
 */

export enum Lang {
  KO = 'KO',
  EN = 'EN',
}

export enum ConceptKind {
  /** A section of the note that groups other concepts ("Benefits of Docker"). */
  TOPIC = 'TOPIC',
  /** A family of technology: container, virtual machine, unikernel. */
  TECHNOLOGY = 'TECHNOLOGY',
  /** A general idea the learner needs: process, kernel, isolation, encapsulation. */
  CONCEPT = 'CONCEPT',
  /** A building block: image, layer, base image, Dockerfile, RUN instruction. */
  COMPONENT = 'COMPONENT',
  /** A named product or project: Docker, LXC, OpenVZ, rkt. */
  PRODUCT = 'PRODUCT',
  /** A stage of the container lifecycle: build, run, stop/kill, commit. */
  LIFECYCLE_STAGE = 'LIFECYCLE_STAGE',
  /** A CLI command such as `docker build`. */
  COMMAND = 'COMMAND',
  /** A command-line flag such as `-t`. */
  FLAG = 'FLAG',
  /** A POSIX signal such as SIGTERM. */
  SIGNAL = 'SIGNAL',
  /** A kernel or runtime mechanism a command relies on: cgroups freezer. */
  MECHANISM = 'MECHANISM',
  /** A benefit: fast deployment, portability, fast boot. */
  BENEFIT = 'BENEFIT',
  /** A property: lightweight, autonomy, isolation as a trait. */
  CHARACTERISTIC = 'CHARACTERISTIC',
  /** A principle: write once run anywhere, immutable deployment. */
  PRINCIPLE = 'PRINCIPLE',
  /** A way of working: DevOps. */
  PRACTICE = 'PRACTICE',
  /** A system architecture: microservices, distributed systems. */
  ARCHITECTURE = 'ARCHITECTURE',
}

export enum RelationType {
  IS_A = 'IS_A',
  PART_OF = 'PART_OF',
  EXAMPLE_OF = 'EXAMPLE_OF',
  ALTERNATIVE_TO = 'ALTERNATIVE_TO',
  CONTRASTS_WITH = 'CONTRASTS_WITH',
  RUNS_ON = 'RUNS_ON',
  SHARES = 'SHARES',
  BUILT_FROM = 'BUILT_FROM',
  DEFINED_BY = 'DEFINED_BY',
  CREATES = 'CREATES',
  COMPOSED_OF = 'COMPOSED_OF',
  USES = 'USES',
  ENABLES = 'ENABLES',
  UPDATES = 'UPDATES',
  /** A helps with B without making it possible on its own ("Docker supports DevOps"). */
  SUPPORTS = 'SUPPORTS',
  /** A command or flag acts on B ("docker kill targets the main process"). */
  TARGETS = 'TARGETS',
  /** A shows up in the list that command or flag B prints ("a running container is listed by docker ps"). */
  LISTED_BY = 'LISTED_BY',
  /** A is kept in B ("an image is stored in an image repository"). */
  STORED_IN = 'STORED_IN',
  HAS_BENEFIT = 'HAS_BENEFIT',
  HAS_CHARACTERISTIC = 'HAS_CHARACTERISTIC',
  HAS_STAGE = 'HAS_STAGE',
  NEXT_STAGE = 'NEXT_STAGE',
  HAS_COMMAND = 'HAS_COMMAND',
  HAS_FLAG = 'HAS_FLAG',
  SENDS_SIGNAL = 'SENDS_SIGNAL',
  /** A technical dependency: A does not work without B ("docker run depends on an image"). */
  DEPENDS_ON = 'DEPENDS_ON',
  /**
   * The learning order, not a fact about the technology: A is best learned after B. Kept apart from DEPENDS_ON so
   * that no sentence, quiz or path presents an order of study as a dependency.
   */
  LEARN_AFTER = 'LEARN_AFTER',
  PAIRS_WELL_WITH = 'PAIRS_WELL_WITH',
  /** A and B name overlapping ideas (security and improved security); symmetric. */
  OVERLAPS_WITH = 'OVERLAPS_WITH',
  COVERS = 'COVERS',
}

/** Every relation type, in the order the vocabulary declares them; code that needs all of them uses this list. */
export const RELATION_TYPES: readonly RelationType[] = Object.values(RelationType);

/**
 * Which way a relation points, seen from one concept: the `direction` filter of `related`, the direction an edge,
 * a compared aspect or a path hop reports, and the direction repositories read. BOTH is for filters only.
 */
export enum Direction {
  OUTGOING = 'OUTGOING',
  INCOMING = 'INCOMING',
  BOTH = 'BOTH',
}

/** The way one relation points from a concept: a single relation is never BOTH. */
export type Way = Direction.OUTGOING | Direction.INCOMING;

/** Relations that read the same both ways; they are stored once and never need a direction. */
export const SYMMETRIC_RELATIONS: ReadonlySet<RelationType> = new Set([
  RelationType.ALTERNATIVE_TO,
  RelationType.CONTRASTS_WITH,
  RelationType.PAIRS_WELL_WITH,
  RelationType.OVERLAPS_WITH,
]);

/** Relations that must never form a cycle (an order of stages, an order of learning). */
export const ACYCLIC_RELATIONS: ReadonlySet<RelationType> = new Set([
  RelationType.NEXT_STAGE,
  RelationType.DEPENDS_ON,
  RelationType.LEARN_AFTER,
]);

/** The learning order: what to study first. It describes the course, not the technology, so no quiz asks it. */
export const LEARNING_ORDER = RelationType.LEARN_AFTER;

/** A text in both languages. */
export interface Bilingual {
  ko: string;
  en: string;
}

/** Lists of words in both languages. */
export interface BilingualList {
  ko: string[];
  en: string[];
}
