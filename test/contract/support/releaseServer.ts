import type { Rewrite } from './rewritingProxy.js';

/** The path below /ocs/v{1,2}.php, without the query. */
export const ocsPath = (url: string): string => url.split('?')[0]!.replace(/^\/ocs\/v[12]\.php/, '');

/** status.php reporting `versionstring` (and a four-part `version` from it); everything else as it was. */
export function reportingVersion(versionstring: string): Rewrite {
  return (asked, answer) => {
    if (asked.url !== '/status.php') return answer;
    const status = JSON.parse(answer.body) as Record<string, unknown>;
    return { ...answer, body: JSON.stringify({ ...status, version: `${versionstring}.1`, versionstring }) };
  };
}
