import { ControlError } from '../control/answers.js';
import { Session, type SessionBasis } from './session.js';

export const DEFAULT_MAX_SESSIONS = 100;
export const DEFAULT_SESSION_IDLE_MS = 10 * 60 * 1000;

export interface SessionLimits {
  /** How many sessions live at once; one more is refused until some are dropped or expire. */
  maxSessions: number;
  /** A session unused this long (ms, on the mock's clock) is gone: the next use makes a fresh one. */
  idleMs: number;
}

/** A session as GET /__admin/sessions lists it. */
export interface SessionInfo {
  id: string;
  lastUsed: string;
  users: number;
  groups: number;
  scenarios: number;
  requests: number;
}

/**
 * The sessions of one mock, made on first use, bounded in number and idle time. Expiry is checked
 * when the store is used (no timer keeps the process alive).
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly basis: SessionBasis,
    readonly limits: SessionLimits,
  ) {
    for (const [name, value] of Object.entries(limits)) {
      if (!Number.isInteger(value) || value < 1) throw new RangeError(`sessions: ${name} must be a whole number >= 1, not ${value}`);
    }
  }

  private expired(session: Session, now: number): boolean {
    return now - session.lastUsed > this.limits.idleMs;
  }

  private sweep(now: number): void {
    for (const [id, session] of this.sessions) if (this.expired(session, now)) this.sessions.delete(id);
  }

  /** The session named `id` (a valid id), made from the fixture when it is new or expired; a 503 at the limit. */
  acquire(id: string): Session {
    const now = this.basis.clock();
    let session = this.sessions.get(id);
    if (session && this.expired(session, now)) session = undefined;
    if (!session) {
      this.sessions.delete(id);
      if (this.sessions.size >= this.limits.maxSessions) this.sweep(now);
      if (this.sessions.size >= this.limits.maxSessions) {
        const { maxSessions, idleMs } = this.limits;
        throw new ControlError(
          503,
          'too many sessions',
          `the mock holds ${maxSessions} sessions (option maxSessions); drop one with DELETE /__admin/sessions/{id}, all with DELETE /__admin/sessions, or wait until one has been idle for ${idleMs} ms (option sessionIdleMs)`,
          { limit: maxSessions },
        );
      }
      session = new Session(id, this.basis);
      this.sessions.set(id, session);
    }
    session.lastUsed = now;
    return session;
  }

  /** The live sessions, in the order they were made. */
  list(): SessionInfo[] {
    this.sweep(this.basis.clock());
    return [...this.sessions.values()].map((session) => ({
      id: session.id,
      lastUsed: new Date(session.lastUsed).toISOString(),
      users: session.state.users.size,
      groups: session.state.groups.size,
      scenarios: session.scenarios.list().length,
      requests: session.journal.list().length,
    }));
  }

  /** False when there was no such session. */
  drop(id: string): boolean {
    this.sweep(this.basis.clock());
    return this.sessions.delete(id);
  }

  /** How many there were. */
  dropAll(): number {
    const count = this.sessions.size;
    this.sessions.clear();
    return count;
  }
}
