import { randomBytes } from 'node:crypto';

/** Random bytes drawn from the system in bulk: every answer needs some (request id, CSP nonce), and one call per answer costs more than the answer. */
const POOL_SIZE = 8192;
let pool = Buffer.alloc(0);
let used = 0;

/** `size` fresh random bytes (a view into the pool; never handed out twice). */
export function randomChunk(size: number): Buffer {
  if (used + size > pool.length) {
    pool = randomBytes(Math.max(POOL_SIZE, size));
    used = 0;
  }
  const chunk = pool.subarray(used, used + size);
  used += size;
  return chunk;
}
