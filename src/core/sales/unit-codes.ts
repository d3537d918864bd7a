import { z } from 'zod';

/** Units of measure a line may use: UN/ECE Recommendation 20 codes (BT-130) with their French labels. */
export const unitCodes = {
  C62: { fr: 'unité', en: 'unit' },
  H87: { fr: 'pièce', en: 'piece' },
  LS: { fr: 'forfait', en: 'lump sum' },
  HUR: { fr: 'heure', en: 'hour' },
  DAY: { fr: 'jour', en: 'day' },
  WEE: { fr: 'semaine', en: 'week' },
  MON: { fr: 'mois', en: 'month' },
  ANN: { fr: 'an', en: 'year' },
  MIN: { fr: 'minute', en: 'minute' },
  KGM: { fr: 'kg', en: 'kg' },
  GRM: { fr: 'g', en: 'g' },
  MTR: { fr: 'm', en: 'm' },
  MTK: { fr: 'm²', en: 'm²' },
  KMT: { fr: 'km', en: 'km' },
  LTR: { fr: 'L', en: 'L' },
} as const;

export type UnitCode = keyof typeof unitCodes;
export const UnitCode = z.enum(Object.keys(unitCodes) as [UnitCode, ...UnitCode[]]);
