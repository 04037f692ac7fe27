import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { request } from 'node:http';
import { describe, expect, test } from 'vitest';
import { runCli, serveCli } from '../support/runCli.js';
import { httpsRequest } from './support.js';

const tlsFixture = (name: string) => fileURLToPath(new URL(`../fixtures/tls/${name}`, import.meta.url));

// serve on a free port: the CLI runs of test/support/runCli.ts (each killed when its test ends).
const start = (args: string[]) => serveCli(['serve', '--port', '0', ...args]);
const failed = (args: string[]) => runCli(['serve', '--port', '0', ...args]);

describe('serve --tls', () => {
  test('--tls --tls-name 192.168.1.20: https URL; the banner shows the fingerprint the client receives and the CA file a client trusts', async () => {
    const { banner, url } = await start(['--tls', '--tls-name', '192.168.1.20']);
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const fingerprint = /TLS certificate SHA-256: (\S+)/.exec(banner)?.[1];
    const caFile = /CA to trust on clients: (\S+)/.exec(banner)?.[1];
    expect(caFile).toMatch(/ca\.crt$/);
    const answer = await httpsRequest(`${url}/status.php`, { ca: readFileSync(caFile!) });
    expect(answer.status).toBe(200);
    expect(answer.peer.fingerprint256).toBe(fingerprint);
    expect(answer.peer.subjectaltname).toBe('DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, IP Address:10.0.2.2, IP Address:192.168.1.20');
    expect(banner).toContain('    valid for localhost, 127.0.0.1, ::1, 10.0.2.2, 192.168.1.20 until ');
  });

  test('plain HTTP sent to the HTTPS port: the request log says so, with what to do', async () => {
    const { url, output } = await start(['--tls']);
    await new Promise<void>((resolve) => {
      const req = request(url.replace('https:', 'http:') + '/status.php', () => resolve());
      req.on('error', () => resolve());
      req.end();
    });
    await expect.poll(output).toMatch(/connection 127\.0\.0\.1:\d+ closed: TLS handshake failed \(ERR_SSL_HTTP_REQUEST\): plain HTTP sent to the HTTPS port: use an https:\/\/ URL\n/);
  });

  test('--cert and --key serve that certificate; the banner shows its fingerprint (openssl x509 -fingerprint -sha256)', async () => {
    const { banner, url } = await start(['--cert', tlsFixture('given.crt'), '--key', tlsFixture('given.key')]);
    expect(banner).toContain('TLS certificate SHA-256: F9:48:AB:70:E1:91:26:21:6B:81:85:01:99:C8:B5:09:09:27:0A:F4:C6:F4:F0:5E:AC:82:01:B7:72:27:17:09\n');
    expect(banner).not.toContain('CA to trust');
    const answer = await httpsRequest(`${url.replace('127.0.0.1', 'localhost')}/status.php`, { ca: readFileSync(tlsFixture('given.crt')), servername: 'localhost' });
    expect(answer.peer.fingerprint256).toBe('F9:48:AB:70:E1:91:26:21:6B:81:85:01:99:C8:B5:09:09:27:0A:F4:C6:F4:F0:5E:AC:82:01:B7:72:27:17:09');
  });

  test('--cert naming no file -> exit 2 with the option, the file and the reason', async () => {
    const { code, stdout, stderr } = await failed(['--cert', '/nonexistent/server.crt', '--key', tlsFixture('given.key')]);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toBe("ocs-mock: --cert /nonexistent/server.crt: cannot read it (ENOENT: no such file or directory, open '/nonexistent/server.crt')\n");
  });

  test('--cert that holds no certificate -> exit 2 naming the file', async () => {
    const { code, stderr } = await failed(['--cert', tlsFixture('given.key'), '--key', tlsFixture('given.key')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`^ocs-mock: --cert ${tlsFixture('given.key')}: not a PEM certificate \\(.+\\)\\n$`));
  });

  test('--key of another certificate -> exit 2 naming both files', async () => {
    const { code, stderr } = await failed(['--cert', tlsFixture('given.crt'), '--key', tlsFixture('other.key')]);
    expect(code).toBe(2);
    expect(stderr).toBe(`ocs-mock: --key ${tlsFixture('other.key')} (for --cert ${tlsFixture('given.crt')}): is not the private key of the certificate\n`);
  });

  test('--cert without --key, or a --tls-name that is no name -> exit 2 saying what is wrong', async () => {
    const alone = await failed(['--cert', tlsFixture('given.crt')]);
    expect([alone.code, alone.stderr]).toEqual([2, 'ocs-mock: --cert and --key go together: give both files (PEM)\n']);
    const badName = await failed(['--tls', '--tls-name', 'no such name']);
    expect([badName.code, badName.stderr]).toEqual([2, 'ocs-mock: --tls-name: "no such name" is neither a host name nor an IP address\n']);
  });
});
