import { faker } from '@faker-js/faker/locale/en';
import type { SeededRandom } from './seededRandom.js';

// Words and patterns read once from faker's English locale, combined with a seeded random source:
// the same realistic values faker's generators give, without their per-call template resolution.
const en = faker.rawDefinitions;

type Pattern = readonly (string | readonly string[])[];

/**
 * One flat string: V8 keeps `a + b` (and template literals) of 13 or more characters as a rope of
 * two strings, which made a generated store of 100,000 users 30 MB larger. Array.join flattens.
 */
export function joined(...parts: readonly (string | number)[]): string {
  return parts.join('');
}

/** A list read from the locale data; faker's types leave some of them (company.legal_entity_type) untyped. */
function listOf<T>(value: unknown, name: string): readonly T[] {
  if (!Array.isArray(value) || value.length === 0) throw new Error(`faker's en locale has no list "${name}"`);
  return value as T[];
}

/** Locale word lists by the names faker's `{{...}}` patterns use for them. */
const WORDS: Readonly<Record<string, readonly string[]>> = {
  'person.firstName': [...listOf<string>(en.person?.first_name?.female, 'person.first_name.female'), ...listOf<string>(en.person?.first_name?.male, 'person.first_name.male')],
  'person.lastName': listOf(en.person?.last_name?.generic, 'person.last_name.generic'),
  'person.last_name.generic': listOf(en.person?.last_name?.generic, 'person.last_name.generic'),
  'person.jobDescriptor': listOf(en.person?.job_descriptor, 'person.job_descriptor'),
  'person.jobArea': listOf(en.person?.job_area, 'person.job_area'),
  'person.jobType': listOf(en.person?.job_type, 'person.job_type'),
  'company.legal_entity_type': listOf(en.company?.legal_entity_type, 'company.legal_entity_type'),
  'location.city_name': listOf(en.location?.city_name, 'location.city_name'),
};

/** Splits a faker pattern such as `{{person.lastName}} {{company.legal_entity_type}}` into text and word lists. */
function compile(pattern: string): Pattern {
  return pattern.split(/\{\{([^}]+)\}\}/).map((part, i) => {
    if (i % 2 === 0) return part;
    const words = WORDS[part];
    if (!words) throw new Error(`faker's en locale pattern "${pattern}" names "${part}", which has no word list here`);
    return words;
  });
}

function fill(pattern: Pattern, random: SeededRandom): string {
  const parts: string[] = [];
  for (const part of pattern) parts.push(typeof part === 'string' ? part : random.pick(part));
  return parts.join('');
}

function entries(list: readonly (string | { value: string; weight: number })[]): { patterns: Pattern[]; weights: number[] } {
  const items = list.map((item) => (typeof item === 'string' ? { value: item, weight: 1 } : item));
  return { patterns: items.map((item) => compile(item.value)), weights: items.map((item) => item.weight) };
}

const LAST_NAME = entries(listOf(en.person?.last_name_pattern?.generic, 'person.last_name_pattern.generic'));
const JOB_TITLE = entries(listOf(en.person?.job_title_pattern, 'person.job_title_pattern'));
const COMPANY = entries(listOf(en.company?.name_pattern, 'company.name_pattern'));
/** faker's phone formats: `#` any digit, `!` a digit from 2 (helpers.replaceSymbolWithNumber). */
const PHONE_FORMATS = listOf<string>(en.phone_number?.format?.international, 'phone_number.format.international');
/** Group names as organisations name their teams: "Akron Marketing", "Akron Marketing Engineers". */
const TEAM = { patterns: [compile('{{location.city_name}} {{person.jobArea}}'), compile('{{location.city_name}} {{person.jobArea}} {{person.jobType}}s')], weights: [1, 2] };
/** faker.internet.password's default alphabet (\w). */
const PASSWORD_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_';

function weightedFill(choice: { patterns: Pattern[]; weights: number[] }, random: SeededRandom): string {
  return fill(choice.patterns[random.weighted(choice.weights)], random);
}

export function firstName(random: SeededRandom): string {
  return random.pick(WORDS['person.firstName']);
}

export function lastName(random: SeededRandom): string {
  return weightedFill(LAST_NAME, random);
}

export function jobTitle(random: SeededRandom): string {
  return weightedFill(JOB_TITLE, random);
}

export function companyName(random: SeededRandom): string {
  return weightedFill(COMPANY, random);
}

export function teamName(random: SeededRandom): string {
  return weightedFill(TEAM, random);
}

export function phoneNumber(random: SeededRandom): string {
  const digits: (string | number)[] = [];
  for (const symbol of random.pick(PHONE_FORMATS)) digits.push(symbol === '#' ? random.below(10) : symbol === '!' ? 2 + random.below(8) : symbol);
  return digits.join('');
}

export function password(random: SeededRandom, length: number): string {
  const characters: string[] = [];
  for (let i = 0; i < length; i++) characters.push(random.pick(PASSWORD_CHARACTERS));
  return characters.join('');
}

/** Lower case, only the characters a login name commonly has ("O'Hara" -> "ohara"). */
export function loginText(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** A login name built from a person's names as people and directories make them: ada.lovelace, alovelace, ada_lovelace42, ... */
export function username(random: SeededRandom, first: string, last: string): string {
  const given = loginText(first);
  const family = loginText(last);
  switch (random.below(5)) {
    case 0:
      return joined(given, '.', family);
    case 1:
      return joined(given.slice(0, 1), family);
    case 2:
      return joined(given, '_', family, random.below(100));
    case 3:
      return joined(given, family);
    default:
      return joined(given, random.below(1000));
  }
}
