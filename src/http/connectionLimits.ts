import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { RequestLog } from '../observe/requestLog.js';
import type { AnswerQueue } from './answerQueue.js';

/** A connection with nothing to do for this long is closed (issue 11: silent sockets were kept forever). */
export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;
/** Connections open at once; one more is dropped by node:http (well below a usual 1024 descriptor limit). */
export const DEFAULT_MAX_CONNECTIONS = 500;

export interface ConnectionLimits {
  idleTimeoutMs: number;
  maxConnections: number;
}

function remoteOf(address: string | undefined, port: number | undefined): string {
  if (address === undefined) return 'unknown';
  return `${address.includes(':') ? `[${address}]` : address}:${port ?? '?'}`;
}

/**
 * The mock protecting itself (no Nextcloud behaviour): idle connections are closed and connections
 * over the cap are dropped, each with a line in the request log. A connection whose answer is still
 * being made (a scenario's delay or hang) is not idle.
 */
export function limitConnections(server: Server, queue: AnswerQueue, log: RequestLog, limits: ConnectionLimits): void {
  server.timeout = limits.idleTimeoutMs;
  server.maxConnections = limits.maxConnections;
  // node:http emits 'timeout' for the idle timeout and for keepAliveTimeout; without a listener it
  // destroys the socket, with one the listener decides.
  server.on('timeout', (socket: Socket) => {
    const current = queue.current(socket);
    if (current && !current.writableEnded) return;
    const remote = remoteOf(socket.remoteAddress, socket.remotePort);
    socket.destroy();
    // An ended answer that has not left: the client does not read. No answer: the client sends nothing.
    if (current) log.connection('closed', remote, `answer not read for ${limits.idleTimeoutMs} ms (idle timeout, --idle-timeout)`);
    else if (!queue.hasServed(socket)) log.connection('closed', remote, `no request in ${limits.idleTimeoutMs} ms (idle timeout, --idle-timeout)`);
  });
  server.on('drop', (data) => {
    log.connection('refused', remoteOf(data?.remoteAddress, data?.remotePort), `${limits.maxConnections} connections open (connection cap, --max-connections)`);
  });
}
