// The throughput cases of issue 12, in the order they run against one mock process.
// The v1 group list runs before the POST workload (which adds a group per request, so the list
// would grow); /cloud/users/recent runs after it, where the issue saw it collapse.

export const HEADERS = {
  authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}`,
  'ocs-apirequest': 'true',
};

/** A group id no other request of this run uses. */
let created = 0;
const nextGroupBody = () => JSON.stringify({ groupid: `bench-${process.pid}-${++created}` });

export const CASES = [
  {
    key: 'apps',
    label: 'GET /cloud/apps v2 JSON',
    method: 'GET',
    path: '/ocs/v2.php/cloud/apps?format=json',
    target: { ceiling: 0.5, prism: 5 },
    prism: true,
  },
  { key: 'groupsXml', label: 'GET /cloud/groups v1 XML', method: 'GET', path: '/ocs/v1.php/cloud/groups' },
  { key: 'user', label: 'GET /cloud/users/alice v2 JSON', method: 'GET', path: '/ocs/v2.php/cloud/users/alice?format=json' },
  { key: 'unknown', label: 'unknown route v2 JSON (998)', method: 'GET', path: '/ocs/v2.php/cloud/nothing?format=json' },
  {
    key: 'createGroup',
    label: 'POST /cloud/groups v2 JSON (new group each)',
    method: 'POST',
    path: '/ocs/v2.php/cloud/groups?format=json',
    // JSON, not a form: Prism accepts only the spec's application/json request body.
    contentType: 'application/json',
    body: nextGroupBody,
    target: { ceiling: 0.5 },
    prism: true,
  },
  {
    key: 'recent',
    label: 'GET /cloud/users/recent v2 JSON (after POSTs)',
    method: 'GET',
    path: '/ocs/v2.php/cloud/users/recent?format=json',
  },
];

/** The request headers of a case (its content type if it has a body). */
export function headersOf(testCase) {
  return testCase.contentType ? { ...HEADERS, 'content-type': testCase.contentType } : HEADERS;
}
