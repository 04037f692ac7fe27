import { describe, expect, it } from 'vitest';
import { createMock, FixtureError, UnknownReleaseError } from '../../src/index.js';

describe('choosing a release from the library', () => {
  it('the option wins over the fixture, the fixture over the default (the newest)', async () => {
    const fixture = { nextcloud: '30', groups: [{ id: 'admin' }], users: [{ id: 'admin', password: 'admin', groups: ['admin'] }] };
    expect((await createMock({ fixture })).profile.release.version).toBe('30.0.5');
    expect((await createMock({ fixture, nextcloud: '31.0.6' })).profile.release.version).toBe('31.0.6');
    expect((await createMock({ fixture: { ...fixture, nextcloud: undefined } })).profile.release.version).toBe('34.0.1');
  });

  it('an unknown release: UnknownReleaseError from the option, a FixtureError naming /nextcloud from a fixture', async () => {
    await expect(createMock({ nextcloud: '35' })).rejects.toThrow(UnknownReleaseError);
    const fixture = { nextcloud: '26', groups: [{ id: 'admin' }], users: [{ id: 'admin', password: 'admin', groups: ['admin'] }] };
    const error = await createMock({ fixture }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FixtureError);
    expect((error as FixtureError).path).toBe('/nextcloud');
    expect((error as FixtureError).message).toBe('<fixture>: /nextcloud: unknown Nextcloud release "26": use a major (27-34) or one of 27.1.4, 28.0.2, 29.0.1, 29.0.6, 30.0.5, 31.0.2, 31.0.6, 31.0.11, 32.0.2, 33.0.2, 34.0.1');
  });
});
