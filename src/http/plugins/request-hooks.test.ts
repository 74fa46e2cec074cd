import { setTimeout as sleep } from 'node:timers/promises';

import type { GraphQLRequestContext, GraphQLRequestListener } from '@apollo/server';
import pino from 'pino';

import type { AtlasContext } from '../../context';
import { type RequestHooks, requestHooksPlugin } from './request-hooks';
import { useRequestLog } from './request-log.plugin';

type Context = Parameters<NonNullable<GraphQLRequestListener<AtlasContext>['willSendResponse']>>[0];

/** The listener the merged plugin gives one request. */
async function listenerOf(hooks: RequestHooks[]): Promise<GraphQLRequestListener<AtlasContext>> {
  const plugin = requestHooksPlugin(hooks);
  const listener = await plugin.requestDidStart!({} as GraphQLRequestContext<AtlasContext>);
  if (!listener) throw new Error('the merged plugin gave no listener');
  return listener;
}

describe('requestHooksPlugin', () => {
  it('runs the hooks of each moment in the order given, with the time the request started', async () => {
    const seen: string[] = [];
    const starts: number[] = [];
    const before = performance.now();
    const listener = await listenerOf([
      { willSendResponse: (_c, startedMs) => void (seen.push('first'), starts.push(startedMs)) },
      { didResolveOperation: async () => void seen.push('resolved') },
      { willSendResponse: (_c, startedMs) => void (seen.push('second'), starts.push(startedMs)) },
    ]);
    await listener.didResolveOperation!({} as never);
    await listener.willSendResponse!({} as Context);
    expect(seen).toEqual(['resolved', 'first', 'second']);
    expect(starts[0]).toBe(starts[1]);
    expect(starts[0]).toBeGreaterThanOrEqual(before);
  });

  it('refuses the operation with the error a hook throws, after starting every hook of that moment', async () => {
    const seen: string[] = [];
    const listener = await listenerOf([
      {
        didResolveOperation: async () => {
          seen.push('refuses');
          throw new Error('too deep');
        },
      },
      { didResolveOperation: async () => void seen.push('runs anyway') },
    ]);
    await expect(listener.didResolveOperation!({} as never)).rejects.toThrow('too deep');
    expect(seen).toEqual(['refuses', 'runs anyway']);
  });

  it('makes no promise for the moment when no hook waits and none refuses', async () => {
    const seen: string[] = [];
    const listener = await listenerOf([
      { didResolveOperation: () => void seen.push('limits') },
      { didResolveOperation: () => void seen.push('access') },
    ]);
    expect(listener.didResolveOperation!({} as never)).toBeUndefined();
    expect(seen).toEqual(['limits', 'access']);
  });

  it('waits for a hook that returns a promise, and answers with its refusal', async () => {
    let settle: (error: Error) => void = () => undefined;
    const listener = await listenerOf([
      { didResolveOperation: () => undefined },
      { didResolveOperation: () => new Promise<void>((_resolve, reject) => (settle = reject)) },
    ]);
    const outcome = listener.didResolveOperation!({} as never);
    expect(outcome).toBeInstanceOf(Promise);
    settle(new Error('rate limited'));
    await expect(outcome).rejects.toThrow('rate limited');
  });

  it('answers with a refusal thrown at once rather than one still pending, after starting every hook', async () => {
    const seen: string[] = [];
    const listener = await listenerOf([
      {
        didResolveOperation: async () => {
          seen.push('pending');
          await sleep(5);
          throw new Error('later refusal');
        },
      },
      {
        didResolveOperation: () => {
          seen.push('refuses');
          throw new Error('too deep');
        },
      },
      { didResolveOperation: () => void seen.push('runs anyway') },
    ]);
    await expect(listener.didResolveOperation!({} as never)).rejects.toThrow('too deep');
    expect(seen).toEqual(['pending', 'refuses', 'runs anyway']);
  });

  it('gives a listener only the moments some hook needs', async () => {
    const listener = await listenerOf([{ willSendResponse: () => undefined }]);
    expect(Object.keys(listener)).toEqual(['willSendResponse']);
  });
});

describe('useRequestLog', () => {
  it('asks for no request logger while debug lines are off, and logs one line once they are on', () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    let asked = 0;
    const contextValue = {
      queryStats: { roundTrips: 2 },
      get logger() {
        asked += 1;
        return logger;
      },
    };
    const hook = useRequestLog(logger).willSendResponse!;
    const context = { contextValue, operationName: 'Q', errors: undefined } as unknown as Context;
    hook(context, performance.now());
    expect(asked).toBe(0);
    expect(lines).toEqual([]);
    logger.level = 'debug';
    hook(context, performance.now());
    expect(asked).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 20, operationName: 'Q', roundTrips: 2, msg: 'graphql request' });
  });
});
