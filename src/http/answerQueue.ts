import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** Requests of one connection waiting for their turn; above this the connection is not read. */
export const MAX_WAITING_PER_CONNECTION = 32;

interface Line {
  /** The answer being made or sent; null between requests. */
  current: ServerResponse | null;
  waiting: [IncomingMessage, ServerResponse][];
  /** Paused by this queue (node:http pauses and resumes sockets for its own reasons too). */
  paused: boolean;
  /** Takes the next request once the current answer has closed (one function per connection, not per answer). */
  advance: () => void;
}

/**
 * One answer at a time per connection. HTTP/1.1 sends pipelined answers in order anyway, but node:http
 * hands every request it parsed to the listener at once, so a client that pipelines and never reads
 * would have all those answers built and buffered (issue 11). Here the next request of a connection
 * is handled only once the previous answer has left the process (its 'close': flushed to the kernel,
 * or the connection gone), and the connection is paused while too many requests wait.
 */
export class AnswerQueue {
  private readonly lines = new WeakMap<Socket, Line>();

  constructor(
    private readonly handle: RequestListener,
    private readonly maxWaiting = MAX_WAITING_PER_CONNECTION,
  ) {}

  readonly listener: RequestListener = (req, res) => {
    const socket = req.socket;
    let line = this.lines.get(socket);
    if (!line) {
      const created: Line = { current: null, waiting: [], paused: false, advance: () => this.next(socket, created) };
      socket.once('close', () => (created.waiting.length = 0));
      this.lines.set(socket, created);
      line = created;
    }
    // The usual case, a connection with nothing in hand: answer at once, without queueing.
    if (!line.current && line.waiting.length === 0 && !line.paused) {
      this.serve(socket, line, req, res);
      return;
    }
    line.waiting.push([req, res]);
    if (line.waiting.length > this.maxWaiting && !line.paused) {
      line.paused = true;
      socket.pause();
    }
    if (!line.current) this.next(socket, line);
  };

  /** Whether the connection has sent a request. */
  hasServed(socket: Socket): boolean {
    return this.lines.has(socket);
  }

  /** The answer the connection is busy with: null when it waits for a request. */
  current(socket: Socket): ServerResponse | null {
    return this.lines.get(socket)?.current ?? null;
  }

  private next(socket: Socket, line: Line): void {
    // The answer that closed is done; serve() names the next one.
    line.current = null;
    const item = line.waiting.shift();
    if (line.paused && line.waiting.length <= this.maxWaiting / 2) {
      line.paused = false;
      socket.resume();
    }
    if (item) this.serve(socket, line, item[0], item[1]);
  }

  /** Makes `res` the connection's current answer (none is current when this is called). */
  private serve(socket: Socket, line: Line, req: IncomingMessage, res: ServerResponse): void {
    if (socket.destroyed) {
      line.waiting.length = 0;
      return;
    }
    line.current = res;
    // 'close' comes once per answer: a plain listener spares once()'s wrapper.
    res.on('close', line.advance);
    this.handle(req, res);
  }
}
