import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { ROOT } from '../support/builtCli.js';
import { serveCli } from '../support/runCli.js';

const SERVE = ['serve', '--port', '0', '--log-level', 'silent'];
/** What `--trace-gc` prints for a GC V8's memory reducer runs. */
const REDUCING_GC = 'Mark-Compact (reduce)';

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !condition(); await sleep(100)) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
  }
}

// bin/ocs-mock.js sets --no-memory-reducer-for-small-heaps before the CLI loads: V8's reducing GC,
// run once a freshly started server idles (about 8 s), left node:http on V8's slow paths for the rest
// of the run (BENCHMARKS.md). The control is the same bundle started without the bin.
it("the CLI's process gets no memory-reducing GC after start-up, where the bundle started alone gets one", { timeout: 40_000 }, async () => {
  const [cli, control] = await Promise.all([
    serveCli(SERVE, { nodeArgs: ['--trace-gc'] }),
    serveCli(SERVE, { nodeArgs: ['--trace-gc'], entry: join(ROOT, 'dist', 'bin', 'cli.js') }),
  ]);
  await until(() => control.output().includes(REDUCING_GC), 30_000);
  // Both started together: by a second after the control's, the CLI's would have come too.
  await sleep(1000);
  expect(cli.output()).not.toContain(REDUCING_GC);
  expect(cli.output()).toContain('Scavenge');
});
