import { z } from 'zod';

/** The languages Mutua speaks: French first, English available. */
export const locales = ['fr', 'en'] as const;
export const Locale = z.enum(locales);
export type Locale = z.infer<typeof Locale>;
export const defaultLocale: Locale = 'fr';
