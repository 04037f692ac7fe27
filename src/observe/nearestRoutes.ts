import type { RouteDefinition, RouteTable } from '../http/routeTable.js';

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;
/** A route for another method is still a hint, a little further away than one for the same method. */
const OTHER_METHOD_COST = 2;

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

function segments(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

/** Segment by segment: a placeholder takes any segment; a missing or extra segment costs its length. */
function distance(requestSegments: string[], template: string): number {
  const templateSegments = segments(template);
  let cost = 0;
  for (let i = 0; i < Math.max(requestSegments.length, templateSegments.length); i++) {
    const sent = requestSegments[i];
    const expected = templateSegments[i];
    if (sent === undefined) cost += expected.length + 1;
    else if (expected === undefined) cost += sent.length + 1;
    else if (!expected.startsWith('{')) cost += levenshtein(sent, expected);
  }
  return cost;
}

const describe = (route: RouteDefinition): string => `${route.method} ${route.path}`;

/** Answers per route table for the last paths asked: a client that repeats a wrong path pays once. */
const remembered = new WeakMap<RouteTable, Map<string, string[]>>();
const REMEMBERED_PATHS = 256;

/** The (up to) 3 route templates closest to a path nobody routes, same method first on a tie. */
export function nearestRoutes(routes: RouteTable, method: string, path: string): string[] {
  let known = remembered.get(routes);
  if (!known) remembered.set(routes, (known = new Map()));
  const key = `${method} ${path}`;
  let nearest = known.get(key);
  if (!nearest) {
    nearest = Object.freeze(computeNearest(routes, method, path, 3)) as string[];
    if (key.length > 512) return nearest;
    if (known.size >= REMEMBERED_PATHS) known.delete(known.keys().next().value!);
    known.set(key, nearest);
  }
  return nearest;
}

function computeNearest(routes: RouteTable, method: string, path: string, limit: number): string[] {
  const sent = segments(path);
  const scored = routes.definitions.map((route) => ({
    route,
    cost: distance(sent, route.path) + (route.method === method ? 0 : OTHER_METHOD_COST),
  }));
  scored.sort((a, b) => a.cost - b.cost);
  return [...new Set(scored.map(({ route }) => describe(route)))].slice(0, limit);
}

/** The methods a path has routes for: what a 405 is about. */
export function allowedMethods(routes: RouteTable, path: string): string[] {
  return METHODS.filter((method) => routes.match(method, path).kind === 'found');
}
