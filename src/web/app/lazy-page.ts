import { type ComponentType, lazy } from 'react';

/** Route-level code splitting: each screen is its own chunk, loaded when first visited. */
export function lazyPage<M extends Record<string, unknown>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
