import type { Server } from 'node:http';
import type { OcsMock } from '../mock.js';
import { startServer, type RunningServer, type ServerOptions } from '../server.js';

/** A test framework's hook registrar: vitest's and jest's `beforeAll`/`afterEach`/`afterAll` fit it. */
export type TestHook = (fn: () => Promise<void>) => unknown;

/** The hooks `useOcsMock` registers with: pass vitest's or jest's, or let it find the globals. */
export interface TestHooks {
  beforeAll: TestHook;
  afterEach: TestHook;
  afterAll: TestHook;
}

/** The running mock as tests see it; read it inside tests and hooks, once `beforeAll` has run. */
export interface OcsMockHandle {
  /** e.g. `http://127.0.0.1:41234` */
  readonly url: string;
  readonly mock: OcsMock;
  readonly server: Server;
}

const HOOK_NAMES = ['beforeAll', 'afterEach', 'afterAll'] as const;

/**
 * One mock for a test file: started in `beforeAll` (with `options`, a free port by default), hard
 * reset after each test (state, scenarios, journal: no test sees another's changes), closed in
 * `afterAll`. Hooks default to the test framework's globals (jest; vitest with `globals: true`).
 */
export function useOcsMock(options: ServerOptions = {}, hooks: TestHooks = globalHooks()): OcsMockHandle {
  let running: RunningServer | undefined;
  let closed = false;
  hooks.beforeAll(async () => {
    running = await startServer(options);
  });
  hooks.afterEach(async () => {
    running?.mock.reset();
  });
  hooks.afterAll(async () => {
    closed = true;
    await running?.close();
  });
  const current = (property: keyof OcsMockHandle): RunningServer => {
    if (running && !closed) return running;
    throw new Error(
      closed
        ? `useOcsMock: the mock is closed (afterAll ran); ${property} is only available during the file's tests`
        : `useOcsMock: the mock starts in beforeAll; read ${property} inside a test or hook, not when the file is loaded`,
    );
  };
  return {
    get url() {
      return current('url').url;
    },
    get mock() {
      return current('mock').mock;
    },
    get server() {
      return current('server').server;
    },
  };
}

/** The framework's global hooks (jest always, vitest with `globals: true`); an error says how to pass them otherwise. */
function globalHooks(): TestHooks {
  const scope: Record<string, unknown> = globalThis;
  const found = HOOK_NAMES.map((name) => scope[name]);
  const [beforeAll, afterEach, afterAll] = found;
  if (isHook(beforeAll) && isHook(afterEach) && isHook(afterAll)) return { beforeAll, afterEach, afterAll };
  const missing = HOOK_NAMES.filter((_, i) => !isHook(found[i]));
  throw new Error(
    `useOcsMock: no global ${missing.join('/')} (vitest without \`globals: true\`?); pass the hooks: ` +
      `import { beforeAll, afterEach, afterAll } from 'vitest'; useOcsMock(options, { beforeAll, afterEach, afterAll })`,
  );
}

function isHook(value: unknown): value is TestHook {
  return typeof value === 'function';
}
