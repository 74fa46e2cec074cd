import 'reflect-metadata';
import '../graph/vocabulary.graphql';

import type { GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';

import { AccessResolver } from '../access/access.resolver';
import { CompareResolver } from '../compare/compare.resolver';
import { ConceptResolver } from '../concept/concept.resolver';
import { DifferenceResolver } from '../difference/difference.resolver';
import { resolveLangArg } from '../i18n/lang.arg';
import { LearnerResolver } from '../learner/learner.resolver';
import { ReviewResolver } from '../learner/review.resolver';
import { LearningResolver } from '../learning/learning.resolver';
import { LifecycleResolver } from '../lifecycle/lifecycle.resolver';
import { NeighborhoodResolver } from '../neighborhood/neighborhood.resolver';
import { PathResolver } from '../path/path.resolver';
import { QuizResolver } from '../quiz/quiz.resolver';
import { RelatedResolver } from '../relation/related.resolver';
import { RelationResolver } from '../relation/relation.resolver';
import { SearchResolver } from '../search/search.resolver';
import { StatsResolver } from '../stats/stats.resolver';
import { TourResolver } from '../tour/tour.resolver';
import { readPlainFieldsDirectly } from './plain-fields';
import { resolveParamsSynchronously } from './sync-params';

/** Every resolver of the API. A new capability adds its resolver here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const RESOLVERS: NonEmptyArray<Function> = [
  StatsResolver,
  ConceptResolver,
  RelatedResolver,
  RelationResolver,
  SearchResolver,
  NeighborhoodResolver,
  PathResolver,
  LifecycleResolver,
  CompareResolver,
  LearningResolver,
  QuizResolver,
  TourResolver,
  DifferenceResolver,
  LearnerResolver,
  ReviewResolver,
  AccessResolver,
];

/** Builds the executable schema from the decorated classes. */
export async function buildAtlasSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({ resolvers: RESOLVERS, validate: false });
  resolveParamsSynchronously(schema, new Set([resolveLangArg]));
  readPlainFieldsDirectly(schema);
  return schema;
}
