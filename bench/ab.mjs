// A/B of built copies of ocs-mock, each beside the ceiling in the same minute: how BENCHMARKS.md
// measured each change. Usage: node bench/ab.mjs <dir> [<dir> ...], each dir a built checkout
// (bin/ocs-mock.js, dist/, node_modules/). Every round runs the ceiling, then each copy in turn;
// it prints each copy's ratio and server CPU per request per round, then their medians.
// AB_CASE (a key of cases.mjs, default apps), AB_ROUNDS (default 4), AB_DURATION (s, default 4),
// AB_IDLE (ms every copy idles after start-up, default 0: V8's memory reducer acts after ~8 s).
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { captureAnswers } from './capture.mjs';
import { CASES } from './cases.mjs';
import { cpuMs, startCeiling, startChild } from './children.mjs';
import { fire } from './load.mjs';
import { median } from './stats.mjs';

const key = process.env.AB_CASE ?? 'apps';
const testCase = CASES.find((candidate) => candidate.key === key);
if (!testCase) throw new Error(`AB_CASE: no case "${key}" in bench/cases.mjs`);
const rounds = Number(process.env.AB_ROUNDS ?? 4);
const duration = Number(process.env.AB_DURATION ?? 4);
const dirs = process.argv.slice(2).map((dir) => resolve(dir));
if (dirs.length === 0) throw new Error('usage: node bench/ab.mjs <built checkout> [<built checkout> ...]');

const copies = [];
for (const dir of dirs) copies.push(await startChild(process.execPath, [join(dir, 'bin', 'ocs-mock.js'), 'serve', '--port', '0', '--log-level', 'silent']));
// Each copy sees one request of every case first, as in `npm run bench`; the ceiling answers the first copy's.
const answersFile = join(tmpdir(), `ocs-mock-ab-answers-${process.pid}.json`);
for (const copy of copies.slice(1)) await captureAnswers(copy.url, CASES);
writeFileSync(answersFile, JSON.stringify(await captureAnswers(copies[0].url, CASES)));
const ceiling = await startCeiling(answersFile);
await sleep(Number(process.env.AB_IDLE ?? 0));

const ratios = dirs.map(() => []);
const cpu = dirs.map(() => []);
try {
  for (let round = 0; round < rounds; round++) {
    const ceilingRps = (await fire(ceiling.url, testCase, { duration })).requests.average;
    const line = [`round ${round + 1}: ceiling ${Math.round(ceilingRps)} req/s`];
    for (const [i, copy] of copies.entries()) {
      const before = cpuMs(copy.child.pid);
      const result = await fire(copy.url, testCase, { duration });
      ratios[i].push(result.requests.average / ceilingRps);
      cpu[i].push(((cpuMs(copy.child.pid) - before) * 1000) / result.requests.total);
      line.push(`${dirs[i]} ${ratios[i].at(-1).toFixed(3)}x (${cpu[i].at(-1).toFixed(1)} µs)`);
    }
    console.log(line.join('  '));
  }
  for (const [i, dir] of dirs.entries()) console.log(`${dir}: median ${median(ratios[i]).toFixed(3)}x of the ceiling, ${median(cpu[i]).toFixed(1)} µs of server CPU per request`);
} finally {
  await Promise.all([...copies, ceiling].map((server) => server.stop()));
  rmSync(answersFile);
}
