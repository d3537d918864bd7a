// Entry point of a salary-engine worker thread: the TypeScript sources run through tsx, as the server does.
import { register } from 'tsx/esm/api';

register();
await import('./salary-engine-worker.ts');
