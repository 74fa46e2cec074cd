/** A fetch that counts the GraphQL requests a client sent (GET or POST), so "pages walked" is what went over HTTP. */
export function countingFetch(): { fetch: typeof fetch; requests: () => number; methods: string[] } {
  const methods: string[] = [];
  const counted: typeof fetch = (input, init) => {
    methods.push(init?.method ?? (input instanceof Request ? input.method : 'GET'));
    return fetch(input, init);
  };
  return { fetch: counted, requests: () => methods.length, methods };
}
