import { writeFileSync } from 'node:fs';
import { XMLBuilder } from 'fast-xml-parser';
import type { CaseResult, CheckResult } from '../types.js';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true });

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function testcase(result: CaseResult): Record<string, unknown> {
  const node: Record<string, unknown> = {
    '@_name': result.id,
    '@_classname': `ocs.${result.tags[0] ?? 'api'}`,
    '@_time': seconds(result.durationMs),
  };
  if (result.status === 'SKIP') node.skipped = { '@_message': result.reason ?? '' };
  if (result.status === 'FAIL') {
    const details = result.problems.map((p) => `${p.where}: ${p.message}\n  ${p.curl}`).join('\n');
    const message = result.note ? `${result.note}; ${result.reason ?? ''}` : (result.reason ?? '');
    node.failure = { '@_message': message, '@_type': 'ContractViolation', '#text': details };
  }
  // ABSENT passes: the server lacks the route as the release does; say so where CI shows output.
  const out = [...(result.status === 'ABSENT' ? [`ABSENT: ${result.reason ?? ''}`] : []), ...(result.curl ? [`${result.method} ${result.path}`, result.curl] : [])];
  if (out.length) node['system-out'] = out.join('\n');
  return node;
}

/** JUnit XML as CI systems read it: one testsuite, one testcase per operation, the versions as properties. */
export function junitXml(result: CheckResult): string {
  const { total, failed, skipped } = result.summary;
  const { serverVersion, release, chosenBy, spec } = result.target;
  const properties = [
    { '@_name': 'nextcloud.server', '@_value': serverVersion ?? '' },
    { '@_name': 'nextcloud.contract', '@_value': release },
    { '@_name': 'nextcloud.chosenBy', '@_value': chosenBy },
    { '@_name': 'spec', '@_value': spec },
  ];
  const suite = {
    '@_name': `ocs-mock check ${result.url} (Nextcloud ${serverVersion ?? 'unknown'}, ${release} contract)`,
    '@_tests': total,
    '@_failures': failed,
    '@_errors': 0,
    '@_skipped': skipped,
    '@_timestamp': result.startedAt,
    '@_time': seconds(result.durationMs),
    properties: { property: properties },
    testcase: result.cases.map(testcase),
  };
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: { '@_name': 'ocs-mock check', '@_tests': total, '@_failures': failed, '@_errors': 0, '@_skipped': skipped, '@_time': seconds(result.durationMs), testsuite: suite },
  };
  return builder.build(document) as string;
}

export function writeJunitReport(file: string, result: CheckResult): void {
  writeFileSync(file, junitXml(result));
}
