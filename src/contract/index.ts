export { runCheck, DEFAULT_CHECK_SPEC } from './run.js';
export { addCheckCommand } from './command.js';
export { junitXml } from './reporters/junit.js';
export { CheckError, type CheckOptions, type CheckResult, type CheckTarget, type CaseResult, type CaseStatus, type Problem } from './types.js';
