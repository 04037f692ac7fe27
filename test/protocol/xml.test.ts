import { describe, expect, test } from 'vitest';
import type { PhpValue } from '../../src/ocs/php.js';
import { toPhpXml } from '../../src/ocs/xml.js';

/** Renders `{ocs: {data}}` and returns the whole document. */
function doc(data: PhpValue): string {
  return toPhpXml({ ocs: { data } });
}

/** The document XMLWriter prints for `{ocs: {data: {...}}}` whose data lines are given. */
function expected(...dataLines: string[]): string {
  return ['<?xml version="1.0"?>', '<ocs>', ' <data>', ...dataLines, ' </data>', '</ocs>', ''].join('\n');
}

describe('toPhpXml (BaseResponse::toXML through XMLWriter)', () => {
  test('declaration line without encoding, one-space indent, final newline', () => {
    expect(doc({ a: 'x' })).toBe('<?xml version="1.0"?>\n<ocs>\n <data>\n  <a>x</a>\n </data>\n</ocs>\n');
  });

  test('empty data is <data/>', () => {
    expect(doc([])).toBe('<?xml version="1.0"?>\n<ocs>\n <data/>\n</ocs>\n');
    expect(doc({})).toBe('<?xml version="1.0"?>\n<ocs>\n <data/>\n</ocs>\n');
  });

  test('meta before data, v1 counts as open+close pairs', () => {
    const xml = toPhpXml({
      ocs: { meta: { status: 'ok', statuscode: 100, message: 'OK', totalitems: '', itemsperpage: '' }, data: [] },
    });
    expect(xml).toBe(
      '<?xml version="1.0"?>\n<ocs>\n <meta>\n  <status>ok</status>\n  <statuscode>100</statuscode>\n  <message>OK</message>\n' +
        '  <totalitems></totalitems>\n  <itemsperpage></itemsperpage>\n </meta>\n <data/>\n</ocs>\n',
    );
  });

  test('list items become <element>', () => {
    expect(doc({ users: ['admin', 'alice'] })).toBe(expected('  <users>', '   <element>admin</element>', '   <element>alice</element>', '  </users>'));
  });

  test('numeric keys of a map become <element> (array_diff keeps keys like "1", "10")', () => {
    expect(doc({ apps: { '1': 'admin_audit', '10': 'encryption' } })).toBe(
      expected('  <apps>', '   <element>admin_audit</element>', '   <element>encryption</element>', '  </apps>'),
    );
  });

  test('negative, decimal and zero-padded numeric keys are numeric too', () => {
    expect(doc({ k: { '-1': 'a', '1.5': 'b', '007': 'c' } })).toBe(
      expected('  <k>', '   <element>a</element>', '   <element>b</element>', '   <element>c</element>', '  </k>'),
    );
  });

  test('a list of maps: repeated <element> blocks with child elements', () => {
    expect(doc({ list: [{ id: 'a' }, { id: 'b' }] })).toBe(
      expected('  <list>', '   <element>', '    <id>a</id>', '   </element>', '   <element>', '    <id>b</id>', '   </element>', '  </list>'),
    );
  });

  test('scalars: true -> 1, false -> <k></k>, "" -> <k></k>, null -> <k/>, [] -> <k/>, {} -> <k/>, numbers as text', () => {
    expect(doc({ t: true, f: false, e: '', n: null, arr: [], obj: {}, i: 5, z: 0, fl: 1.5, neg: -3 })).toBe(
      expected('  <t>1</t>', '  <f></f>', '  <e></e>', '  <n/>', '  <arr/>', '  <obj/>', '  <i>5</i>', '  <z>0</z>', '  <fl>1.5</fl>', '  <neg>-3</neg>'),
    );
  });

  test('text escaping: & < > " and CR as &#13;; apostrophe, newline and tab raw', () => {
    expect(doc({ s: 'a&b<c>d"e\'f\ng\rh\ti' })).toBe(expected('  <s>a&amp;b&lt;c&gt;d&quot;e\'f\ng&#13;h\ti</s>'));
  });

  test('non-ASCII is written raw as UTF-8', () => {
    expect(doc({ s: 'España ✓ 😀' })).toBe(expected('  <s>España ✓ 😀</s>'));
  });

  test('@attributes become attributes; @value becomes an attribute named value; attribute-only elements self-close', () => {
    expect(
      doc({
        author: { '@attributes': { mail: 'julien@example.com' }, '@value': 'Julien Veyssier' },
        nextcloud: { '@attributes': { 'min-version': '29', 'max-version': '29' } },
      }),
    ).toBe(expected('  <author mail="julien@example.com" value="Julien Veyssier"/>', '  <nextcloud min-version="29" max-version="29"/>'));
  });

  test('an @x key becomes attribute x on the enclosing element, next to its children', () => {
    expect(doc({ x: { '@id': '5', name: 'n' } })).toBe(expected('  <x id="5">', '   <name>n</name>', '  </x>'));
  });

  test('attribute values escape " & and also newline and tab', () => {
    expect(doc({ a: { '@attributes': { q: 'x"y\nz\t&<' } } })).toBe(expected('  <a q="x&quot;y&#10;z&#9;&amp;&lt;"/>'));
  });

  test('nested empties inside lists', () => {
    expect(doc({ list: [{ id: 'a', v: [] }, { id: 'b', v: [1] }] })).toBe(
      expected(
        '  <list>',
        '   <element>',
        '    <id>a</id>',
        '    <v/>',
        '   </element>',
        '   <element>',
        '    <id>b</id>',
        '    <v>',
        '     <element>1</element>',
        '    </v>',
        '   </element>',
        '  </list>',
      ),
    );
  });
});
