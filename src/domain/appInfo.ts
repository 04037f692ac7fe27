import type { PhpValue } from '../ocs/php.js';
import type { App } from '../state/model.js';

type PhpMap = { [key: string]: PhpValue };

/** The element order resources/app-info-shipped.xsd prescribes for appinfo/info.xml (a sequence). */
const INFO_XML_ORDER = [
  'id', 'name', 'summary', 'description', 'version', 'licence', 'author', 'namespace', 'default_enable', 'types',
  'documentation', 'category', 'website', 'discussion', 'bugs', 'repository', 'screenshot', 'dependencies',
  'background-jobs', 'repair-steps', 'two-factor-providers', 'commands', 'settings', 'activity', 'dashboard',
  'fulltextsearch', 'navigations', 'contactsmenu', 'collaboration', 'sabre', 'public', 'trash', 'versions',
];

/** What InfoParser::parse() adds after the file's own keys when they are missing, nested keys included. */
const PARSER_DEFAULTS: [string, string[] | null][] = [
  ['info', null],
  ['remote', null],
  ['public', null],
  ['types', null],
  ['repair-steps', ['install', 'pre-migration', 'post-migration', 'live-migration', 'uninstall']],
  ['background-jobs', null],
  ['two-factor-providers', null],
  ['commands', null],
  ['activity', ['filters', 'settings', 'providers']],
  ['settings', ['admin', 'admin-section', 'personal', 'personal-section']],
];

/** A namespace as core apps spell theirs (files_sharing -> FilesSharing). */
function namespaceOf(id: string): string {
  return id
    .split(/[_-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** The required elements of an info.xml the fixture does not spell out, filled as a core app of 29 has them. */
function requiredElements(app: App): PhpMap {
  return {
    id: app.id,
    name: app.name,
    summary: app.name,
    description: app.name,
    version: app.version,
    licence: 'agpl',
    author: 'Nextcloud',
    namespace: namespaceOf(app.id),
    category: 'tools',
    bugs: 'https://github.com/nextcloud/server/issues',
    dependencies: { nextcloud: { '@attributes': { 'min-version': '29', 'max-version': '29' } } },
  };
}

function isMap(value: PhpValue | undefined): value is PhpMap {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * IAppManager::getAppInfo() without a language, for the app's info.xml: the fixture's `info` keys
 * over the required elements, in the order the XSD gives a valid file (unknown keys after them);
 * then InfoParser's defaults for missing keys, after the file's own keys; then
 * OC_App::parseAppInfo(), which trims a string description and empties any other.
 */
export function appInfoOf(app: App): PhpMap {
  const own: PhpMap = { ...requiredElements(app), ...structuredClone(app.info as PhpMap) };
  const rank = (key: string) => {
    const position = INFO_XML_ORDER.indexOf(key);
    return position === -1 ? INFO_XML_ORDER.length : position;
  };
  const info: PhpMap = {};
  for (const key of Object.keys(own).sort((a, b) => rank(a) - rank(b))) info[key] = own[key]!;
  for (const [key, nested] of PARSER_DEFAULTS) {
    const value = info[key];
    if (value === undefined) {
      info[key] = nested ? Object.fromEntries(nested.map((name) => [name, []])) : [];
    } else if (nested && isMap(value)) {
      for (const name of nested) if (!(name in value)) value[name] = [];
    } else if (nested && Array.isArray(value) && value.length === 0) {
      info[key] = Object.fromEntries(nested.map((name) => [name, []]));
    }
  }
  info.description = typeof info.description === 'string' ? info.description.trim() : '';
  return info;
}

/** The `types` app config row OC_App::setAppTypes() writes: the info types joined by commas. */
export function appTypesOf(app: App): string {
  const types = appInfoOf(app).types;
  return Array.isArray(types) ? types.map(String).join(',') : '';
}
