import { Field, Int, ObjectType } from 'type-graphql';

import { Concept } from '../concept/concept.type';
import type { ConceptRecord, RelationRecord } from '../graph/graph.model';
import { Direction, Lang, SYMMETRIC_RELATIONS } from '../graph/vocabulary';
import { LangArg } from '../i18n/lang.arg';
import { phraseOf, relationSentence } from '../i18n/sentences';
import { Relation } from '../relation/relation.type';
import type { PathRecord } from './path.repository';

@ObjectType({
  description: 'One step of a path: from one concept to the next over a relation, which may point either way.',
})
export class PathHop {
  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(
    readonly fromRecord?: ConceptRecord,
    readonly toRecord?: ConceptRecord,
    readonly relationRecord?: RelationRecord,
  ) {}

  @Field(() => Concept, { description: 'The concept the step leaves (the earlier one along the path).' })
  get from(): Concept {
    return new Concept(this.fromRecord);
  }

  @Field(() => Concept, { description: 'The concept the step reaches (the later one along the path).' })
  get to(): Concept {
    return new Concept(this.toRecord);
  }

  @Field(() => Relation, { description: 'The relation walked, with its true `from` and `to`.' })
  get relation(): Relation {
    const [from, to] = this.withArrow ? [this.fromRecord, this.toRecord] : [this.toRecord, this.fromRecord];
    return new Relation(this.relationRecord, { from, to });
  }

  @Field(() => Direction, {
    description:
      "OUTGOING when the step follows the relation's arrow (`from TYPE to`), INCOMING when it walks against it. Symmetric relations always report OUTGOING.",
  })
  get direction(): Direction {
    return this.withArrow || SYMMETRIC_RELATIONS.has(this.relationRecord!.type)
      ? Direction.OUTGOING
      : Direction.INCOMING;
  }

  @Field(() => String, {
    description:
      'The fact of this step as one sentence, always in the relation\'s true direction: walking from SIGKILL to docker stop still reads "docker stop sends SIGKILL."',
  })
  sentence(@LangArg() lang: Lang): string {
    const relation = this.relationRecord!;
    // A symmetric relation is true both ways, so it reads best in the order the path walks it.
    const walkingOrder = this.withArrow || SYMMETRIC_RELATIONS.has(relation.type);
    const [subject, object] = walkingOrder ? [this.fromRecord!, this.toRecord!] : [this.toRecord!, this.fromRecord!];
    return relationSentence(relation.type, phraseOf(subject, lang), phraseOf(object, lang), lang);
  }

  /** True when the step walks from the relation's stored subject to its stored object. */
  private get withArrow(): boolean {
    return this.relationRecord!.from === this.fromRecord!.slug;
  }
}

@ObjectType({
  description: 'A chain of concepts from one concept to another, each step over one relation (walked either way).',
})
export class Path {
  record!: PathRecord;

  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(record?: PathRecord) {
    if (record) this.record = record;
  }

  @Field(() => [Concept], {
    description: 'The concepts along the path, from the start to the end (one more than `length`).',
  })
  get nodes(): Concept[] {
    return this.record.nodes.map((node) => new Concept(node));
  }

  @Field(() => [Relation], {
    description:
      'The relation of each step, in walking order, each with its true `from` and `to` (compare with `nodes` to see which way it was walked).',
  })
  get relations(): Relation[] {
    return this.hops.map((hop) => hop.relation);
  }

  @Field(() => [PathHop], {
    description: 'The steps of the path with the concepts on both sides and the way each relation was walked.',
  })
  get hops(): PathHop[] {
    // Hops are only selected on paths read whole (pathsNeedWhole), so their nodes are whole records.
    const nodes = this.record.nodes as ConceptRecord[];
    return this.record.relations.map((relation, index) => new PathHop(nodes[index], nodes[index + 1], relation));
  }

  @Field(() => Int, { description: 'Number of steps (relations).' })
  get length(): number {
    return this.record.relations.length;
  }

  @Field(() => [String], {
    description:
      'One sentence per step, in order, in Korean or English, e.g. "docker stop sends SIGKILL." / "docker stop 명령은 SIGKILL 시그널을 보낸다." Each states the fact in the relation\'s true direction.',
  })
  explanation(@LangArg() lang: Lang): string[] {
    return this.hops.map((hop) => hop.sentence(lang));
  }
}
