import { Field, Int, ObjectType } from 'type-graphql';

import { Concept } from '../concept/concept.type';
import type { StageRecord } from './lifecycle.repository';

@ObjectType({
  description:
    'A stage of the Docker container lifecycle (build, run, stop/kill, commit) with the commands that carry it out.',
})
export class LifecycleStage {
  record!: StageRecord;
  /** 1-based position in the lifecycle. */
  position!: number;
  /** The following stage object of the same answer, linked after all stages are built. */
  following: LifecycleStage | null = null;

  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(record?: StageRecord, position?: number) {
    if (record) this.record = record;
    if (position !== undefined) this.position = position;
  }

  @Field(() => Int, { description: 'Position of the stage in the lifecycle, 1 for the first.' })
  get order(): number {
    return this.position;
  }

  @Field(() => Concept, { description: 'The stage as a concept (name, summary, related concepts, ...).' })
  get concept(): Concept {
    return new Concept(this.record.stage);
  }

  @Field(() => [Concept], {
    description:
      'The commands of the stage, in the order the note gives them; ask a command for `related(types: [SENDS_SIGNAL])` or `flags` for more.',
  })
  get commands(): Concept[] {
    return this.record.commands.map((command) => new Concept(command));
  }

  @Field(() => [Concept], {
    description:
      "The signals the stage's commands send, each once, in command order (e.g. SIGTERM, then SIGKILL for stop/kill).",
  })
  get signals(): Concept[] {
    return this.record.signals.map((signal) => new Concept(signal));
  }

  @Field(() => LifecycleStage, {
    nullable: true,
    description: 'The stage that comes next (its NEXT_STAGE); null for the last stage.',
  })
  get next(): LifecycleStage | null {
    return this.following;
  }
}
