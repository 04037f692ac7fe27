import { describe, expect, it } from 'vitest';
import { routesFromSpec, specBackend, specRouter } from '../../src/http/specRoutes.js';
import { RELEASES } from '../../src/releases/catalog.js';
import { releaseSpec } from '../../src/releases/spec.js';

// The server reads routes through openapi-backend's router alone (no dereferencing): it must find
// exactly what the whole backend finds, for every release.
describe('routes from a release spec', () => {
  for (const release of RELEASES) {
    it(`${release.version}: the router alone gives the backend's routes`, async () => {
      const fromRouter = routesFromSpec(await specRouter(releaseSpec(release)));
      const fromBackend = routesFromSpec(await specBackend(releaseSpec(release)));
      expect(fromRouter).toEqual(fromBackend);
      expect(fromRouter.length).toBeGreaterThan(40);
    });
  }

  it('a spec whose parameters refer to components is dereferenced first', async () => {
    const spec = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      components: { parameters: { Limit: { name: 'limit', in: 'query', schema: { type: 'integer', default: 5 } } } },
      paths: {
        '/ocs/v2.php/cloud/things': {
          get: { operationId: 'things', parameters: [{ $ref: '#/components/parameters/Limit' }], responses: { '200': { description: 'ok' } } },
        },
      },
    };
    const [route] = routesFromSpec(await specRouter(structuredClone(spec) as never));
    expect(route).toMatchObject({ operationId: 'things', method: 'GET', path: '/cloud/things' });
    expect(route!.parameters).toEqual(routesFromSpec(await specBackend(structuredClone(spec) as never))[0]!.parameters);
    expect(route!.parameters.map((parameter) => parameter.name)).toEqual(['limit']);
  });
});
