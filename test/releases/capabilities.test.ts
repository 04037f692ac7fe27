import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { freshMock, ocs, VERSIONS } from '../support/mock.js';
import { expectOcs, type Php } from '../support/operations.js';

/**
 * GET /cloud/capabilities per release (DIFFERENCES.md §10): the core keys (lib/private/OCS/
 * CoreCapabilities.php), provisioning_api's version (its appinfo/info.xml) and the theming block
 * (apps/theming/lib/Capabilities.php, ThemingDefaults.php, BackgroundService.php of each release
 * copy). Other blocks are not compared here: only 29.0.6's are emulated (test/users-api/capabilities.test.ts).
 */

const HOST = 'cloud.example.com';
const BASE = `http://${HOST}`;
const LOGO = `${BASE}/core/img/logo/logo.svg?v=0`;
const REGEX = String.raw`(\s|\n|^)(https?:\/\/)([-A-Z0-9+_.]+(?::[0-9]+)?(?:\/[-A-Z0-9+&@#%?=~_|!:,.;()]*)*)(\s|\n|$)`;

type Block = { [key: string]: Php };
type Capabilities = { version: Block; capabilities: { [key: string]: Block } };

const CORE_UP_TO_28: Block = { pollinterval: 60, 'webdav-root': 'remote.php/webdav', 'reference-api': true, 'reference-regex': REGEX };
const CORE_FROM_29: Block = { ...CORE_UP_TO_28, 'mod-rewrite-working': false };

/** The shared tail of the theming block from `color` on, for a colour whose text is white and a default background. */
function colours(color: string): Block {
  return { color, 'color-text': '#ffffff', 'color-element': color, 'color-element-bright': color, 'color-element-dark': color, logo: LOGO };
}

/** 27 to 29: one colour; users see the shipped default image, anonymous callers the plain accessible colour. */
function theming29(loggedIn: boolean): Block {
  return {
    name: 'Nextcloud',
    url: 'https://nextcloud.com',
    slogan: 'a safe home for all your data',
    ...colours('#00679e'),
    background: loggedIn ? `${BASE}/apps/theming/img/background/kamil-porembinski-clouds.jpg` : '#00679e',
    'background-plain': !loggedIn,
    'background-default': true,
    logoheader: LOGO,
    favicon: LOGO,
  };
}

/** 30+: the default background colour is #00679e itself, so everyone gets the release's default image. */
function theming30(image: string, productName: boolean, color = '#00679e', colorText = '#ffffff'): Block {
  return {
    name: 'Nextcloud',
    ...(productName ? { productName: 'Nextcloud' } : {}),
    url: 'https://nextcloud.com',
    slogan: 'a safe home for all your data',
    ...colours(color),
    'color-text': colorText,
    background: `${BASE}/apps/theming/img/background/${image}`,
    'background-text': '#ffffff',
    'background-plain': false,
    'background-default': true,
    logoheader: LOGO,
    favicon: LOGO,
  };
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** 34: imprint and privacy links after url; the colours, cache buster (sha1 of version, theming 2.9.0, user, counter) and themes at the end. */
function theming34(user: string | null): Block {
  return {
    name: 'Nextcloud',
    productName: 'Nextcloud',
    url: 'https://nextcloud.com',
    imprintUrl: '',
    privacyUrl: '',
    slogan: 'a safe home for all your data',
    ...colours('#00679e'),
    background: `${BASE}/apps/theming/img/background/jo-myoung-hee-fluid.webp`,
    'background-text': '#ffffff',
    'background-plain': false,
    'background-default': true,
    logoheader: LOGO,
    favicon: LOGO,
    primaryColor: '#00679e',
    backgroundColor: '#00679e',
    defaultPrimaryColor: '#00679e',
    defaultBackgroundColor: '#00679e',
    inverted: false,
    cacheBuster: sha1(`34.0.12.9.0${user ? `${user}_0` : ''}0`).slice(0, 8),
    enabledThemes: user ? ['default'] : [],
  };
}

const provisioning = (version: string): Block => ({
  version,
  AccountPropertyScopesVersion: 2,
  AccountPropertyScopesFederatedEnabled: true,
  AccountPropertyScopesPublishedEnabled: true,
});

async function capabilitiesOf(release: string, user: string | null, version: 1 | 2 = 2): Promise<Capabilities> {
  const { app } = await freshMock({ nextcloud: release });
  const res = await ocs(app, 'get', version, '/cloud/capabilities', { user, format: 'json' }).set('Host', HOST);
  expect(res.status).toBe(200);
  return (JSON.parse(res.text) as { ocs: { data: Capabilities } }).ocs.data;
}

/** Exact, key order included. */
function expectBlock(actual: Block | undefined, expected: Block): void {
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
}

describe('provisioning_api version: the release ships it, whatever the fixture says (1.19.0)', () => {
  const VERSIONS_BY_RELEASE: [string, string][] = [
    ['27.1.4', '1.17.0'],
    ['28.0.2', '1.18.0'],
    ['29.0.1', '1.19.0'],
    ['30.0.5', '1.20.0'],
    ['31.0.2', '1.21.0'],
    ['31.0.11', '1.21.0'],
    ['32.0.2', '1.22.0'],
    ['33.0.2', '1.23.0'],
    ['34.0.1', '1.24.0'],
  ];
  it('27.1.4 1.17.0, 28.0.2 1.18.0, 29.0.1 1.19.0, 30.0.5 1.20.0, 31.x 1.21.0, 32.0.2 1.22.0, 33.0.2 1.23.0, 34.0.1 1.24.0; also in GET /cloud/apps/provisioning_api', async () => {
    for (const [release, expected] of VERSIONS_BY_RELEASE) {
      const caps = await capabilitiesOf(release, 'admin');
      expectBlock(caps.capabilities.provisioning_api, provisioning(expected));
      const { app } = await freshMock({ nextcloud: release });
      const info = await ocs(app, 'get', 2, '/cloud/apps/provisioning_api', { format: 'json' });
      expect((JSON.parse(info.text) as { ocs: { data: { version: string } } }).ocs.data.version, release).toBe(expected);
    }
  });
});

describe('core capabilities', () => {
  it('27 -> pollinterval, webdav-root, reference-api, reference-regex (no mod-rewrite-working)', async () => {
    expectBlock((await capabilitiesOf('27', 'bob')).capabilities.core, CORE_UP_TO_28);
  });
  it('28 -> the same four keys; 29.0.1 -> mod-rewrite-working: false added', async () => {
    expectBlock((await capabilitiesOf('28', 'bob')).capabilities.core, CORE_UP_TO_28);
    expectBlock((await capabilitiesOf('29.0.1', 'bob')).capabilities.core, CORE_FROM_29);
  });
});

describe('theming capabilities', () => {
  it.each(['bob', null])('28 (%s) has the 29 keys and values; 30 -> background-text after background, default image jenna-kim-the-globe.webp for everyone', async (user) => {
    expectBlock((await capabilitiesOf('28', user)).capabilities.theming, theming29(user !== null));
    expectBlock((await capabilitiesOf('30', user)).capabilities.theming, theming30('jenna-kim-the-globe.webp', false));
  });

  it.each(['bob', null])('31.0.6 (%s) still has no productName; 31.0.11 -> productName after name', async (user) => {
    expectBlock((await capabilitiesOf('31.0.6', user)).capabilities.theming, theming30('jenna-kim-the-globe.webp', false));
    expectBlock((await capabilitiesOf('31.0.11', user)).capabilities.theming, theming30('jenna-kim-the-globe.webp', true));
  });

  it('32 -> default image jo-myoung-hee-fluid.webp', async () => {
    expectBlock((await capabilitiesOf('32', 'bob')).capabilities.theming, theming30('jo-myoung-hee-fluid.webp', true));
  });

  it.each(['bob', null])('34 (%s) -> imprintUrl, privacyUrl, and the colours, cacheBuster and enabledThemes at the end', async (user) => {
    expectBlock((await capabilitiesOf('34', user)).capabilities.theming, theming34(user));
  });

  it('30: a user\'s theming/primary_color (set through the preferences API) is their color; #ff0000 needs dark text', async () => {
    const { app } = await freshMock({ nextcloud: '30' });
    const set = await ocs(app, 'post', 2, '/apps/provisioning_api/api/v1/config/users/theming/primary_color', { user: 'bob', format: 'json' }).send({ configValue: '#ff0000' });
    expect(set.status).toBe(200);
    const res = await ocs(app, 'get', 2, '/cloud/capabilities', { user: 'bob', format: 'json' }).set('Host', HOST);
    const caps = (JSON.parse(res.text) as { ocs: { data: Capabilities } }).ocs.data;
    expectBlock(caps.capabilities.theming, theming30('jenna-kim-the-globe.webp', false, '#ff0000', '#000000'));
  });
});

describe.each(VERSIONS)('34 whole-answer framing v%s', (version) => {
  it(`v${version} xml anonymous -> version block of 34.0.1, bruteforce and the 34 theming block`, async () => {
    const { app } = await freshMock({ nextcloud: '34' });
    const res = await ocs(app, 'get', version, '/cloud/capabilities', { user: null, format: 'xml' }).set('Host', HOST);
    const data: Php = {
      version: { major: 34, minor: 0, micro: 1, string: '34.0.1', edition: '', extendedSupport: false },
      capabilities: { bruteforce: { delay: 0, 'allow-listed': true }, theming: theming34(null) },
    };
    await expectOcs(res, version, 'xml', { code: 200, data }, undefined, '34.0.1');
  });
});
