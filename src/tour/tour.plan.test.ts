import { conceptRecord, relationRecord } from '../../test/support/records';
import { RelationType } from '../graph/vocabulary';
import { planTour } from './tour.plan';

const concept = (slug: string) => conceptRecord(slug);
const rel = (from: string, type: RelationType, to: string) => relationRecord(type, from, to);

// process <- signal <- sigkill <- kill, and kill also requires stop; sigkill IS_A signal.
const [process, signal, sigkill, stop, kill] = ['process', 'signal', 'sigkill', 'stop', 'kill'].map(concept);
const relations = [
  rel('signal', RelationType.LEARN_AFTER, 'process'),
  rel('sigkill', RelationType.LEARN_AFTER, 'signal'),
  rel('sigkill', RelationType.IS_A, 'signal'),
  rel('stop', RelationType.LEARN_AFTER, 'signal'),
  rel('kill', RelationType.LEARN_AFTER, 'sigkill'),
  rel('kill', RelationType.LEARN_AFTER, 'stop'),
  rel('kill', RelationType.SENDS_SIGNAL, 'sigkill'),
  rel('stop', RelationType.CONTRASTS_WITH, 'kill'),
];
const order = [process, signal, sigkill, stop, kill];
const line = (steps: ReturnType<typeof planTour>) =>
  steps.map((s) => `${s.position} ${s.concept.slug} ${s.via ? `${s.via.from} ${s.via.type} ${s.via.to}` : '-'}`);

describe('planTour', () => {
  it('from the basics: the whole order, a fact preferred over a bare prerequisite, the newest tie first', () => {
    expect(line(planTour({ target: kill, order, known: [], from: null, relations }))).toEqual([
      '1 process signal LEARN_AFTER process',
      '2 signal signal LEARN_AFTER process',
      '3 sigkill sigkill IS_A signal',
      '4 stop stop LEARN_AFTER signal',
      '5 kill stop CONTRASTS_WITH kill',
    ]);
  });

  it('from a known concept: leaves out it and what it requires, and ties steps to what is known or newest', () => {
    const steps = planTour({ target: kill, order, known: [process, signal, stop], from: stop, relations });
    expect(line(steps)).toEqual(['1 sigkill sigkill IS_A signal', '2 kill kill SENDS_SIGNAL sigkill']);
  });

  it('is the target alone when the learner knows it already, and says so without a relation when nothing ties it', () => {
    expect(
      line(
        planTour({
          target: signal,
          order: [process, signal],
          known: [process, signal, sigkill],
          from: sigkill,
          relations,
        }),
      ),
    ).toEqual(['1 signal sigkill IS_A signal']);
    expect(line(planTour({ target: process, order: [process], known: [], from: null, relations: [] }))).toEqual([
      '1 process -',
    ]);
  });
});
