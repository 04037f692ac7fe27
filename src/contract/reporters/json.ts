import { writeFileSync } from 'node:fs';
import type { CheckResult } from '../types.js';

/** The structured result as it is, for tools that post-process a run. */
export function writeJsonReport(file: string, result: CheckResult): void {
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
}
