import { request } from 'node:https';
import type { PeerCertificate } from 'node:tls';

export interface TlsAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The certificate the server presented (verification was on). */
  peer: PeerCertificate;
}

export interface TlsRequest {
  /** What the client trusts (PEM); verification is always on. */
  ca: string | Buffer;
  method?: string;
  headers?: Record<string, string>;
  /** The name the client checks the certificate against, and sends as SNI when it is a host name. */
  servername?: string;
  body?: string;
}

/** One HTTPS request through node's own TLS client, on a connection of its own. */
export function httpsRequest(url: string, options: TlsRequest): Promise<TlsAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? 'GET',
        ca: options.ca,
        rejectUnauthorized: true,
        agent: false,
        headers: options.headers,
        ...(options.servername === undefined ? {} : { servername: options.servername }),
      },
      (res) => {
        const socket = res.socket as import('node:tls').TLSSocket;
        const peer = socket.getPeerCertificate();
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, peer }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export const ADMIN = { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}`, 'OCS-APIRequest': 'true' };
