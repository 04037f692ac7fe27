import { generateMersenne53Randomizer, type Randomizer } from '@faker-js/faker';

/**
 * Draws from faker's seeded Mersenne Twister directly: faker's own generators (person.firstName,
 * internet.username, ...) resolve locale templates per call and cost about 25 times as much, which
 * a store of 100,000 generated users pays a million times over.
 */
export class SeededRandom {
  private readonly randomizer: Randomizer;

  /** `stream` gives independent sequences for one seed (users, groups, memberships). */
  constructor(seed: number, stream: number) {
    this.randomizer = generateMersenne53Randomizer();
    this.randomizer.seed([seed, stream]);
  }

  /** In [0, 1). */
  float(): number {
    return this.randomizer.next();
  }

  /** A whole number in [0, below). */
  below(below: number): number {
    return Math.floor(this.randomizer.next() * below);
  }

  chance(probability: number): boolean {
    return this.randomizer.next() < probability;
  }

  pick<T>(items: ArrayLike<T>): T {
    return items[Math.floor(this.randomizer.next() * items.length)];
  }

  /** An index into `weights`, each as likely as its weight. */
  weighted(weights: readonly number[]): number {
    let left = this.randomizer.next() * weights.reduce((sum, weight) => sum + weight, 0);
    for (let i = 0; i < weights.length - 1; i++) {
      left -= weights[i];
      if (left < 0) return i;
    }
    return weights.length - 1;
  }
}
