import 'reflect-metadata';

import { planSearch } from './search.args';

describe('planSearch', () => {
  it('reads a text into its parts: Lucene queries as typed and with misspellings, and needles', () => {
    const { plan, request } = planSearch('hypervisor', { kinds: null, preferKo: false, limit: 10 });
    expect(plan.intent).toBe('WORDS');
    expect(request).toEqual({
      parts: [
        {
          lucene: '(hypervisor^2 OR hypervisor*)',
          fuzzy: '(hypervisor^2 OR hypervisor* OR nameEn:hypervisor~2^2 OR aliasesEn:hypervisor~2)',
          needles: ['hypervisor'],
        },
      ],
      kinds: null,
      preferKo: false,
      limit: 10,
    });
  });

  it('answers a text searched again with the options of this call, not those of the first', () => {
    const first = planSearch('docker stop vs docker kill', { kinds: null, preferKo: false, limit: 1 });
    const again = planSearch('docker stop vs docker kill', { kinds: ['COMMAND'], preferKo: true, limit: 30 });
    expect(again.request).toMatchObject({ kinds: ['COMMAND'], preferKo: true, limit: 30 });
    expect(first.request).toMatchObject({ kinds: null, preferKo: false, limit: 1 });
    expect(again.plan.intent).toBe('COMPARISON');
    expect(again.request!.parts.map((part) => part.needles)).toEqual([
      ['dockerstopvsdockerkill', 'dockerstopdockerkill'],
      ['dockerstop'],
      ['dockerkill'],
    ]);
  });

  it('reads a text of punctuation only as nothing to search for, also when asked again', () => {
    expect(planSearch('?', { kinds: null, preferKo: false, limit: 5 }).request).toBeNull();
    expect(planSearch('?', { kinds: null, preferKo: true, limit: 5 }).request).toBeNull();
  });

  it('keeps reading texts correctly after more texts than it keeps', () => {
    for (let i = 0; i < 1100; i += 1) planSearch(`word${i}`, { kinds: null, preferKo: false, limit: 1 });
    expect(planSearch('word3', { kinds: null, preferKo: false, limit: 1 }).request!.parts[0].needles).toEqual([
      'word3',
    ]);
    expect(planSearch('word1099', { kinds: null, preferKo: false, limit: 1 }).request!.parts[0].needles).toEqual([
      'word1099',
    ]);
  });
});
