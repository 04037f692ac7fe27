import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../src/server.js';
import { freshMock, ocs } from '../support/mock.js';
import { expectFramework996 } from '../support/operations.js';

const FORM = 'application/x-www-form-urlencoded';
const LIMIT_MESSAGE = (limit: number) =>
  `{"message":"ocs-mock: request body larger than the mock's limit of ${limit} bytes (maxBodyBytes, --max-body); this is the mock protecting itself, not a Nextcloud answer"}`;

/** Sends raw bytes on a fresh connection and collects everything the server sends until it closes. */
function rawExchange(url: string, bytes: string[]): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (text: string) => (received += text));
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
    socket.on('connect', () => bytes.forEach((chunk) => socket.write(chunk)));
  });
}

describe('request bodies are read whole up to the mock limit', () => {
  it('issue 11 case: a 3,000,011-byte form groupid=big+3,000,000 b is read whole; 29 fails a multi-MiB groupid with 996 (big-body/2mib-groupid.*), no group', async () => {
    const { mock, app } = await freshMock();
    const before = [...mock.state.groups.keys()];
    const body = `groupid=big${'b'.repeat(3_000_000)}`;
    expect(body.length).toBe(3_000_011);
    const v2 = await ocs(app, 'post', 2, '/cloud/groups', { format: 'json' }).type(FORM).send(body);
    // Recorded answer of big-body/2mib-groupid.v2-json.
    expect(v2.status).toBe(500);
    expect(v2.text).toBe('{"ocs":{"meta":{"status":"failure","statuscode":500,"message":"Internal Server Error\\n"},"data":[]}}');
    expectFramework996(v2, 2, 'json');
    const v1 = await ocs(app, 'post', 1, '/cloud/groups').type(FORM).send(body);
    expectFramework996(v1, 1, 'xml');
    expect([...mock.state.groups.keys()]).toEqual(before);
  });

  it('a parameter after 3 MB of padding is seen: POST groupid after a 3 MB pad creates that group (body under post_max_size, read whole)', async () => {
    const { mock, app } = await freshMock();
    const res = await ocs(app, 'post', 2, '/cloud/groups', { format: 'json' })
      .type(FORM)
      .send(`pad=${'x'.repeat(3_000_000)}&groupid=late`);
    expect(res.status).toBe(200);
    expect(res.text).toBe('{"ocs":{"meta":{"status":"ok","statuscode":200,"message":"OK"},"data":[]}}');
    expect(mock.state.groups.has('late')).toBe(true);
  });

  it('a body of exactly maxBodyBytes is read whole', async () => {
    const { mock, app } = await freshMock({ maxBodyBytes: 1000 });
    const body = `pad=${'x'.repeat(1000 - 'pad=&groupid=edge'.length)}&groupid=edge`;
    expect(body.length).toBe(1000);
    const res = await ocs(app, 'post', 2, '/cloud/groups', { format: 'json' }).type(FORM).send(body);
    expect(res.status).toBe(200);
    expect(mock.state.groups.has('edge')).toBe(true);
  });

  it('a body declared over maxBodyBytes -> 413 JSON from the mock, Connection: close, nothing created, refusal in the journal', async () => {
    const { mock, app } = await freshMock({ maxBodyBytes: 1000 });
    const before = [...mock.state.groups.keys()];
    const res = await ocs(app, 'post', 2, '/cloud/groups', { format: 'json' })
      .type(FORM)
      .send(`groupid=toolarge&pad=${'x'.repeat(1000)}`);
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers.connection).toBe('close');
    expect(res.text).toBe(LIMIT_MESSAGE(1000));
    expect([...mock.state.groups.keys()]).toEqual(before);
    const [record] = mock.requests().slice(-1);
    expect(record).toMatchObject({
      method: 'POST',
      path: '/cloud/groups',
      status: 413,
      refusal: "request body over the mock's limit of 1000 bytes (--max-body): 413, connection closed",
    });
  });

  it('a chunked body that grows over maxBodyBytes -> 413, the rest is not read, the connection is closed, nothing created', async () => {
    const running = await startServer({ nextcloud: '29.0.6', maxBodyBytes: 1000 });
    try {
      const before = [...running.mock.state.groups.keys()];
      const chunk = (text: string) => `${text.length.toString(16)}\r\n${text}\r\n`;
      const answer = await rawExchange(running.url, [
        'POST /ocs/v2.php/cloud/groups?format=json HTTP/1.1\r\nHost: x\r\nOCS-APIRequest: true\r\n' +
          `Authorization: Basic ${Buffer.from('admin:admin').toString('base64')}\r\n` +
          `Content-Type: ${FORM}\r\nTransfer-Encoding: chunked\r\n\r\n`,
        chunk(`groupid=chunked&pad=${'x'.repeat(600)}`),
        chunk('x'.repeat(600)),
        chunk('x'.repeat(600)),
      ]);
      const [head, text] = answer.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 413 Payload Too Large\r\n/);
      expect(head).toMatch(/\r\nConnection: close(\r\n|$)/i);
      expect(text).toBe(LIMIT_MESSAGE(1000));
      expect([...running.mock.state.groups.keys()]).toEqual(before);
    } finally {
      await running.close();
    }
  });
});
