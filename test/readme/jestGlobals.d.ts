// The README's jest example runs under vitest (vitest.config.ts aliases '@jest/globals' to vitest);
// this gives it vitest's types, the subset of jest's API it uses.
declare module '@jest/globals' {
  export { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
}
