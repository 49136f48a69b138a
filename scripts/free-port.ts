// Listening on the port asked for, or the next free one after it: a second copy of the web
// build or of `gradlab preview` must not fail because the first holds the usual port.
import type { Server } from 'node:net';

/** How many ports after the one asked for are tried before giving up. */
const PORTS_TRIED = 20;

/** Listens on 127.0.0.1 at `port` or the first free port after it (0: any free port);
 *  resolves to the port it got. */
export async function listenOnFreePort(server: Server, port: number): Promise<number> {
  const last = port === 0 ? 0 : port + PORTS_TRIED - 1;
  for (let candidate = port; candidate <= last; candidate++) {
    const error = await listenOnce(server, candidate);
    if (error === null) {
      const address = server.address();
      return typeof address === 'object' && address ? address.port : candidate;
    }
    if (error.code !== 'EADDRINUSE') throw error;
  }
  throw new Error(`ports ${port} to ${last} are all taken; choose another with --port`);
}

function listenOnce(server: Server, port: number): Promise<NodeJS.ErrnoException | null> {
  return new Promise((resolve) => {
    const onError = (error: NodeJS.ErrnoException) => resolve(error);
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve(null);
    });
  });
}

/** The sentence that says a port was taken and which one is used instead, or null. */
export function portMovedSentence(asked: number, got: number): string | null {
  return asked === 0 || asked === got ? null : `Port ${asked} is taken, so port ${got} is used.`;
}
