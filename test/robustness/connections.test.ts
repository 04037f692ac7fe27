import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server.js';
import { oneRule } from '../scenarios/support.js';

const ADMIN = `Basic ${Buffer.from('admin:admin').toString('base64')}`;
const TIME = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z';

/** A raw connection and its local port (read while open: a closed socket no longer has one). */
function open(running: RunningServer): Promise<{ socket: Socket; port: number }> {
  const socket = connect(Number(new URL(running.url).port), '127.0.0.1');
  socket.on('error', () => undefined);
  return new Promise((resolve) => socket.once('connect', () => resolve({ socket, port: socket.localPort! })));
}

const closed = (socket: Socket) => new Promise<void>((resolve) => (socket.closed ? resolve() : socket.once('close', () => resolve())));

describe('idle connections are closed', () => {
  it('a connection that sends nothing is closed after idleTimeoutMs, with a log line (issue 11: 200 silent sockets stayed open)', async () => {
    const lines: string[] = [];
    const running = await startServer({ nextcloud: '29.0.6', idleTimeoutMs: 50, log: { level: 'info', write: (line) => lines.push(line) } });
    try {
      const { socket: silent, port } = await open(running);
      let received = '';
      silent.on('data', (chunk: Buffer) => (received += chunk.toString()));
      await closed(silent);
      expect(received).toBe('');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        new RegExp(`^${TIME} connection 127\\.0\\.0\\.1:${port} closed: no request in 50 ms \\(idle timeout, --idle-timeout\\)$`),
      );
    } finally {
      await running.close();
    }
  });

  it('json log: the idle close is one object a line', async () => {
    const lines: string[] = [];
    const running = await startServer({ nextcloud: '29.0.6', idleTimeoutMs: 50, log: { level: 'info', format: 'json', write: (line) => lines.push(line) } });
    try {
      const { socket: silent, port } = await open(running);
      await closed(silent);
      expect(lines).toHaveLength(1);
      const { time, ...rest } = JSON.parse(lines[0]) as { time: string };
      expect(time).toMatch(new RegExp(`^${TIME}$`));
      expect(rest).toEqual({ connection: 'closed', remote: `127.0.0.1:${port}`, reason: 'no request in 50 ms (idle timeout, --idle-timeout)' });
    } finally {
      await running.close();
    }
  });

  it('a connection that pipelines and does not read its answer is closed after idleTimeoutMs, with a log line', async () => {
    const lines: string[] = [];
    const running = await startServer({ nextcloud: '29.0.6', users: 300, idleTimeoutMs: 200, log: { level: 'info', write: (line) => lines.push(line) } });
    const accepted: Socket[] = [];
    running.server.on('connection', (socket: Socket) => accepted.push(socket));
    try {
      const { socket: reader, port } = await open(running);
      reader.pause();
      const request = `GET /ocs/v2.php/cloud/users/details?format=json HTTP/1.1\r\nHost: x\r\nOCS-APIRequest: true\r\nAuthorization: ${ADMIN}\r\n\r\n`;
      reader.write(request.repeat(40));
      while (accepted.length < 1) await new Promise((resolve) => running.server.once('connection', resolve));
      await closed(accepted[0]);
      reader.destroy();
      const idle = lines.filter((line) => line.includes(' connection '));
      expect(idle).toHaveLength(1);
      expect(idle[0]).toMatch(new RegExp(`^${TIME} connection 127\\.0\\.0\\.1:${port} closed: answer not read for 200 ms \\(idle timeout, --idle-timeout\\)$`));
    } finally {
      await running.close();
    }
  });

  it('a connection waiting for a delayed answer (scenario delay over the idle timeout) is not idle: the answer arrives', async () => {
    const running = await startServer({ nextcloud: '29.0.6', idleTimeoutMs: 20, scenarios: [oneRule({ delay: 200 })] });
    try {
      const res = await fetch(`${running.url}/ocs/v2.php/cloud/groups?format=json`, { headers: { 'OCS-APIRequest': 'true', Authorization: ADMIN } });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('{"ocs":{"meta":{"status":"ok","statuscode":200,"message":"OK"},"data":{"groups":["admin","empty","group1","group2"]}}}');
    } finally {
      await running.close();
    }
  });
});

describe('connections are capped', () => {
  it('one over maxConnections is dropped with a log line; after one closes, a normal client is answered', async () => {
    const lines: string[] = [];
    const running = await startServer({ nextcloud: '29.0.6', maxConnections: 2, log: { level: 'info', write: (line) => lines.push(line) } });
    const accepted: Socket[] = [];
    running.server.on('connection', (socket: Socket) => accepted.push(socket));
    try {
      const { socket: first } = await open(running);
      await open(running);
      while (accepted.length < 2) await new Promise((resolve) => running.server.once('connection', resolve));
      const { socket: refused, port } = await open(running);
      let received = '';
      refused.on('data', (chunk: Buffer) => (received += chunk.toString()));
      await closed(refused);
      expect(received).toBe('');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        new RegExp(`^${TIME} connection 127\\.0\\.0\\.1:${port} refused: 2 connections open \\(connection cap, --max-connections\\)$`),
      );

      first.destroy();
      await closed(accepted[0]);
      const res = await fetch(`${running.url}/ocs/v2.php/cloud/groups?format=json`, { headers: { 'OCS-APIRequest': 'true', Authorization: ADMIN } });
      expect(res.status).toBe(200);
    } finally {
      await running.close();
    }
  });
});
