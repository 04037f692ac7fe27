import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { connect } from 'node:tls';
import { hostname, networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server.js';
import { TlsError } from '../../src/tls/tlsError.js';
import { issueCertificate } from '../../src/tls/x509.js';
import { okJson, okXml, xmlList } from '../support/protocol.js';
import { ADMIN, httpsRequest } from './support.js';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const tlsFile = (name: string) => readFileSync(new URL(`tls/${name}`, FIXTURES));
const NC29_SERVER = fileURLToPath(new URL('nc29-server.json', FIXTURES));
const RECORDINGS = JSON.parse(readFileSync(new URL('nc29/recordings.json', FIXTURES), 'utf8')) as { id: string; response: { body: string } }[];

const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

async function start(options: ServerOptions): Promise<RunningServer> {
  const server = await startServer({ nextcloud: '29.0.6', ...options });
  running.push(server);
  return server;
}

const portOf = (url: string) => new URL(url).port;

describe('startServer({ tls: true }): HTTPS with a generated certificate', () => {
  test('the url is https; a client trusting the CA verifies the server as localhost and as 127.0.0.1; status.php answers', async () => {
    const server = await start({ tls: true });
    expect(server.url).toBe(`https://127.0.0.1:${portOf(server.url)}`);
    const status = '{"installed":true,"maintenance":false,"needsDbUpgrade":false,"version":"29.0.6.1","versionstring":"29.0.6","edition":"","productname":"Nextcloud","extendedSupport":false}';
    const byIp = await httpsRequest(`${server.url}/status.php`, { ca: server.tls!.ca! });
    expect([byIp.status, byIp.body]).toEqual([200, status]);
    const byName = await httpsRequest(`https://localhost:${portOf(server.url)}/status.php`, { ca: server.tls!.ca!, servername: 'localhost' });
    expect([byName.status, byName.body]).toEqual([200, status]);
  });

  test('the reported SHA-256 fingerprint is the one of the certificate the client receives; the certificate names the defaults', async () => {
    const server = await start({ tls: true });
    const answer = await httpsRequest(`${server.url}/status.php`, { ca: server.tls!.ca! });
    expect(server.tls!.fingerprint256).toBe(answer.peer.fingerprint256);
    expect(server.tls!.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(answer.peer.subjectaltname).toBe('DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, IP Address:10.0.2.2');
    expect(server.tls!.names).toEqual(['localhost', '127.0.0.1', '::1', '10.0.2.2']);
    // The served certificate is issued by the CA a client installs, and the CA is a CA.
    const ca = new X509Certificate(server.tls!.ca!);
    expect(ca.ca).toBe(true);
    expect(new X509Certificate(answer.peer.raw).checkIssued(ca)).toBe(true);
    expect(server.tls!.caFingerprint256).toBe(ca.fingerprint256);
  });

  test('a client that does not trust the CA is refused (verification really happens)', async () => {
    const server = await start({ tls: true });
    const other = await start({ tls: true });
    await expect(httpsRequest(`${server.url}/status.php`, { ca: other.tls!.ca! })).rejects.toMatchObject({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  });

  test('names: extra names join the defaults; a wrong name stops the start with TlsError', async () => {
    const server = await start({ tls: { names: ['192.168.1.20', 'Laptop.Local'] } });
    const answer = await httpsRequest(`${server.url}/status.php`, { ca: server.tls!.ca! });
    expect(answer.peer.subjectaltname).toBe('DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, IP Address:10.0.2.2, IP Address:192.168.1.20, DNS:laptop.local');
    await expect(start({ tls: { names: ['not a name'] } })).rejects.toThrow(new TlsError('names', '"not a name" is neither a host name nor an IP address'));
  });

  test('listening on 0.0.0.0: the certificate also names the machine and each of its IPv4 LAN addresses (what a phone connects to)', async () => {
    const server = await start({ host: '0.0.0.0', tls: true });
    const lan = Object.values(networkInterfaces()).flatMap((entries) => entries ?? []).filter((entry) => entry.family === 'IPv4' && !entry.internal);
    expect(server.tls!.names).toEqual(expect.arrayContaining([hostname().toLowerCase(), ...lan.map((entry) => entry.address)]));
    expect(server.tls!.names.slice(0, 4)).toEqual(['localhost', '127.0.0.1', '::1', '10.0.2.2']);
  });

  test('dir: the CA is made there once and kept; a second start issues its certificate from the same CA, the key only its owner reads', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ocs-mock-tls-test-')), 'ca');
    const first = await start({ tls: { dir } });
    expect(first.tls!.caFile).toBe(join(dir, 'ca.crt'));
    expect(readFileSync(join(dir, 'ca.crt'), 'utf8')).toBe(first.tls!.ca);
    expect(statSync(join(dir, 'ca.key')).mode & 0o777).toBe(0o600);
    const second = await start({ tls: { dir } });
    expect(second.tls!.caFingerprint256).toBe(first.tls!.caFingerprint256);
    expect(second.tls!.fingerprint256).not.toBe(first.tls!.fingerprint256);
    const answer = await httpsRequest(`${second.url}/status.php`, { ca: readFileSync(join(dir, 'ca.crt')) });
    expect(answer.status).toBe(200);
  });
});

describe('everything behaves the same over TLS', () => {
  test('v1 XML and v2 JSON OCS answers, the control API, and sessions', async () => {
    const server = await start({ tls: true });
    const ca = server.tls!.ca!;
    const v1 = await httpsRequest(`${server.url}/ocs/v1.php/cloud/groups`, { ca, headers: ADMIN });
    expect([v1.status, v1.headers['content-type'], v1.body]).toEqual([200, 'application/xml; charset=utf-8', okXml(1, xmlList('groups', ['admin', 'empty', 'group1', 'group2']))]);
    const created = await httpsRequest(`${server.url}/ocs/v2.php/cloud/groups?format=json`, {
      ca,
      method: 'POST',
      headers: { ...ADMIN, 'X-Mock-Session': 'phone', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'groupid=mobile',
    });
    expect([created.status, created.body]).toEqual([200, okJson(2)]);
    const inSession = await httpsRequest(`${server.url}/ocs/v2.php/cloud/groups?format=json`, { ca, headers: { ...ADMIN, 'X-Mock-Session': 'phone' } });
    expect(inSession.body).toBe(okJson(2, '{"groups":["admin","empty","group1","group2","mobile"]}'));
    const outside = await httpsRequest(`${server.url}/ocs/v2.php/cloud/groups?format=json`, { ca, headers: ADMIN });
    expect(outside.body).toBe(okJson(2, '{"groups":["admin","empty","group1","group2"]}'));
    const journal = await httpsRequest(`${server.url}/__admin/requests`, { ca });
    expect(journal.status).toBe(200);
    expect((JSON.parse(journal.body) as { requests: { version: number; path: string }[] }).requests.map((entry) => [entry.version, entry.path])).toEqual([
      [1, '/cloud/groups'],
      [2, '/cloud/groups'],
    ]);
  });

  test('capabilities name the https URLs a client must use (capabilities/admin.v2-json over https)', async () => {
    const server = await start({ tls: true, fixture: NC29_SERVER });
    // IURLGenerator::getAbsoluteURL takes the protocol of the request (IRequest::getServerProtocol): the
    // recorded answer came over http; over https the same URLs start https://.
    const recorded = RECORDINGS.find((exchange) => exchange.id === 'capabilities/admin.v2-json')!.response.body;
    expect(recorded).toContain('http:\\/\\/127.0.0.1:18080\\/');
    const expected = recorded.replaceAll('http:\\/\\/127.0.0.1:18080\\/', 'https:\\/\\/127.0.0.1:18080\\/');
    const answer = await httpsRequest(`${server.url}/ocs/v2.php/cloud/capabilities?format=json`, { ca: server.tls!.ca!, headers: { ...ADMIN, Host: '127.0.0.1:18080' } });
    expect([answer.status, answer.body]).toEqual([200, expected]);
  });
});

describe('startServer({ tls: { cert, key } }): a given certificate', () => {
  test('is served as given: the client receives exactly it, and trusts the server with it', async () => {
    const cert = tlsFile('given.crt');
    const server = await start({ tls: { cert, key: tlsFile('given.key') } });
    const answer = await httpsRequest(`https://localhost:${portOf(server.url)}/status.php`, { ca: cert, servername: 'localhost' });
    expect(answer.peer.raw.equals(new X509Certificate(cert).raw)).toBe(true);
    // openssl x509 -in test/fixtures/tls/given.crt -noout -fingerprint -sha256
    expect(server.tls!.fingerprint256).toBe('F9:48:AB:70:E1:91:26:21:6B:81:85:01:99:C8:B5:09:09:27:0A:F4:C6:F4:F0:5E:AC:82:01:B7:72:27:17:09');
    expect(server.tls!.names).toEqual(['localhost', '127.0.0.1']);
    expect(server.tls!.ca).toBeUndefined();
  });

  test('a certificate that is no certificate, or a key of another certificate, stops the start with TlsError', async () => {
    await expect(start({ tls: { cert: tlsFile('given.key'), key: tlsFile('given.key') } })).rejects.toMatchObject({ name: 'TlsError', part: 'cert' });
    await expect(start({ tls: { cert: tlsFile('given.crt'), key: tlsFile('given.crt') } })).rejects.toMatchObject({ name: 'TlsError', part: 'key' });
    await expect(start({ tls: { cert: tlsFile('given.crt'), key: tlsFile('other.key') } })).rejects.toThrow(new TlsError('key', 'is not the private key of the certificate'));
  });

  test('an expired certificate stops the start with TlsError naming the date (clients would refuse it)', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const subject = { organization: 'ocs-mock tests', commonName: 'localhost' };
    const cert = issueCertificate({
      subject,
      publicKey,
      issuer: { subject, key: privateKey, publicKey },
      notBefore: new Date('2020-01-01T00:00:00Z'),
      notAfter: new Date('2021-01-01T00:00:00Z'),
      role: { ca: false, names: ['localhost'] },
    });
    const key = privateKey.export({ type: 'pkcs8', format: 'pem' });
    await expect(start({ tls: { cert, key } })).rejects.toThrow(new TlsError('cert', 'expired on Jan  1 00:00:00 2021 GMT'));
  });
});

test('a plain TLS handshake against a plain HTTP server fails: without tls nothing changes', async () => {
  const server = await start({});
  expect(server.url.startsWith('http://')).toBe(true);
  expect(server.tls).toBeUndefined();
  await new Promise<void>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: Number(portOf(server.url)), rejectUnauthorized: false });
    socket.on('error', () => resolve());
  });
});
