#!/usr/bin/env node
// `npm run bench`: the benchmark scenarios of bench/, run from their TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
const { runBenchmarks } = await import('../bench/run-benchmarks.ts');
process.exit(await runBenchmarks(process.argv.slice(2)));
