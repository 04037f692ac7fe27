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
    node.failure = { '@_message': result.reason ?? '', '@_type': 'ContractViolation', '#text': details };
  }
  if (result.curl) node['system-out'] = `${result.method} ${result.path}\n${result.curl}`;
  return node;
}

/** JUnit XML as CI systems read it: one testsuite, one testcase per operation. */
export function junitXml(result: CheckResult): string {
  const { total, failed, skipped } = result.summary;
  const suite = {
    '@_name': `ocs-mock check ${result.url}`,
    '@_tests': total,
    '@_failures': failed,
    '@_errors': 0,
    '@_skipped': skipped,
    '@_timestamp': result.startedAt,
    '@_time': seconds(result.durationMs),
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
