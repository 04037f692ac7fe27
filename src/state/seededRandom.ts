import { createCipheriv, createHash, type Cipher } from 'node:crypto';

/** Zeros that AES-CTR turns into its key stream, 16,384 draws at a time. */
const ZEROS = Buffer.alloc(64 * 1024);

/**
 * A seeded random source: the key stream of AES-128-CTR (node:crypto) keyed by the seed, read 32
 * bits a draw. Faker's own generators (person.firstName, internet.username, ...) resolve locale
 * templates per call and cost about 25 times as much, which a store of 100,000 generated users
 * pays a million times over; and importing faker's seeded Mersenne Twister loads all its 70 locales
 * (0.2 s of start-up), where the English word lists alone take 0.02 s.
 */
export class SeededRandom {
  private readonly cipher: Cipher;
  private bytes = Buffer.alloc(0);
  private offset = 0;

  /** `stream` gives independent sequences for one seed (users, groups, memberships). */
  constructor(seed: number, stream: number) {
    const key = createHash('sha256').update(`ocs-mock generated data, seed ${seed}, stream ${stream}`).digest().subarray(0, 16);
    this.cipher = createCipheriv('aes-128-ctr', key, Buffer.alloc(16));
  }

  /** In [0, 1). */
  float(): number {
    if (this.offset === this.bytes.length) {
      this.bytes = this.cipher.update(ZEROS);
      this.offset = 0;
    }
    const value = this.bytes.readUInt32LE(this.offset);
    this.offset += 4;
    return value / 2 ** 32;
  }

  /** A whole number in [0, below). */
  below(below: number): number {
    return Math.floor(this.float() * below);
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: ArrayLike<T>): T {
    return items[Math.floor(this.float() * items.length)];
  }

  /** An index into `weights`, each as likely as its weight. */
  weighted(weights: readonly number[]): number {
    let left = this.float() * weights.reduce((sum, weight) => sum + weight, 0);
    for (let i = 0; i < weights.length - 1; i++) {
      left -= weights[i];
      if (left < 0) return i;
    }
    return weights.length - 1;
  }
}
