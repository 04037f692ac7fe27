import { describe, expect, test } from 'vitest';
import { toPhpJson } from '../../src/ocs/json.js';

describe('toPhpJson (json_encode with JSON_HEX_TAG)', () => {
  test('slashes are escaped as \\/', () => {
    expect(toPhpJson({ url: 'http://www.freedesktop.org/wiki' })).toBe('{"url":"http:\\/\\/www.freedesktop.org\\/wiki"}');
  });

  test('non-ASCII becomes lowercase \\uXXXX', () => {
    expect(toPhpJson('España é Ö')).toBe('"Espa\\u00f1a \\u00e9 \\u00d6"');
  });

  test('astral characters become surrogate pairs in lowercase hex', () => {
    expect(toPhpJson('😀')).toBe('"\\ud83d\\ude00"');
  });

  test('< and > become \\u003C and \\u003E (upper-case hex)', () => {
    expect(toPhpJson('<b>')).toBe('"\\u003Cb\\u003E"');
  });

  test('each character that needs an escape is found alone in a long answer', () => {
    const long = 'x'.repeat(2000);
    expect(toPhpJson(`${long}>`)).toBe(`"${long}\\u003E"`);
    expect(toPhpJson(`${long}<`)).toBe(`"${long}\\u003C"`);
    expect(toPhpJson(`${long}/`)).toBe(`"${long}\\/"`);
    expect(toPhpJson(`${long}\u0080`)).toBe(`"${long}\\u0080"`);
    expect(toPhpJson(`${long}\uffff`)).toBe(`"${long}\\uffff"`);
    expect(toPhpJson(long)).toBe(`"${long}"`);
  });

  test("& and ' stay raw, \" is escaped, control characters use short escapes or \\u00XX", () => {
    expect(toPhpJson("&'\"")).toBe('"&\'\\""');
    expect(toPhpJson('\n\r\t\u0001')).toBe('"\\n\\r\\t\\u0001"');
  });

  test('DEL (0x7f) is ASCII and stays raw', () => {
    expect(toPhpJson('a\u007fb')).toBe('"a\u007fb"');
  });

  test('compact output with no trailing newline', () => {
    const json = toPhpJson({ ocs: { meta: { status: 'ok', statuscode: 200, message: 'OK' }, data: { users: ['admin'] } } });
    expect(json).toBe('{"ocs":{"meta":{"status":"ok","statuscode":200,"message":"OK"},"data":{"users":["admin"]}}}');
  });

  test('an empty map is [] (a PHP empty array), nested too', () => {
    expect(toPhpJson({})).toBe('[]');
    expect(toPhpJson({ data: {}, list: [] })).toBe('{"data":[],"list":[]}');
  });

  test('sparse numeric keys stay an object with string keys', () => {
    expect(toPhpJson({ '1': 'admin_audit', '10': 'encryption' })).toBe('{"1":"admin_audit","10":"encryption"}');
  });

  test('scalars: true, false, null, ints and floats', () => {
    expect(toPhpJson({ t: true, f: false, n: null, i: -3, fl: 1.5 })).toBe('{"t":true,"f":false,"n":null,"i":-3,"fl":1.5}');
  });
});
