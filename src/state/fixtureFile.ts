import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { JsonSyntaxError, parseJsonText } from '../jsonText.js';
import { resolveRelease, UnknownReleaseError } from '../releases/catalog.js';
import { loadFixtureValidator } from './fixtureSchema.js';
import type { Scope } from './model.js';

export interface FixtureUser {
  id: string;
  password: string;
  appPasswords?: string[];
  /** Omitted: none stored, as for an account created without one. */
  displayname?: string;
  email?: string | null;
  additionalMail?: string[];
  groups?: string[];
  subadmin?: string[];
  enabled?: boolean;
  quota?: string;
  usedBytes?: number;
  language?: string;
  locale?: string;
  timezone?: string;
  manager?: string;
  firstLogin?: number | string;
  lastLogin?: number | string;
  properties?: Record<string, string>;
  scopes?: Record<string, Scope>;
  preferences?: Record<string, Record<string, string>>;
}

export interface FixtureApp {
  id: string;
  name?: string;
  version?: string;
  enabled: boolean;
  alwaysEnabled?: boolean;
  /** The installer ran (default: the app is enabled); see createState's installationRows. */
  installed?: boolean;
  info?: Record<string, unknown>;
}

export interface Fixture {
  /** The Nextcloud release to emulate (see MockOptions.nextcloud). */
  nextcloud?: string;
  server?: { freeSpace?: number; cloudHost?: string; skeletonBytes?: number };
  groups: { id: string; displayname?: string }[];
  users: FixtureUser[];
  apps?: FixtureApp[];
  appConfig?: Record<string, Record<string, string>>;
}

/** Where a JSON file's text stops being JSON (1-based). */
export interface TextPosition {
  line: number;
  column: number;
}

/** A fixture that cannot be loaded: names the file, the JSON path inside it (or line:column of a syntax error) and what is wrong. */
export class FixtureError extends Error {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly reason: string,
    readonly at?: TextPosition,
  ) {
    super(at ? `${file}:${at.line}:${at.column}: ${reason}` : `${file}: ${path || '/'}: ${reason}`);
    this.name = 'FixtureError';
  }
}

/** The fixtures shipped with the package; `default` seeds a mock made without one. */
export const SHIPPED_FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));
export const DEFAULT_FIXTURE = join(SHIPPED_FIXTURES_DIR, 'default.json');
let validateFixture: ValidateFunction | undefined;

function fixtureValidator(): ValidateFunction {
  validateFixture ??= loadFixtureValidator();
  return validateFixture;
}

function describe(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') {
    return `unknown property "${(error.params as { additionalProperty: string }).additionalProperty}"`;
  }
  if (error.keyword === 'enum') return `${error.message}: ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  return error.message ?? error.keyword;
}

/** Reads and validates a fixture file against fixtures/fixture.schema.json and its cross-references. */
export function loadFixtureFile(file: string): Fixture {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new FixtureError(file, '', `cannot read file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let parsed: unknown;
  try {
    parsed = parseJsonText(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    throw new FixtureError(file, '', `not valid JSON: ${error.reason}`, error);
  }
  return checkFixture(parsed, file);
}

export function checkFixture(candidate: unknown, file = '<fixture>'): Fixture {
  const validate = fixtureValidator();
  if (!validate(candidate)) {
    const [first] = validate.errors ?? [];
    throw new FixtureError(file, first?.instancePath ?? '', first ? describe(first) : 'invalid');
  }
  const fixture = candidate as Fixture;
  checkReferences(fixture, file);
  return fixture;
}

function checkReferences(fixture: Fixture, file: string): void {
  const groupIds = new Set<string>();
  fixture.groups.forEach((group, i) => {
    if (groupIds.has(group.id)) throw new FixtureError(file, `/groups/${i}/id`, `duplicate group id "${group.id}"`);
    groupIds.add(group.id);
  });
  const userIds = new Set<string>();
  // Database::loadUser finds an account by mb_strtolower(uid): ids equal ignoring case are one account.
  const userIndexByLowerId = new Map<string, number>();
  // oc_authtoken holds each token once (PublicKeyTokenMapper::getToken by its hash): one token, one account.
  const appPasswordOwner = new Map<string, string>();
  fixture.users.forEach((user, i) => {
    if (userIds.has(user.id)) throw new FixtureError(file, `/users/${i}/id`, `duplicate user id "${user.id}"`);
    const same = userIndexByLowerId.get(user.id.toLowerCase());
    if (same !== undefined) {
      const other = fixture.users[same].id;
      throw new FixtureError(file, `/users/${i}/id`, `user "${user.id}" differs from "${other}" (/users/${same}/id) only in case; Nextcloud's user ids are unique ignoring case`);
    }
    userIds.add(user.id);
    userIndexByLowerId.set(user.id.toLowerCase(), i);
    user.appPasswords?.forEach((token, j) => {
      const owner = appPasswordOwner.get(token);
      if (owner !== undefined) {
        throw new FixtureError(file, `/users/${i}/appPasswords/${j}`, `app password already given at ${owner}; an app password belongs to one account`);
      }
      appPasswordOwner.set(token, `/users/${i}/appPasswords/${j}`);
    });
    for (const list of ['groups', 'subadmin'] as const) {
      user[list]?.forEach((gid, j) => {
        if (!groupIds.has(gid)) {
          throw new FixtureError(file, `/users/${i}/${list}/${j}`, `group "${gid}" is not declared in /groups`);
        }
        if (list === 'subadmin' && gid === 'admin') {
          throw new FixtureError(file, `/users/${i}/subadmin/${j}`, 'the admin group cannot have sub-admins');
        }
      });
    }
  });
  fixture.users.forEach((user, i) => {
    if (user.manager !== undefined && user.manager !== '' && !userIds.has(user.manager)) {
      throw new FixtureError(file, `/users/${i}/manager`, `user "${user.manager}" is not declared in /users`);
    }
  });
  if (!groupIds.has('admin')) throw new FixtureError(file, '/groups', 'the "admin" group must exist');
  if (fixture.nextcloud !== undefined) {
    try {
      resolveRelease(fixture.nextcloud);
    } catch (error) {
      if (!(error instanceof UnknownReleaseError)) throw error;
      throw new FixtureError(file, '/nextcloud', error.message);
    }
  }
  const appIds = new Set<string>();
  fixture.apps?.forEach((app, i) => {
    if (appIds.has(app.id)) throw new FixtureError(file, `/apps/${i}/id`, `duplicate app id "${app.id}"`);
    appIds.add(app.id);
    if (app.alwaysEnabled && !app.enabled) {
      throw new FixtureError(file, `/apps/${i}/enabled`, `always-enabled app "${app.id}" must be enabled`);
    }
    for (const key of ['id', 'name', 'version']) {
      if (app.info && key in app.info) {
        throw new FixtureError(file, `/apps/${i}/info/${key}`, `set "${key}" on the app itself, not in its info`);
      }
    }
  });
}
