import { ArgsType, Field, Int } from 'type-graphql';

/** Used when the argument is not given (or given as null). */
export const DEFAULT_MAX_LENGTH = 4;
export const DEFAULT_FIRST = 3;

@ArgsType()
export class PathsArgs {
  @Field(() => String, { description: 'The slug of the concept the paths start at, e.g. `docker-stop`.' })
  from!: string;

  @Field(() => String, {
    description: 'The slug of the concept the paths end at, e.g. `sigkill`. Must differ from `from`.',
  })
  to!: string;

  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_MAX_LENGTH,
    description: 'Most hops a path may have: 1 up to the configured maximum (6 unless changed).',
  })
  maxLength?: number | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_FIRST,
    description: 'How many paths, shortest first: 1 up to the configured maximum (10 unless changed).',
  })
  first?: number | null;
}
