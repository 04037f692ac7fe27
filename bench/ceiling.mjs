// The ceiling: a bare node:http server sending precomputed answers (the mock's own, captured at
// bench start), routed by method and path only. Usage: node bench/ceiling.mjs <answers.json>
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const answers = new Map();
for (const answer of JSON.parse(readFileSync(process.argv[2], 'utf8'))) {
  const body = Buffer.from(answer.body, 'base64');
  const headers = [...answer.headers.flat(), 'Content-Length', String(body.length)];
  answers.set(`${answer.method} ${answer.path}`, { status: answer.status, headers, body });
}

const server = createServer((req, res) => {
  const end = req.url.indexOf('?');
  const answer = answers.get(`${req.method} ${end === -1 ? req.url : req.url.slice(0, end)}`);
  // Read the request body (a POST's form) before answering, as any real server does.
  req.resume();
  if (!answer) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
});
server.listen(0, '127.0.0.1', () => console.log(`ceiling listening on http://127.0.0.1:${server.address().port}`));
