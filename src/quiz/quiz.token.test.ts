import { RelationType } from '../graph/vocabulary';
import { type QuestionClaim, readQuestion, signQuestion } from './quiz.token';

const SECRET = 'a-secret-of-sixteen-plus';
const claim: QuestionClaim = {
  type: RelationType.SENDS_SIGNAL,
  asks: 'OBJECT',
  given: 'docker-kill',
  options: ['sigterm', 'sigkill', 'sigstop'],
};

describe('question ids', () => {
  it('round-trip, and the same question always gets the same id', () => {
    const id = signQuestion(claim, SECRET);
    expect(readQuestion(id, SECRET)).toEqual(claim);
    expect(signQuestion(claim, SECRET)).toBe(id);
  });

  it('do not carry the answer', () => {
    const decoded = Buffer.from(signQuestion(claim, SECRET).split('.')[0], 'base64url').toString('utf8');
    expect(JSON.parse(decoded)).toEqual({
      v: 1,
      t: 'SENDS_SIGNAL',
      a: 'OBJECT',
      g: 'docker-kill',
      o: ['sigterm', 'sigkill', 'sigstop'],
    });
  });

  it('are rejected when changed, cut, re-signed with another secret or made up', () => {
    const id = signQuestion(claim, SECRET);
    const [body, mac] = id.split('.');
    const forged = Buffer.from(
      JSON.stringify({ v: 1, t: 'SENDS_SIGNAL', a: 'OBJECT', g: 'docker-stop', o: ['sigterm', 'sigkill', 'sigstop'] }),
    ).toString('base64url');
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    for (const bad of [
      `${forged}.${mac}`,
      `${flip(body, 5)}.${mac}`,
      `${body}.${flip(mac, 3)}`,
      `${body}.${mac.slice(0, -2)}`,
      body,
      `${body}.${mac}.x`,
      signQuestion(claim, 'another-secret-sixteen'),
      '',
      'not an id',
    ]) {
      expect(readQuestion(bad, SECRET)).toBeNull();
    }
  });

  it('are rejected when a signed payload does not describe a question (format guard)', () => {
    expect(readQuestion(signQuestion({ ...claim, type: RelationType.LEARN_AFTER }, SECRET), SECRET)).toBeNull();
    expect(
      readQuestion(signQuestion({ ...claim, type: RelationType.CONTRASTS_WITH, asks: 'SUBJECT' }, SECRET), SECRET),
    ).toBeNull();
    expect(readQuestion(signQuestion({ ...claim, options: ['sigterm', 'sigkill'] }, SECRET), SECRET)).toBeNull();
    expect(
      readQuestion(signQuestion({ ...claim, options: ['sigterm', 'sigterm', 'sigkill'] }, SECRET), SECRET),
    ).toBeNull();
  });
});
