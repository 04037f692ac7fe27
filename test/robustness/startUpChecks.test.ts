import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMock } from '../../src/mock.js';
import { ScenarioError } from '../../src/scenarios/scenarioFile.js';
import { FixtureError, loadFixtureFile } from '../../src/state/fixtureFile.js';

// Issue 11 item 6: mistakes that loaded and failed later (or failed with no place) stop start-up
// with the file, the JSON path or line:column, and the reason.
const dir = mkdtempSync(join(tmpdir(), 'ocs-mock-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

const mock = await createMock();

const fixture = (users: unknown[]) => JSON.stringify({ groups: [{ id: 'admin' }], users: [{ id: 'admin', password: 'admin', groups: ['admin'] }, ...users] });

describe('fixture files', () => {
  it('user ids "Bob" and "bob" -> refused at the second, naming the first (Database::loadUser compares lower-cased ids)', () => {
    const file = write('case.json', fixture([{ id: 'Bob', password: 'x' }, { id: 'carol', password: 'x' }, { id: 'bob', password: 'x' }]));
    const error = thrown(() => loadFixtureFile(file));
    expect(error).toBeInstanceOf(FixtureError);
    expect(error.message).toBe(`${file}: /users/3/id: user "bob" differs from "Bob" (/users/1/id) only in case; Nextcloud's user ids are unique ignoring case`);
  });

  it('one app password given to two users -> refused at the second', () => {
    const file = write('token.json', fixture([{ id: 'alice', password: 'x', appPasswords: ['shared-app-password'] }, { id: 'bob', password: 'x', appPasswords: ['own-app-password', 'shared-app-password'] }]));
    const error = thrown(() => loadFixtureFile(file));
    expect(error).toBeInstanceOf(FixtureError);
    expect(error.message).toBe(`${file}: /users/2/appPasswords/1: app password already given at /users/1/appPasswords/0; an app password belongs to one account`);
  });

  it('a missing comma on line 3 -> file:3:3 and the reason', () => {
    const file = write('comma.json', '{\n  "groups": [{ "id": "admin" }]\n  "users": []\n}\n');
    expect(thrown(() => loadFixtureFile(file)).message).toBe(`${file}:3:3: not valid JSON: Expected ',' or '}' after property value`);
  });

  it('a stray token (V8 names no position) -> file:line:column of the token', () => {
    const file = write('stray.json', '{\n  "groups": [],\n  "users": [tru]\n}\n');
    expect(thrown(() => loadFixtureFile(file)).message).toBe(`${file}:3:13: not valid JSON: Unexpected token 'tru'`);
  });
});

describe('scenario files', () => {
  it('a syntax error -> file:line:column and the reason', () => {
    const file = write('scenario-syntax.json', '{\n  "rules": [\n    { "name": "x", }\n  ]\n}\n');
    const error = thrown(() => mock.scenarios.loadFile(file));
    expect(error).toBeInstanceOf(ScenarioError);
    expect(error.message).toBe(`${file}:3:20: not valid JSON: Expected double-quoted property name (scenario files are JSON only)`);
  });
});


const withHeaders = (answer: Record<string, unknown>) => ({ rules: [{ name: 'h', answer }] });

describe('scenario answer headers are checked at load (writeHead would fail every match with a 500)', () => {
  const CASES: [string, Record<string, unknown>, string][] = [
    ['http header value with CR LF', { http: { status: 502, headers: { 'X-Note': 'a\r\nSet-Cookie: x=1' } } }, 'answer.http.headers.X-Note: "a\\r\\nSet-Cookie: x=1" is not a valid header value (no CR, LF, NUL, other control characters or characters beyond Latin-1)'],
    ['http header value with NUL', { http: { status: 502, headers: { 'X-Note': 'a\u0000b' } } }, 'answer.http.headers.X-Note: "a\\u0000b" is not a valid header value (no CR, LF, NUL, other control characters or characters beyond Latin-1)'],
    ['http header name with a space', { http: { status: 502, headers: { 'Retry After': '5' } } }, `answer.http.headers: "Retry After" is not a valid header name (letters, digits and !#$%&'*+-.^_\`|~ only)`],
    ['ocs header name with a colon', { ocs: { statuscode: 997, headers: { 'X-A:': '1' } } }, `answer.ocs.headers: "X-A:" is not a valid header name (letters, digits and !#$%&'*+-.^_\`|~ only)`],
    ['ocs header value with LF', { ocs: { statuscode: 997, headers: { 'Retry-After': '5\n' } } }, 'answer.ocs.headers.Retry-After: "5\\n" is not a valid header value (no CR, LF, NUL, other control characters or characters beyond Latin-1)'],
  ];

  it.each(CASES)('%s -> ScenarioError with rule and field', (_name, answer, reason) => {
    const error = thrown(() => mock.scenarios.loadDocument(withHeaders(answer), 'doc', 'headers'));
    expect(error).toBeInstanceOf(ScenarioError);
    expect(error.message).toBe(`doc: rule 0 ("h"): ${reason}`);
  });

  it('valid headers load', () => {
    expect(mock.scenarios.loadDocument(withHeaders({ http: { status: 503, headers: { 'Retry-After': '120', 'X-Note': 'tab\there é' } } }), 'doc', 'ok').name).toBe('ok');
  });
});
