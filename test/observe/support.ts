import { freshMock, type TestMock } from '../support/mock.js';
import type { MockOptions } from '../../src/mock.js';

/** A mock whose request log writes into `lines`. */
export async function loggedMock(log: NonNullable<MockOptions['log']> = {}, options: MockOptions = {}): Promise<TestMock & { lines: string[] }> {
  const lines: string[] = [];
  const mock = await freshMock({ ...options, log: { level: 'info', ...log, write: (line) => lines.push(line) } });
  return { ...mock, lines };
}

/** A text log line with its time and duration replaced, so it can be compared whole. */
export function stable(line: string): string {
  return line.replace(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z /, '<time> ').replace(/ \d+\.\dms/, ' <d>ms');
}
