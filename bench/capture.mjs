// Captures what a running mock answers to each case (status, headers, body bytes), so the
// ceiling can send the very same answers.
import http from 'node:http';
import { headersOf } from './cases.mjs';

/** Headers node:http writes itself for every answer; the ceiling's server adds its own. */
const PER_CONNECTION = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

/** Sends one request of a case and resolves with its whole answer. */
export function send(url, testCase) {
  const body = typeof testCase.body === 'function' ? testCase.body() : testCase.body;
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}${testCase.path}`, { method: testCase.method, headers: headersOf(testCase) }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** One stored answer per case, routed by method and path (without the query). */
export async function captureAnswers(url, cases) {
  const answers = [];
  for (const testCase of cases) {
    const answer = await send(url, testCase);
    const headers = [];
    for (let i = 0; i < answer.rawHeaders.length; i += 2) {
      if (!PER_CONNECTION.has(answer.rawHeaders[i].toLowerCase())) headers.push([answer.rawHeaders[i], answer.rawHeaders[i + 1]]);
    }
    answers.push({
      method: testCase.method,
      path: new URL(testCase.path, url).pathname,
      status: answer.status,
      headers,
      body: answer.body.toString('base64'),
    });
  }
  return answers;
}
