import { expectedAnswer, type ExpectedAnswer } from '../../support/oracle.js';
import { NOT_FOUND_TEXT } from '../../support/protocol.js';
import type { Answer, Asked, Rewrite } from './rewritingProxy.js';

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

const UNKNOWN_ROUTE: ExpectedAnswer = { code: 998, message: NOT_FOUND_TEXT, origin: 'framework' };

/**
 * The GET routes newer than Nextcloud 29 that the mock serves, answered as the recorded 29.0.6 server
 * did (nc29 README item 35): /users/recent is users-get-user for a user "recent"
 * (users-get-last-logged-in-users/admin.*); the others are unknown routes (users-get-enabled-apps/admin.*,
 * users-get-users-groups-details/admin.*, users-get-user-sub-admin-groups-details/admin.*). The oracle
 * renders exactly the recorded status, Content-Type and body for all four variants.
 */
const NEWER_THAN_29: [RegExp, ExpectedAnswer][] = [
  [/^\/cloud\/users\/recent$/, { code: 404, message: 'User does not exist' }],
  [/^\/cloud\/user\/apps$/, UNKNOWN_ROUTE],
  [/^\/cloud\/users\/[^/]+\/groups\/details$/, UNKNOWN_ROUTE],
  [/^\/cloud\/users\/[^/]+\/subadmins\/details$/, UNKNOWN_ROUTE],
];

/** The mock's routes cut to Nextcloud 29's (PATCH /cloud/users/{id} is already a 405 there). */
export function withoutRoutesNewerThan29(asked: Asked): Answer | undefined {
  if (asked.method !== 'GET') return undefined;
  const found = NEWER_THAN_29.find(([path]) => path.test(ocsPath(asked.url)));
  if (!found) return undefined;
  const answer = expectedAnswer(asked.version, asked.json ? 'json' : 'xml', found[1]);
  return { status: answer.status, headers: { 'content-type': answer.contentType }, body: answer.body };
}
