import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Asked {
  method: string;
  /** Path and query as the client sent them, e.g. `/ocs/v2.php/cloud/users?format=json`. */
  url: string;
  version: 1 | 2;
  json: boolean;
  /** The request body as sent. */
  body: string;
}

export type Rewrite = (asked: Asked, answer: Answer) => Answer;
/** Answers in the server's place (the request never reaches it), or undefined to forward it. */
export type Intercept = (asked: Asked) => Answer | undefined;

export interface Proxy {
  url: string;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A deliberately broken server: forwards every request to a good one (our mock) and lets the test
 * rewrite the answer, like a misbehaving proxy in front of Nextcloud would — or answer in its place.
 */
export async function rewritingProxy(upstream: string, rewrite: Rewrite, intercept?: Intercept): Promise<Proxy> {
  const server = createServer((req, res) => {
    void (async () => {
      const body = (await readBody(req)).toString('utf8');
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name)) headers[name] = value;
      }
      const method = req.method ?? 'GET';
      const url = req.url ?? '/';
      const asked: Asked = { method, url, version: url.startsWith('/ocs/v1.php') ? 1 : 2, json: /[?&]format=json\b/.test(url), body };
      let out = intercept?.(asked);
      if (!out) {
        const upstreamAnswer = await fetch(upstream + url, { method, headers, body: body.length ? body : undefined, redirect: 'manual' });
        const answer: Answer = { status: upstreamAnswer.status, headers: {}, body: await upstreamAnswer.text() };
        upstreamAnswer.headers.forEach((value, name) => {
          if (!['content-length', 'connection', 'keep-alive', 'transfer-encoding', 'date'].includes(name)) answer.headers[name] = value;
        });
        out = rewrite(asked, answer);
      }
      res.writeHead(out.status, out.headers);
      res.end(out.body);
    })().catch((error: unknown) => {
      res.writeHead(502);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
