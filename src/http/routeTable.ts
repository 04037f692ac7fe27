import type { ParameterDefinition } from './bindParameters.js';

/** One OCS route: a path template below /ocs/v{1,2}.php, bound to an operationId. */
export interface RouteDefinition {
  operationId: string;
  method: string;
  /** e.g. `/cloud/users/{userId}` */
  path: string;
  /** Route requirements from the spec's path parameter patterns. */
  patterns: Record<string, string>;
  /** The arguments of the operation's controller method, as the release's spec declares them. */
  parameters: ParameterDefinition[];
}

interface CompiledRoute {
  definition: RouteDefinition;
  regex: RegExp;
  names: string[];
  checks: Map<string, RegExp>;
  staticSegments: number;
  greedy: boolean;
  order: number;
}

export type RouteMatch =
  | { kind: 'found'; route: RouteDefinition; pathParams: Record<string, string> }
  | { kind: 'method-not-allowed' }
  | { kind: 'not-found' };

const PLACEHOLDER = /\{([^}]+)\}/g;
/** A requirement of `.+` lets the value span segments (group ids may contain `/`). */
const SPANS_SEGMENTS = '^.+$';

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(definition: RouteDefinition, order: number): CompiledRoute {
  const names: string[] = [];
  let greedy = false;
  let source = '';
  let last = 0;
  for (const match of definition.path.matchAll(PLACEHOLDER)) {
    source += escapeRegex(definition.path.slice(last, match.index));
    const name = match[1];
    names.push(name);
    const pattern = definition.patterns[name];
    const spans = pattern === SPANS_SEGMENTS;
    greedy ||= spans;
    // Symfony uses the requirement itself: one that accepts '' matches an empty segment, so
    // GET /cloud/users/bob/ reaches PUT /users/{userId}/{collectionName} -> 405 (trailing-slash/user-bob).
    const allowsEmpty = pattern !== undefined && !spans && new RegExp(pattern).test('');
    source += spans ? '(.+)' : allowsEmpty ? '([^/]*)' : '([^/]+)';
    last = match.index + match[0].length;
  }
  source += escapeRegex(definition.path.slice(last));
  const checks = new Map<string, RegExp>();
  for (const [name, pattern] of Object.entries(definition.patterns)) {
    if (pattern !== SPANS_SEGMENTS) checks.set(name, new RegExp(pattern));
  }
  return {
    definition,
    regex: new RegExp(`^${source}$`),
    names,
    checks,
    staticSegments: definition.path.split('/').filter((segment) => segment !== '' && !segment.startsWith('{')).length,
    greedy,
    order,
  };
}

/**
 * Built once at start-up. Static paths are a map lookup; templated paths are tried most specific
 * first (more static segments, then single-segment before spanning placeholders), which reproduces
 * the declaration order of Nextcloud's routes.php (`/users/recent` before `/users/{userId}`).
 */
export class RouteTable {
  private readonly staticRoutes = new Map<string, RouteDefinition[]>();
  private readonly templated: CompiledRoute[] = [];

  constructor(definitions: RouteDefinition[]) {
    definitions.forEach((definition, order) => {
      if (!definition.path.includes('{')) {
        const list = this.staticRoutes.get(definition.path) ?? [];
        list.push(definition);
        this.staticRoutes.set(definition.path, list);
      } else {
        this.templated.push(compile(definition, order));
      }
    });
    this.templated.sort(
      (a, b) => b.staticSegments - a.staticSegments || Number(a.greedy) - Number(b.greedy) || a.order - b.order,
    );
  }

  get definitions(): RouteDefinition[] {
    return [...[...this.staticRoutes.values()].flat(), ...this.templated.map((route) => route.definition)];
  }

  match(method: string, path: string): RouteMatch {
    let pathMatched = false;
    const effectiveMethod = method === 'HEAD' ? 'GET' : method;
    for (const definition of this.staticRoutes.get(path) ?? []) {
      if (definition.method === effectiveMethod) return { kind: 'found', route: definition, pathParams: {} };
      pathMatched = true;
    }
    for (const route of this.templated) {
      const found = route.regex.exec(path);
      if (!found) continue;
      const pathParams: Record<string, string> = {};
      let valid = true;
      route.names.forEach((name, i) => {
        pathParams[name] = found[i + 1];
        const check = route.checks.get(name);
        if (check && !check.test(found[i + 1])) valid = false;
      });
      if (!valid) continue;
      if (route.definition.method === effectiveMethod) return { kind: 'found', route: route.definition, pathParams };
      pathMatched = true;
    }
    return pathMatched ? { kind: 'method-not-allowed' } : { kind: 'not-found' };
  }
}
