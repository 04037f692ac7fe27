import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server.js';
import { okJsonOf } from '../support/oracle.js';
import { TEST_RELEASE } from '../support/mock.js';

/**
 * A real browser on another origin calls the mock: headless Chromium (Debian's `chromium`, or the
 * binary CHROMIUM names) loads a page from a second server and fetches the mock with Basic auth and
 * OCS-APIRequest, which makes the browser send a preflight. Without --cors the browser blocks the
 * call; with it the page reads the answers. Chromium prints the page's DOM once its work is done
 * (--dump-dom with a virtual time budget that waits for pending fetches).
 */

const CHROMIUM = process.env.CHROMIUM ?? 'chromium';
const USERS = ['admin', 'alice', 'bob', 'carol', 'dave'];

function run(file: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => (error ? reject(error) : resolve({ stdout, stderr })));
  });
}

/** The page: two calls a browser client makes, each result written into the DOM as one line. */
function pageFor(mockUrl: string): string {
  const script = `
const auth = { Authorization: 'Basic ' + btoa('admin:admin'), 'OCS-APIRequest': 'true' };
const call = (path, init) => fetch(${JSON.stringify(mockUrl)} + path, init)
  .then((r) => r.text().then((t) => 'answered ' + r.status + ' ' + t))
  .catch((e) => 'rejected ' + e.name + ': ' + e.message);
(async () => {
  const list = await call('/ocs/v2.php/cloud/users?format=json', { headers: auth });
  const add = await call('/ocs/v2.php/cloud/groups?format=json', {
    method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ groupid: 'from-browser' }),
  });
  document.getElementById('result').textContent = [list, add].join('\\n');
})();`;
  return `<!doctype html><html><body><pre id="result">pending</pre><script>${script}</script></body></html>`;
}

let page: Server;
let pageUrl = '';
let pageHtml = '';
let profile = '';
let mock: RunningServer | undefined;

beforeAll(async () => {
  try {
    await run(CHROMIUM, ['--version']);
  } catch (error) {
    throw new Error(
      `headless Chromium is needed for the browser test and "${CHROMIUM}" does not run (${(error as Error).message}). ` +
        'Install it (Debian: apt-get install -y chromium; .ci/run does) or point CHROMIUM at a Chromium binary.',
    );
  }
  profile = await mkdtemp(join(tmpdir(), 'ocs-mock-chromium-'));
  page = createServer((_req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(pageHtml);
  });
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

afterAll(async () => {
  await new Promise<void>((resolve) => (page ? page.close(() => resolve()) : resolve()));
  if (profile) await rm(profile, { recursive: true, force: true });
});

/** Starts a mock, opens the page in Chromium and returns the page's result lines. */
async function browse(options: ServerOptions): Promise<{ lines: string[]; running: RunningServer }> {
  const running = await startServer({ nextcloud: TEST_RELEASE, ...options });
  mock = running;
  pageHtml = pageFor(running.url);
  const { stdout } = await run(CHROMIUM, [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    `--user-data-dir=${profile}`,
    '--virtual-time-budget=20000',
    '--dump-dom',
    `${pageUrl}/`,
  ]);
  const found = /<pre id="result">([\s\S]*?)<\/pre>/.exec(stdout);
  if (!found) throw new Error(`Chromium printed no result element:\n${stdout}`);
  const text = found[1].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return { lines: text.split('\n'), running };
}

const journal = (running: RunningServer) => running.mock.requests().map((r) => `${r.method} ${r.path} ${r.status}`);

describe('a page on another origin calls the mock from headless Chromium', () => {
  test('without --cors the browser blocks both calls: the preflight gets 405 and no call follows', async () => {
    const { lines, running } = await browse({});
    expect(lines).toEqual(['rejected TypeError: Failed to fetch', 'rejected TypeError: Failed to fetch']);
    expect(journal(running)).toEqual(['OPTIONS /cloud/users 405', 'OPTIONS /cloud/groups 405']);
    expect(running.mock.state.groups.has('from-browser')).toBe(false);
  });

  test('with --cors the page reads the answers: list users, then add a group (JSON body)', async () => {
    const { lines, running } = await browse({ cors: true });
    expect(lines).toEqual([`answered 200 ${okJsonOf(2, { users: USERS })}`, `answered 200 ${okJsonOf(2, [])}`]);
    expect(journal(running)).toEqual(['OPTIONS /cloud/users 200', 'GET /cloud/users 200', 'OPTIONS /cloud/groups 200', 'POST /cloud/groups 200']);
    expect(running.mock.state.groups.has('from-browser')).toBe(true);
  });

  test("with --cors listing the page's origin -> answered; listing only another origin -> blocked, the journal says why", async () => {
    const listed = await browse({ cors: [pageUrl] });
    expect(listed.lines[0]).toBe(`answered 200 ${okJsonOf(2, { users: USERS })}`);
    await listed.running.close();
    mock = undefined;

    const other = await browse({ cors: 'http://localhost:5173' });
    expect(other.lines).toEqual(['rejected TypeError: Failed to fetch', 'rejected TypeError: Failed to fetch']);
    expect(other.running.mock.requests()[0]).toMatchObject({
      method: 'OPTIONS',
      status: 405,
      refusal: `CORS: origin ${pageUrl} is not in --cors (http://localhost:5173): answered as without --cors, no CORS headers`,
    });
  });
});
