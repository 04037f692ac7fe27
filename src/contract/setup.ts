import { randomBytes } from 'node:crypto';
import type { OcsClient } from './client.js';
import type { ResourceTracker } from './resources.js';
import type { JsonValue, OcsCall } from './types.js';

/** Creates the check's own users, groups and config keys (v2 JSON), each registered for cleanup first. */
export class Setup {
  readonly password = `Ocs-Check-${randomBytes(12).toString('base64url')}-7!`;

  constructor(
    private readonly client: OcsClient,
    private readonly tracker: ResourceTracker,
  ) {}

  /** Sends a call and insists on OCS success; returns `ocs.data`. */
  async ok(call: OcsCall, what: string): Promise<JsonValue> {
    const { response } = await this.client.send(call, { version: 2, format: 'json' });
    let statuscode: JsonValue = null;
    let data: JsonValue = null;
    try {
      const body = JSON.parse(response.text) as { ocs: { meta: { statuscode: number }; data: JsonValue } };
      statuscode = body.ocs.meta.statuscode;
      data = body.ocs.data;
    } catch {
      // reported below with the HTTP status
    }
    if (response.status !== 200 || statuscode !== 200) {
      throw new Error(`setup: ${what} answered HTTP ${response.status}, statuscode ${JSON.stringify(statuscode)}`);
    }
    return data;
  }

  /** Registers the group for removal (absence is fine) without creating it. */
  trackGroup(id: string): void {
    this.tracker.add(`group ${id}`, () => this.removeIfPresent({ method: 'DELETE', path: `/cloud/groups/${encodeURIComponent(id)}` }, [101]));
  }

  trackUser(id: string): void {
    this.tracker.add(`user ${id}`, () => this.removeIfPresent({ method: 'DELETE', path: `/cloud/users/${encodeURIComponent(id)}` }, [998, 101, 404]));
  }

  trackConfigKey(app: string, key: string): void {
    this.tracker.add(`app config ${app}/${key}`, () =>
      this.removeIfPresent({ method: 'DELETE', path: `/apps/provisioning_api/api/v1/config/apps/${encodeURIComponent(app)}/${encodeURIComponent(key)}` }, []),
    );
  }

  trackPreference(app: string, key: string): void {
    // Nextcloud refuses keys no app accepts (400), so normally there is nothing to remove.
    this.tracker.add(`preference ${app}/${key}`, () =>
      this.removeIfPresent({ method: 'DELETE', path: `/apps/provisioning_api/api/v1/config/users/${encodeURIComponent(app)}/${encodeURIComponent(key)}` }, [400]),
    );
  }

  async createGroup(id: string): Promise<void> {
    this.trackGroup(id);
    await this.ok({ method: 'POST', path: '/cloud/groups', body: { groupid: id } }, `creating group ${id}`);
  }

  async createUser(id: string, groups: string[] = []): Promise<void> {
    this.trackUser(id);
    await this.ok({ method: 'POST', path: '/cloud/users', body: { userid: id, password: this.password, groups } }, `creating user ${id}`);
  }

  private async removeIfPresent(call: OcsCall, goneCodes: number[]): Promise<void> {
    const { response } = await this.client.send(call, { version: 2, format: 'json', cleanup: true });
    const statuscode = /"statuscode":(\d+)/.exec(response.text)?.[1];
    const code = Number(statuscode);
    if (code === 200 || goneCodes.includes(code)) return;
    throw new Error(`${call.method} ${call.path} answered HTTP ${response.status}, statuscode ${statuscode ?? 'none'}`);
  }
}
