import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { createMock } from '../../src/mock.js';
import { differences, Replayer, type Difference, type Exchange } from './replay.js';

/**
 * Every exchange recorded against a real Nextcloud 29.0.6 (test/fixtures/nc29/README.md), replayed in
 * file order against one mock that starts in the recorded server's initial state: the `setup/*` and
 * `first-login/*` exchanges build the fixture through the API, as they did on the real server.
 * An exchange listed in known-differences.json must still differ exactly as listed, so a fix makes
 * its test fail until the list shrinks.
 */

const FIXTURES = new URL('../fixtures/nc29/', import.meta.url);
const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as T;

interface KnownDifference {
  cause: string;
  owner: string;
  mock: Difference;
}

interface UnrecordedStep {
  before: string;
  requests: { method: string; path: string; form?: string }[];
}

const RECORDINGS = read<Exchange[]>('recordings.json');
const UNRECORDED = read<{ steps: UnrecordedStep[] }>('unrecorded-steps.json').steps;
const KNOWN = read<Record<string, KnownDifference>>('known-differences.json');
const INITIAL = fileURLToPath(new URL('initial.json', FIXTURES));

/**
 * `NC29_PRUNE=1 npx vitest run test/recordings` drops the listed differences a fix has removed (and
 * records how a listed one now differs), instead of failing on them; a new difference still fails.
 */
const PRUNE = process.env.NC29_PRUNE === '1';

/** The passwords of the recorded accounts (recordings README, "The fixture state"). */
const PASSWORDS: Record<string, string> = {
  admin: 'admin',
  alice: 'Alice-Secret-29!',
  bob: 'Bob-Secret-29!',
  carol: 'Carol-Secret-29!',
  dave: 'Dave-Secret-29!',
};

/** Shortly after the recording; every request a second later (lastLogin is masked anyway). */
function steppingClock(): () => number {
  let now = Date.UTC(2026, 11, 1, 23, 0, 0);
  return () => (now += 1000);
}

/** The data directory the mock reports (prefix of admin's storageLocation), asked of a separate mock. */
async function dataDirectory(): Promise<string> {
  const probe = await createMock({ fixture: INITIAL, nextcloud: '29.0.6' });
  const replayer = await Replayer.start(createApp(probe), PASSWORDS);
  const answer = await replayer.send({
    id: 'probe',
    section: 'probe',
    as: 'admin',
    request: {
      method: 'GET',
      url: '/ocs/v2.php/cloud/users/admin?format=json',
      headers: { Host: '127.0.0.1:18080', Authorization: 'Basic <admin>', 'OCS-APIRequest': 'true' },
      bodyType: 'none',
      body: null,
    },
    response: { status: 200, headers: {}, body: '' },
  });
  await replayer.close();
  if (answer.status !== 200) throw new Error(`probe: ${answer.status} ${answer.body}`);
  const body = JSON.parse(answer.body) as { ocs: { data: { storageLocation: string } } };
  return body.ocs.data.storageLocation.replace(/\/admin$/, '');
}

describe('Nextcloud 29.0.6 recordings, replayed in file order', () => {
  let replayer: Replayer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await dataDirectory();
    const mock = await createMock({ fixture: INITIAL, nextcloud: '29.0.6', clock: steppingClock() });
    replayer = await Replayer.start(createApp(mock), PASSWORDS);
  });
  afterAll(async () => {
    await replayer.close();
    if (PRUNE) writeFileSync(new URL('known-differences.json', FIXTURES), `${JSON.stringify(KNOWN, null, 2)}\n`);
  });

  test('every listed difference and unrecorded step names a recorded exchange', () => {
    const ids = new Set(RECORDINGS.map((exchange) => exchange.id));
    expect(Object.keys(KNOWN).filter((id) => !ids.has(id))).toEqual([]);
    expect(UNRECORDED.map((step) => step.before).filter((id) => !ids.has(id))).toEqual([]);
  });

  /** The recorder's own API calls that it did not record; each must succeed. */
  async function runUnrecorded(before: string): Promise<void> {
    for (const step of UNRECORDED.filter((candidate) => candidate.before === before)) {
      for (const { method, path, form } of step.requests) {
        const headers: Record<string, string> = { Host: '127.0.0.1:18080', Authorization: 'Basic <admin>', 'OCS-APIRequest': 'true' };
        if (form !== undefined) headers['Content-Type'] = 'application/x-www-form-urlencoded';
        const answer = await replayer.send({
          id: `unrecorded ${method} ${path}`,
          section: 'unrecorded',
          as: 'admin',
          request: { method, url: `/ocs/v2.php${path}?format=json`, headers, bodyType: form === undefined ? 'none' : 'form', body: form ?? null },
          response: { status: 200, headers: {}, body: '' },
        });
        expect(answer.status, `${method} ${path}: ${answer.body}`).toBe(200);
      }
    }
  }

  for (const exchange of RECORDINGS) {
    test(exchange.id, async () => {
      await runUnrecorded(exchange.id);
      const answer = await replayer.send(exchange);
      const known = KNOWN[exchange.id];
      const found = differences(exchange.response, answer, { dataDir });
      if (PRUNE && known) {
        if (Object.keys(found).length === 0) delete KNOWN[exchange.id];
        else known.mock = found;
        return;
      }
      const recorded = JSON.stringify({ status: exchange.response.status, headers: exchange.response.headers, body: exchange.response.body });
      expect(found, `recorded: ${recorded}`).toEqual(known?.mock ?? {});
    });
  }
});
