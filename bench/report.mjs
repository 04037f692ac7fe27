// Turns the raw figures into the issue-12 table and the scale table, with verdicts.
import { format, markdownTable, verdict } from './table.mjs';

const TARGETS = {
  coldStartRatio: 2.5,
  importMs: 150,
  startServerMs: 20,
  scaleStartMs: 3000,
  scaleRssBytes: 500 * 2 ** 20,
  cpuMs: 1,
  searchP99Ms: 20,
};

function throughputRow(label, figures) {
  const { ceiling, mock, prism, target } = figures;
  const ratio = mock.rps / ceiling.rps;
  const prismRatio = prism ? mock.rps / prism.rps : undefined;
  let targetText = '-';
  let met;
  if (target) {
    const parts = [`>= ${target.ceiling}x ceiling`];
    met = ratio >= target.ceiling;
    if (target.prism) {
      parts.push(`>= ${target.prism}x Prism`);
      if (prismRatio !== undefined) met = met && prismRatio >= target.prism;
    }
    targetText = parts.join(', ');
  }
  const prismCell = prism ? `${format.rps(prism.rps)} (mock ${format.ratio(prismRatio)})` : '-';
  const unjudged = target?.prism && prismRatio === undefined ? ' (ceiling part)' : '';
  return [`${label}, req/s`, format.rps(ceiling.rps), format.rps(mock.rps), format.ratio(ratio), prismCell, targetText, verdict(met) + (met === undefined ? '' : unjudged)];
}

/** The main table: throughput, cold start and the library entry. */
export function mainTable(figures) {
  const rows = Object.values(figures.throughput).map((entry) => throughputRow(entry.label, entry));
  const cold = figures.coldStart;
  const coldRatio = cold.mock.ms / cold.ceiling.ms;
  rows.push([
    'cold start, spawn to first 200',
    format.ms(cold.ceiling.ms),
    format.ms(cold.mock.ms),
    format.ratio(coldRatio),
    format.ms(cold.prism?.ms),
    `<= ${TARGETS.coldStartRatio}x ceiling`,
    verdict(coldRatio <= TARGETS.coldStartRatio),
  ]);
  const { importMs, startServerMs } = figures.library;
  rows.push(["`import('ocs-mock')`, fresh process", '', format.ms(importMs.ms), '', '', `<= ${TARGETS.importMs} ms`, verdict(importMs.ms <= TARGETS.importMs)]);
  rows.push(['`startServer()` ready, warm process', '', format.ms(startServerMs.ms), '', '', `<= ${TARGETS.startServerMs} ms`, verdict(startServerMs.ms <= TARGETS.startServerMs)]);
  return markdownTable(['case', 'bare node:http', 'ocs-mock', 'ratio', 'Prism', 'target', 'verdict'], rows);
}

/** The scale table: a large store's start-up, memory, CPU per request and search latency. */
export function scaleTable(scale) {
  const users = scale.users.toLocaleString('en-US');
  const groups = scale.groups.toLocaleString('en-US');
  const rows = [
    [`start-up to first 200, \`--users ${scale.users}\` alone`, format.ms(scale.usersOnly.startMs), '', `<= ${TARGETS.scaleStartMs / 1000} s`, verdict(scale.usersOnly.startMs <= TARGETS.scaleStartMs)],
    [`RSS after start-up, \`--users ${scale.users}\` alone`, format.mb(scale.usersOnly.rssBytes), '', `<= ${format.mb(TARGETS.scaleRssBytes)}`, verdict(scale.usersOnly.rssBytes <= TARGETS.scaleRssBytes)],
    [`start-up to first 200, ${users} users + ${groups} groups`, format.ms(scale.full.startMs), '', '-', '-'],
    [`RSS after start-up, ${users} users + ${groups} groups`, format.mb(scale.full.rssBytes), '', '-', '-'],
  ];
  for (const entry of Object.values(scale.cpu)) {
    const judged = entry.key !== 'floor';
    rows.push([
      `server CPU per request: ${entry.label} (${entry.requests} sequential)`,
      format.ms(entry.ms),
      format.ms(entry.small),
      judged ? `< ${TARGETS.cpuMs} ms` : '-',
      judged ? verdict(entry.ms < TARGETS.cpuMs) : '-',
    ]);
  }
  rows.push([`search \`users?search=an&limit=25\` p99, 10 connections`, format.ms(scale.search.p99Ms), '', `<= ${TARGETS.searchP99Ms} ms`, verdict(scale.search.p99Ms <= TARGETS.searchP99Ms)]);
  return markdownTable([`large store: ${users} users + ${groups} groups (groups by ${scale.groupsFrom})`, 'ocs-mock', 'default fixture', 'target', 'verdict'], rows);
}
