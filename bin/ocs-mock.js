#!/usr/bin/env node
// The CLI owns its process, so it keeps V8's memory reducer away from the heap it grows at start-up:
// the reducing GC it runs once the server has idled about 8 s left node:http's object shapes on V8's
// slow path for the rest of the run (apps throughput -40%; BENCHMARKS.md). V8 reads this flag as the
// heap grows, so it is set before the CLI loads; the library never changes its host's flags.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-memory-reducer-for-small-heaps');
await import('../dist/bin/cli.js');
