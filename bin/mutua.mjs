#!/usr/bin/env node
// The `mutua` command. The server runs from its TypeScript sources through tsx (no separate build step).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/server/cli/run-cli.ts');
await main();
