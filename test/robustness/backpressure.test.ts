import type { ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../src/server.js';

const ADMIN = `Basic ${Buffer.from('admin:admin').toString('base64')}`;
const PIPELINED = 60;

describe('a client that pipelines and never reads', () => {
  it('gets one answer made at a time (the rest wait unbuilt) while another client is answered (issue 11: 20 x 300 GET /cloud/users/details grew RSS to 1.2 GB)', async () => {
    // 300 users: each /cloud/users/details answer is a few hundred KB, 60 of them far more than socket buffers hold.
    const running = await startServer({ nextcloud: '29.0.6', users: 300 });
    const hostile = connect(Number(new URL(running.url).port), '127.0.0.1');
    try {
      await new Promise((resolve) => hostile.once('connect', resolve));
      hostile.pause();
      const answers: ServerResponse[] = [];
      const allArrived = new Promise<void>((resolve) => {
        running.server.on('request', (req, res) => {
          if (req.socket.remotePort !== hostile.localPort) return;
          answers.push(res);
          if (answers.length === PIPELINED) resolve();
        });
      });
      const request = `GET /ocs/v2.php/cloud/users/details?format=json HTTP/1.1\r\nHost: x\r\nOCS-APIRequest: true\r\nAuthorization: ${ADMIN}\r\n\r\n`;
      hostile.write(request.repeat(PIPELINED));
      await allArrived;

      const normal = await fetch(`${running.url}/ocs/v2.php/cloud/users/alice?format=json`, {
        headers: { 'OCS-APIRequest': 'true', Authorization: ADMIN },
      });
      expect(normal.status).toBe(200);
      expect(((await normal.json()) as { ocs: { data: { id: string } } }).ocs.data.id).toBe('alice');

      // Built (ended) but not yet handed to the kernel: at most the one in progress.
      const buffered = answers.filter((res) => res.writableEnded && !res.writableFinished);
      expect(buffered.length).toBeLessThanOrEqual(1);
    } finally {
      hostile.destroy();
      await running.close();
    }
  });
});
