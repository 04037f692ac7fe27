import { describe, expect, it } from 'vitest';
import { serveCli } from '../support/runCli.js';

/** --users N: the banner says how generated users log in (README, "CLI"), and they do. */

describe('serve --users: generated users can log in', () => {
  it('the banner names the password rule <id>-Password1 with an example; that user logs in (v2 JSON and v1 XML GET /cloud/user -> 200 with their id)', async () => {
    const { url, banner } = await serveCli(['--port', '0', '--users', '5', '--seed', '1', '--log-level', 'silent']);
    const lines = banner.split('\n');
    expect(lines[2]).toBe('  admin login: admin / admin');
    const example = /^ {2}generated users: <id> \/ <id>-Password1, e\.g\. (\S+) \/ (\S+)$/.exec(lines[3]);
    expect(example, banner).not.toBeNull();
    const [, id, password] = example!;
    expect(password).toBe(`${id}-Password1`);
    expect(lines[4]).toBe('  10 users, 4 groups, 39 apps. Ctrl-C stops.');
    // Without --users there is no such line.
    expect((await serveCli(['--port', '0', '--log-level', 'silent'])).banner.split('\n').slice(2, 4)).toEqual(['  admin login: admin / admin', '  5 users, 4 groups, 39 apps. Ctrl-C stops.']);

    const headers = { Authorization: `Basic ${Buffer.from(`${id}:${password}`).toString('base64')}`, 'OCS-APIRequest': 'true' };
    const v2 = await fetch(`${url}/ocs/v2.php/cloud/user?format=json`, { headers });
    expect(v2.status).toBe(200);
    const body = (await v2.json()) as { ocs: { meta: unknown; data: { id: string } } };
    expect(body.ocs.meta).toEqual({ status: 'ok', statuscode: 200, message: 'OK' });
    expect(body.ocs.data.id).toBe(id);
    const v1 = await fetch(`${url}/ocs/v1.php/cloud/user`, { headers });
    expect(v1.status).toBe(200);
    expect(await v1.text()).toContain(`\n  <id>${id}</id>\n`);
  });
});
