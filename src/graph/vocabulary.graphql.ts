import { registerEnumType } from 'type-graphql';

import { ConceptKind, Direction, Lang, RelationType } from './vocabulary';

registerEnumType(Lang, {
  name: 'Lang',
  description: 'A language of the content. Without a `lang` argument the Accept-Language header decides, then English.',
  valuesConfig: {
    KO: { description: 'Korean (한국어)' },
    EN: { description: 'English' },
  },
});

registerEnumType(ConceptKind, {
  name: 'ConceptKind',
  description: 'What sort of thing a concept is.',
  valuesConfig: {
    TOPIC: { description: 'A section of the study note that groups other concepts.' },
    TECHNOLOGY: { description: 'A family of technology: container, virtual machine, unikernel.' },
    CONCEPT: { description: 'A general idea: process, kernel, isolation.' },
    COMPONENT: { description: 'A building block: image, layer, Dockerfile.' },
    PRODUCT: { description: 'A named product or project: Docker, LXC, rkt.' },
    LIFECYCLE_STAGE: { description: 'A stage of the container lifecycle: build, run, stop/kill, commit.' },
    COMMAND: { description: 'A command-line command such as `docker build`.' },
    FLAG: { description: 'A command-line flag such as `-t`.' },
    SIGNAL: { description: 'A POSIX signal such as SIGTERM.' },
    MECHANISM: { description: 'A kernel or runtime mechanism a command relies on, such as the cgroups freezer.' },
    BENEFIT: { description: 'A benefit, such as portability or fast boot.' },
    CHARACTERISTIC: { description: 'A property, such as being lightweight.' },
    PRINCIPLE: { description: 'A principle, such as write once, run anywhere.' },
    PRACTICE: { description: 'A way of working, such as DevOps.' },
    ARCHITECTURE: { description: 'A system architecture, such as microservices.' },
  },
});

registerEnumType(RelationType, {
  name: 'RelationType',
  description:
    'The closed vocabulary of relations. `A TYPE B` reads as a sentence: "docker-stop SENDS_SIGNAL sigterm".',
  valuesConfig: {
    IS_A: { description: 'A is a kind of B.' },
    PART_OF: { description: 'A is a part of B.' },
    EXAMPLE_OF: { description: 'A is an example of B.' },
    ALTERNATIVE_TO: { description: 'A can be used instead of B (symmetric).' },
    CONTRASTS_WITH: { description: 'A differs from B in an instructive way (symmetric).' },
    RUNS_ON: { description: 'A runs on top of B.' },
    SHARES: { description: 'A shares B with others (containers share the host kernel).' },
    BUILT_FROM: { description: 'A is built from B.' },
    DEFINED_BY: { description: 'A is defined by B.' },
    CREATES: { description: 'A creates B.' },
    COMPOSED_OF: { description: 'A is made of B.' },
    USES: { description: 'A uses B.' },
    ENABLES: { description: 'A makes B possible.' },
    UPDATES: { description: 'A changes B (a command changes the container state).' },
    SUPPORTS: { description: 'A helps with B, without making it possible on its own.' },
    TARGETS: { description: 'Command or flag A acts on B.' },
    LISTED_BY: { description: 'A shows up in the list that command or flag B prints.' },
    STORED_IN: { description: 'A is kept in B.' },
    HAS_BENEFIT: { description: 'A brings benefit B.' },
    HAS_CHARACTERISTIC: { description: 'A has property B.' },
    HAS_STAGE: { description: 'Lifecycle A has stage B.' },
    NEXT_STAGE: { description: 'Stage B comes after stage A.' },
    HAS_COMMAND: { description: 'Command B is one of the commands used in stage A.' },
    HAS_FLAG: { description: 'Command A accepts flag B.' },
    SENDS_SIGNAL: { description: 'Command A sends signal B.' },
    DEPENDS_ON: { description: 'A technical dependency: A does not work without B.' },
    LEARN_AFTER: { description: 'The learning order, not a dependency: A is best learned after B.' },
    PAIRS_WELL_WITH: { description: 'A and B work well together (symmetric).' },
    OVERLAPS_WITH: { description: 'A and B name overlapping ideas (symmetric).' },
    COVERS: { description: 'Topic A covers concept B.' },
  },
});

registerEnumType(Direction, {
  name: 'Direction',
  description:
    'Which way a relation points, seen from the concept being asked about. Symmetric relations (ALTERNATIVE_TO, CONTRASTS_WITH, PAIRS_WELL_WITH) read the same both ways, so they count as OUTGOING from both ends.',
  valuesConfig: {
    OUTGOING: { description: 'This concept is the subject: `this TYPE other`.' },
    INCOMING: { description: 'This concept is the object: `other TYPE this`.' },
    BOTH: { description: 'Either way (filters only; an edge always reports OUTGOING or INCOMING).' },
  },
});
