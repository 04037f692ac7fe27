import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SortedList } from '../../src/state/sortedList.js';

/**
 * SortedList keeps blocks of up to 1,024 items (src/state/sortedList.ts). Every test here drives it
 * past several block splits and holds it to one flat array kept the plain way: insert at the
 * lower bound, remove this very item among the equal ones, read with Array.prototype.slice.
 */

interface Entry {
  key: number;
  name: string;
}

/** Entries with few distinct keys, so that equal runs cross block boundaries. */
const byKey = (a: Entry, b: Entry) => a.key - b.key;

/** A repeatable stream of numbers in [0, 1) from a seed. */
function seeded(seed: string): () => number {
  let counter = 0;
  return () => createHash('sha256').update(`${seed}:${counter++}`).digest().readUInt32BE(0) / 2 ** 32;
}

class FlatList<T> {
  readonly items: T[] = [];
  constructor(private readonly compare: (a: T, b: T) => number) {}
  private lowerBound(item: T): number {
    let i = 0;
    while (i < this.items.length && this.compare(this.items[i], item) < 0) i++;
    return i;
  }
  insert(item: T): void {
    this.items.splice(this.lowerBound(item), 0, item);
  }
  remove(item: T): boolean {
    const i = this.items.indexOf(item);
    if (i === -1) return false;
    this.items.splice(i, 1);
    return true;
  }
}

function expectSame(list: SortedList<Entry>, flat: FlatList<Entry>): void {
  expect(list.size).toBe(flat.items.length);
  expect([...list]).toEqual(flat.items);
  // The very objects, in the very order (toEqual alone would accept equal copies).
  expect([...list].every((entry, i) => entry === flat.items[i])).toBe(true);
}

describe('SortedList', () => {
  it('keeps 5,000 inserts (many equal keys) in the order of one sorted array', () => {
    const random = seeded('inserts');
    const list = new SortedList(byKey);
    const flat = new FlatList(byKey);
    for (let i = 0; i < 5000; i++) {
      const entry = { key: Math.floor(random() * 40), name: `e${i}` };
      list.insert(entry);
      flat.insert(entry);
    }
    expectSame(list, flat);
  });

  it('removes this very item among equal ones, across block boundaries, and nothing that is not listed', () => {
    const random = seeded('removes');
    const entries = Array.from({ length: 4000 }, (_, i) => ({ key: Math.floor(random() * 3), name: `e${i}` }));
    const list = new SortedList(byKey, [...entries]);
    const flat = new FlatList(byKey);
    for (const entry of entries) flat.insert(entry);
    // Built from an array, equal entries keep their given order (a stable sort); inserted one by one,
    // each goes before its equals. `ordered` is built like `flat`, so their orders must match exactly.
    expect(list.size).toBe(4000);
    expect(list.slice(0, 4000).map((entry) => entry.key)).toEqual(flat.items.map((entry) => entry.key));
    const ordered = new SortedList(byKey);
    for (const entry of entries) ordered.insert(entry);
    expectSame(ordered, flat);

    expect(list.remove({ key: 1, name: 'stranger' })).toBe(false);
    expect(list.remove({ key: 99, name: 'past the end' })).toBe(false);
    for (let round = 0; round < 3000; round++) {
      const entry = flat.items[Math.floor(random() * flat.items.length)];
      expect(ordered.remove(entry)).toBe(true);
      expect(list.remove(entry)).toBe(true);
      flat.remove(entry);
      expect(ordered.remove(entry)).toBe(false);
    }
    expectSame(ordered, flat);
    expect(new Set(list)).toEqual(new Set(flat.items));
  });

  it('mixes inserts and removes down to empty and up again', () => {
    const random = seeded('mixed');
    const list = new SortedList(byKey);
    const flat = new FlatList(byKey);
    let next = 0;
    for (let round = 0; round < 12000; round++) {
      // Grow for the first half, shrink to nothing in the second.
      const grow = round < 6000 ? random() < 0.75 : random() < 0.2;
      if (grow || flat.items.length === 0) {
        const entry = { key: Math.floor(random() * 500), name: `e${next++}` };
        list.insert(entry);
        flat.insert(entry);
      } else {
        const entry = flat.items[Math.floor(random() * flat.items.length)];
        expect(list.remove(entry)).toBe(true);
        flat.remove(entry);
      }
    }
    expectSame(list, flat);
    for (const entry of [...flat.items]) {
      expect(list.remove(entry)).toBe(true);
      flat.remove(entry);
    }
    expect(list.size).toBe(0);
    expect([...list]).toEqual([]);
    expect(list.slice()).toEqual([]);
    const entry = { key: 7, name: 'again' };
    list.insert(entry);
    expect([...list]).toEqual([entry]);
  });

  it('slices as Array.prototype.slice does, within and across blocks', () => {
    const entries = Array.from({ length: 3000 }, (_, i) => ({ key: i, name: `e${i}` }));
    const list = new SortedList(byKey, [...entries].reverse());
    const bounds: (number | undefined)[] = [undefined, 0, 1, 511, 512, 513, 1023, 1024, 1025, 2999, 3000, 3001, 10_000, -1, -512, -2999, -3000, -5000, 2.7, -0.5, Number.NaN];
    for (const start of bounds) {
      for (const end of bounds) expect(list.slice(start, end), `slice(${start}, ${end})`).toEqual(entries.slice(start, end));
    }
  });

  it('pages straight after the sort of its first items, then after splits', () => {
    const entries = Array.from({ length: 2500 }, (_, i) => ({ key: i * 2, name: `e${i}` }));
    const list = new SortedList(byKey, [...entries]);
    const flat = new FlatList(byKey);
    for (const entry of entries) flat.items.push(entry);
    // Odd keys fall between existing ones: every block grows past its limit and splits.
    for (let i = 0; i < 2500; i += 1) {
      const entry = { key: 1 + ((i * 7919) % 2500) * 2, name: `o${i}` };
      list.insert(entry);
      flat.insert(entry);
    }
    expectSame(list, flat);
    for (const offset of [0, 25, 1000, 4975, 4999, 5000]) expect(list.slice(offset, offset + 25)).toEqual(flat.items.slice(offset, offset + 25));
  });
});
