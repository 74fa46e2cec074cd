import { conceptRecord } from '../../test/support/records';
import type { ConceptRecord } from '../graph/graph.model';
import { ConceptKind, Lang } from '../graph/vocabulary';
import { Concept } from './concept.type';

/** A context whose read-ahead answers `whole` with `record` and counts how often it was asked. */
function contextWith(record: ConceptRecord) {
  const asked: string[] = [];
  return {
    asked,
    context: {
      loaders: {
        readAhead: {
          whole: async (concept: { slug: string }) => {
            asked.push(concept.slug);
            return record;
          },
        },
      },
    },
  };
}

const stop = conceptRecord('docker-stop', { kind: ConceptKind.COMMAND, nameKo: '도커 스톱', nameEn: 'docker stop' });

describe('Concept built from a part of its record', () => {
  it('answers the name and kind the part holds without reading the record', async () => {
    const { asked, context } = contextWith(stop);
    const concept = new Concept({ slug: 'docker-stop', kind: ConceptKind.COMMAND, nameEn: 'docker stop' });
    expect(concept.name(Lang.EN, context)).toBe('docker stop');
    expect(concept.kind(context)).toBe(ConceptKind.COMMAND);
    expect(asked).toEqual([]);
  });

  it('reads the whole record for a name or kind the part left out, instead of answering null', async () => {
    const { asked, context } = contextWith(stop);
    const concept = new Concept({ slug: 'docker-stop', nameEn: 'docker stop' });
    expect(await concept.name(Lang.KO, context)).toBe('도커 스톱');
    expect(await concept.kind(context)).toBe(ConceptKind.COMMAND);
    expect(asked).toEqual(['docker-stop']);
  });

  it('falls back to the other language from the whole record when the lone name read was missing', async () => {
    const { asked, context } = contextWith(conceptRecord('sigterm', { nameKo: 'SIGTERM 시그널', nameEn: '' }));
    expect(await new Concept({ slug: 'sigterm' }).name(Lang.EN, context)).toBe('SIGTERM 시그널');
    expect(asked).toEqual(['sigterm']);
  });

  it('falls back between the two names of a ConceptRef without reading the record', () => {
    const { asked, context } = contextWith(stop);
    const ref = { slug: 'sigterm', kind: ConceptKind.SIGNAL, nameKo: 'SIGTERM 시그널', nameEn: '' };
    expect(new Concept(ref).name(Lang.EN, context)).toBe('SIGTERM 시그널');
    expect(asked).toEqual([]);
  });
});
