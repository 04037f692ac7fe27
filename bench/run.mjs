// `npm run bench`: the issue-12 table, measured in one run beside a bare node:http ceiling.
// Options: --prism (or BENCH_PRISM=1) adds Prism 5.14.2; --json <file> writes the raw figures.
// BENCH_DURATION (s per round, default 5), BENCH_ROUNDS (default 3) and BENCH_SCALE (users and
// groups of the large store, default 100000) shorten a run.
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { captureAnswers } from './capture.mjs';
import { CASES } from './cases.mjs';
import { startCeiling, startMock } from './children.mjs';
import { coldStart } from './coldStart.mjs';
import { importTime, startServerTime } from './library.mjs';
import { CONNECTIONS, DURATION_S, ROUNDS, throughput } from './load.mjs';
import { machineFacts } from './machine.mjs';
import { PRISM_PACKAGE, prismBinary, startPrism } from './prism.mjs';
import { mainTable, scaleTable } from './report.mjs';
import { cpuPerRequest, scaleCases, searchP99, smallCases, startLarge } from './scale.mjs';
import { SCALE_GROUPS, SCALE_USERS, scaleArgs } from './scaleFixture.mjs';

const { values: options } = parseArgs({ options: { prism: { type: 'boolean' }, json: { type: 'string' } } });
const withPrism = options.prism || process.env.BENCH_PRISM === '1';
const progress = (text) => process.stderr.write(`bench: ${text}\n`);

const machine = machineFacts();
console.log(`Machine: ${machine.cpus} x ${machine.cpuModel}, ${machine.memoryGiB} GiB; Node ${machine.node}; ${machine.os}; load average ${machine.loadAverage.join(' ')}`);
console.log(`Load: autocannon, ${CONNECTIONS} connections, median of ${ROUNDS} x ${DURATION_S} s per case; each server in its own process.\n`);

const prismBin = withPrism ? prismBinary() : undefined;

async function measureThroughput() {
  const mock = await startMock();
  const answersFile = join(tmpdir(), `ocs-mock-bench-answers-${process.pid}.json`);
  writeFileSync(answersFile, JSON.stringify(await captureAnswers(mock.url, CASES)));
  const ceiling = await startCeiling(answersFile);
  const prism = prismBin ? await startPrism(prismBin) : undefined;
  const results = {};
  try {
    for (const testCase of CASES) {
      progress(testCase.label);
      const entry = { label: testCase.label, target: testCase.target };
      entry.ceiling = await throughput(ceiling.url, testCase);
      entry.mock = await throughput(mock.url, testCase);
      if (prism && testCase.prism) entry.prism = await throughput(prism.url, testCase);
      results[testCase.key] = entry;
    }
  } finally {
    await Promise.all([mock.stop(), ceiling.stop(), prism?.stop()]);
  }
  return { results, answersFile };
}

async function measureScale() {
  progress(`--users ${SCALE_USERS} start-up`);
  const usersOnly = await startLarge(['--users', String(SCALE_USERS)]);
  await usersOnly.server.stop();
  const { args, groupsFrom, file } = scaleArgs();
  progress(`${SCALE_USERS} users + ${SCALE_GROUPS} groups start-up`);
  const full = await startLarge(args);
  try {
    const cpu = {};
    for (const testCase of await scaleCases(full.server)) {
      progress(`CPU per request: ${testCase.label}`);
      cpu[testCase.key] = { key: testCase.key, label: testCase.label, path: testCase.path, ...(await cpuPerRequest(full.server, testCase.path)) };
    }
    progress('search p99');
    const search = await searchP99(full.server);
    progress('CPU per request on the default fixture');
    const small = await startMock();
    try {
      for (const testCase of smallCases()) cpu[testCase.key].small = (await cpuPerRequest(small, testCase.path)).ms;
    } finally {
      await small.stop();
    }
    return {
      users: SCALE_USERS,
      groups: SCALE_GROUPS,
      groupsFrom,
      usersOnly: { startMs: usersOnly.startMs, rssBytes: usersOnly.rssBytes },
      full: { startMs: full.startMs, rssBytes: full.rssBytes },
      cpu,
      search,
    };
  } finally {
    await full.server.stop();
    if (file) rmSync(file);
  }
}

const { results: throughputFigures, answersFile } = await measureThroughput();
progress('cold starts');
const cold = {
  ceiling: await coldStart(() => startCeiling(answersFile)),
  mock: await coldStart(() => startMock()),
  prism: prismBin ? await coldStart(() => startPrism(prismBin)) : undefined,
};
progress('library entry');
const library = { importMs: await importTime(), startServerMs: await startServerTime() };
const scale = await measureScale();
rmSync(answersFile);

const figures = {
  machine,
  settings: { connections: CONNECTIONS, durationS: DURATION_S, rounds: ROUNDS, prism: withPrism ? PRISM_PACKAGE : null },
  throughput: throughputFigures,
  coldStart: cold,
  library,
  scale,
};

console.log(mainTable(figures));
console.log(
  withPrism
    ? `\nPrism: ${PRISM_PACKAGE} mock on openapi.json, logging silent (POST with a JSON body: Prism accepts only the spec's media type).`
    : `\nPrism: not measured ("-"). Include it with \`npm run bench -- --prism\` or BENCH_PRISM=1 (fetches ${PRISM_PACKAGE} with npx).`,
);
console.log('Ceiling: a bare node:http server sending the bytes ocs-mock answered to each case (captured at start).\n');
console.log(scaleTable(scale));
console.log('\nCPU: the server process\'s user + system time (/proc/<pid>/stat) over sequential requests on one connection, divided by their number (median of 3 rounds); the issue asks for "well under 1 ms". The default-fixture column is the same request on the default fixture (a few users), and the floor row a request that does no work: what is left above them is what the store size and the answer cost.');
if (options.json) {
  writeFileSync(options.json, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`Raw figures: ${options.json}`);
}
