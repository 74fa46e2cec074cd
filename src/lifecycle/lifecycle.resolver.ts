import { Ctx, Query, Resolver } from 'type-graphql';

import type { AtlasContext } from '../context';
import { LifecycleStage } from './lifecycle.type';

@Resolver(() => LifecycleStage)
export class LifecycleResolver {
  @Query(() => [LifecycleStage], {
    description:
      'The stages of the Docker container lifecycle in order (build, run, stop/kill, commit), each with its commands and their signals. Empty when the graph holds no lifecycle.',
  })
  async lifecycle(@Ctx() context: AtlasContext): Promise<LifecycleStage[]> {
    const records = await context.repos.lifecycle.stages();
    const stages = records.map((record, index) => new LifecycleStage(record, index + 1));
    const bySlug = new Map(stages.map((stage) => [stage.record.stage.slug, stage]));
    for (const stage of stages) stage.following = stage.record.next ? (bySlug.get(stage.record.next) ?? null) : null;
    return stages;
  }
}
