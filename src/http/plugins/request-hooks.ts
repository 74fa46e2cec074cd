import type {
  ApolloServerPlugin,
  GraphQLRequestContextDidEncounterErrors,
  GraphQLRequestContextDidResolveOperation,
  GraphQLRequestContextWillSendResponse,
  GraphQLRequestListener,
} from '@apollo/server';

import type { AtlasContext } from '../../context';

/**
 * What one of our request plugins does, at the three moments any of them needs: once the operation is known, when the
 * request met errors, and before the answer is sent. `startedMs` is `performance.now()` when Apollo started the
 * request, for the plugins that time it.
 */
export interface RequestHooks {
  /**
   * May refuse the operation by throwing (or rejecting) with the error to answer. A hook with nothing to wait for
   * returns nothing: the usual request then makes no promise for it.
   */
  didResolveOperation?: (context: GraphQLRequestContextDidResolveOperation<AtlasContext>) => void | Promise<void>;
  didEncounterErrors?: (context: GraphQLRequestContextDidEncounterErrors<AtlasContext>) => void;
  willSendResponse?: (context: GraphQLRequestContextWillSendResponse<AtlasContext>, startedMs: number) => void;
}

/**
 * The hooks of `didResolveOperation`, every one started, as Apollo starts separate plugins. A refusal thrown at once
 * wins over one still pending (as a rejected async function settles first under `Promise.all`); when no hook waits
 * for anything and none refuses, nothing is returned, and Apollo's `Promise.all` of the listeners needs no promise
 * of ours.
 */
function resolveAll(
  hooks: RequestHooks[],
  context: GraphQLRequestContextDidResolveOperation<AtlasContext>,
): Promise<void> | undefined {
  let pending: Promise<void>[] | undefined;
  // The first refusal, boxed: a hook may throw anything, even undefined.
  let refused: { error: Error } | undefined;
  for (const h of hooks) {
    try {
      const result = h.didResolveOperation!(context);
      if (result) (pending ??= []).push(result);
    } catch (error) {
      refused ??= { error: error as Error };
    }
  }
  if (refused) {
    // The pending hooks still run; their outcome no longer decides the answer.
    for (const p of pending ?? []) p.catch(() => undefined);
    return Promise.reject(refused.error);
  }
  if (!pending) return undefined;
  return Promise.all(pending).then(() => undefined);
}

/**
 * Our request plugins as one Apollo plugin with one listener per request. Apollo calls every hook of every listener
 * as an async function at each step of a request (source, parsing, validation, operation, execution, response,
 * whether the listener has that hook or not): measured with bench/layers.ts, one listener instead of ten cost about
 * 10 µs less CPU per `{ __typename }` request. Hooks of one moment run in the order given; those of
 * `didResolveOperation` are all started, and the first refusal to settle wins (see resolveAll). Apollo awaits what
 * each hook returns inside `Promise.all`, so hooks with nothing to wait for return nothing instead of a promise
 * (hence the casts to Apollo's types, which name a promise).
 */
export function requestHooksPlugin(all: RequestHooks[]): ApolloServerPlugin<AtlasContext> {
  const resolved = all.filter((h) => h.didResolveOperation);
  const failed = all.filter((h) => h.didEncounterErrors);
  const sending = all.filter((h) => h.willSendResponse);
  type Listener = GraphQLRequestListener<AtlasContext>;
  const start = (): Listener => {
    const startedMs = performance.now();
    const listener: Listener = {};
    if (resolved.length > 0) {
      listener.didResolveOperation = ((context) => resolveAll(resolved, context)) as Listener['didResolveOperation'];
    }
    if (failed.length > 0) {
      listener.didEncounterErrors = ((context) => {
        for (const h of failed) h.didEncounterErrors!(context);
      }) as Listener['didEncounterErrors'];
    }
    if (sending.length > 0) {
      listener.willSendResponse = ((context) => {
        for (const h of sending) h.willSendResponse!(context, startedMs);
      }) as Listener['willSendResponse'];
    }
    return listener;
  };
  return { requestDidStart: start as unknown as ApolloServerPlugin<AtlasContext>['requestDidStart'] };
}
