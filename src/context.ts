import { LearnerDataRepository } from './access/access.repository';
import type { Caller } from './access/access.types';
import type { Config } from './config';
import type { Lang } from './graph/vocabulary';
import type { Logger } from './logger';
import type { Neo4jGateway, QueryStats, QueryTrace } from './neo4j/gateway';
import { CompareRepository } from './compare/compare.repository';
import { type ConceptLoaders, createConceptLoaders } from './concept/concept.loader';
import { ConceptRepository } from './concept/concept.repository';
import { DifferenceRepository } from './difference/difference.repository';
import { DifferenceService } from './difference/difference.service';
import { FactRepository } from './facts/fact.repository';
import { LearnerRepository } from './learner/learner.repository';
import { LearningRepository } from './learning/learning.repository';
import { LifecycleRepository } from './lifecycle/lifecycle.repository';
import { NeighborhoodRepository } from './neighborhood/neighborhood.repository';
import { PathRepository } from './path/path.repository';
import { QuizRepository } from './quiz/quiz.repository';
import { QuizService } from './quiz/quiz.service';
import { createReadAhead, type ReadAhead } from './readahead/readahead.loader';
import { WalkRepository } from './readahead/walk.repository';
import { SearchRepository } from './search/search.repository';
import { StatsRepository } from './stats/stats.repository';
import { TourRepository } from './tour/tour.repository';
import { TourService } from './tour/tour.service';

/** Everything a resolver may use, made fresh for every request (repositories and DataLoaders are per request). */
export interface AtlasContext {
  requestId: string;
  /** Who sends the request, from its `Authorization` header: public without one. */
  caller: Caller;
  /** The language of the Accept-Language header; a field's own `lang` argument wins over it. */
  lang: Lang;
  /** Round trips and database time of this request. */
  queryStats: QueryStats;
  /** Who sends this request's Cypher (request id, operation name): Neo4j sees it as transaction metadata. */
  trace: QueryTrace;
  logger: Logger;
  config: Config;
  repos: Repositories;
  loaders: Loaders;
  services: Services;
  /** Set by a resolver whose answer differs on every call (a quiz without a seed), so no cache keeps it. */
  perCallAnswer: boolean;
  /** The media type the response is sent as, negotiated from Accept. */
  responseMediaType: string;
}

export interface Repositories {
  /** Erasure and export of learner data (frontend-scoped; the access guard decides who reaches what). */
  learnerData: LearnerDataRepository;
  stats: StatsRepository;
  concepts: ConceptRepository;
  walks: WalkRepository;
  search: SearchRepository;
  neighborhood: NeighborhoodRepository;
  paths: PathRepository;
  lifecycle: LifecycleRepository;
  compare: CompareRepository;
  learning: LearningRepository;
  facts: FactRepository;
  learner: LearnerRepository;
  quiz: QuizRepository;
  tour: TourRepository;
  difference: DifferenceRepository;
}

/** Per-request DataLoaders: they batch the reads of one request and must never outlive it. */
export interface Loaders {
  concepts: ConceptLoaders;
  /** Concept records and their relations, read ahead from the selection or batched. */
  readAhead: ReadAhead;
}

/** Builds the per-request repositories over a gateway view that counts this request's round trips and names
 * the request in every transaction. */
export function createRepositories(gateway: Neo4jGateway, _config: Config): Repositories {
  return {
    learnerData: new LearnerDataRepository(gateway),
    stats: new StatsRepository(gateway),
    concepts: new ConceptRepository(gateway),
    walks: new WalkRepository(gateway),
    search: new SearchRepository(gateway),
    neighborhood: new NeighborhoodRepository(gateway),
    paths: new PathRepository(gateway),
    lifecycle: new LifecycleRepository(gateway),
    compare: new CompareRepository(gateway),
    learning: new LearningRepository(gateway),
    facts: new FactRepository(gateway),
    learner: new LearnerRepository(gateway),
    quiz: new QuizRepository(gateway),
    tour: new TourRepository(gateway),
    difference: new DifferenceRepository(gateway),
  };
}

/** Builds the per-request DataLoaders over this request's repositories. */
export function createLoaders(repos: Repositories): Loaders {
  return {
    concepts: createConceptLoaders(repos.concepts),
    readAhead: createReadAhead(repos.concepts, repos.walks),
  };
}

/** The services that combine several repositories for one answer; resolvers only call them. */
export interface Services {
  quiz: QuizService;
  tour: TourService;
  difference: DifferenceService;
}

/** Builds the per-request services over this request's repositories; the quiz secret comes from the config. */
export function createServices(repos: Repositories, config: Config): Services {
  const quiz = new QuizService(repos.facts, repos.quiz, config.learning.quizSecret);
  return {
    quiz,
    tour: new TourService(repos.learning, repos.tour, quiz),
    difference: new DifferenceService(repos.compare, repos.facts, repos.difference),
  };
}
