import net from 'node:net';

export interface TcpRelay {
  /** A bolt:// address that reaches the target through the relay. */
  uri: string;
  /** Stops passing bytes either way; sockets stay open (a frozen server or a half-open connection). */
  freeze(): void;
  thaw(): void;
  /** How many connections were cut as they opened (see `dropFirst`). */
  dropped(): number;
  /** Connections the relay accepted and closed, the cut ones included. */
  counts(): { opened: number; closed: number };
  close(): Promise<void>;
}

/**
 * A TCP relay on 127.0.0.1 in front of the real test database, for faults a driver meets on the wire: it cuts the
 * first `dropFirst` connections as they open (a restarting server, a moving cluster leader) and can stop passing bytes.
 */
export async function startTcpRelay(target: { host: string; port: number }, { dropFirst = 0 } = {}): Promise<TcpRelay> {
  let frozen = false;
  let dropped = 0;
  let opened = 0;
  let closed = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    opened += 1;
    sockets.add(client);
    client.on('close', () => {
      closed += 1;
      sockets.delete(client);
    });
    if (dropped < dropFirst) {
      dropped += 1;
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    client.on('data', (chunk) => frozen || upstream.write(chunk));
    upstream.on('data', (chunk) => frozen || client.write(chunk));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    uri: `bolt://127.0.0.1:${port}`,
    freeze: () => {
      frozen = true;
    },
    thaw: () => {
      frozen = false;
    },
    dropped: () => dropped,
    counts: () => ({ opened, closed }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
