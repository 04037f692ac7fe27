import { OcsClient, UnreachableError } from './client.js';
import { CheckError, type JsonValue } from './types.js';

export interface Discovered {
  me: string;
  group: string;
  app: string | null;
  configApp: string;
}

async function data(client: OcsClient, path: string, query?: [string, string][]): Promise<JsonValue> {
  const { response } = await client.send({ method: 'GET', path, query }, { version: 2, format: 'json' });
  try {
    return (JSON.parse(response.text) as { ocs: { data: JsonValue } }).ocs.data;
  } catch {
    return null;
  }
}

function firstString(value: JsonValue | undefined): string | null {
  return Array.isArray(value) && typeof value[0] === 'string' ? value[0] : null;
}

function field(value: JsonValue, key: string): JsonValue | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value[key] : undefined;
}

/** Logs in (exit 3 when that fails) and finds a user, group, app and config app the plan can read. */
export async function discover(client: OcsClient): Promise<Discovered> {
  let login;
  try {
    login = await client.send({ method: 'GET', path: '/cloud/user' }, { version: 2, format: 'json' });
  } catch (error) {
    if (error instanceof UnreachableError) throw new CheckError(3, `server unreachable: ${error.message}`);
    throw error;
  }
  const { status, text } = login.response;
  if (status === 401) throw new CheckError(3, `login failed: HTTP 401 for ${login.curl}`);
  let me: JsonValue | undefined;
  try {
    me = field((JSON.parse(text) as { ocs: { data: JsonValue } }).ocs.data, 'id');
  } catch {
    me = undefined;
  }
  if (status !== 200 || typeof me !== 'string') {
    throw new CheckError(3, `login check failed: GET /ocs/v2.php/cloud/user answered HTTP ${status}: ${JSON.stringify(text.slice(0, 120))}`);
  }
  const own = firstString(field(await data(client, `/cloud/users/${encodeURIComponent(me)}/groups`), 'groups'));
  const group = own ?? firstString(field(await data(client, '/cloud/groups'), 'groups')) ?? 'admin';
  const app = firstString(field(await data(client, '/cloud/apps', [['filter', 'enabled']]), 'apps'));
  const configApps = field(await data(client, '/apps/provisioning_api/api/v1/config/apps'), 'data');
  const configApp = Array.isArray(configApps) && configApps.includes('provisioning_api') ? 'provisioning_api' : (firstString(configApps) ?? 'core');
  return { me, group, app, configApp };
}
