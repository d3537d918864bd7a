import { z } from 'zod';
import type { LegalForm } from '../cooperative/legal-forms.ts';
import { basisPoints, type Fraction, reaches } from './fraction.ts';

/** Employee associates work in the cooperative; the others are outside associates (cae-domain.md §3.1). */
export const associateCategories = ['employee', 'other'] as const;
export const AssociateCategory = z.enum(associateCategories);
export type AssociateCategory = z.infer<typeof AssociateCategory>;

export type CapitalHolder = { associateId: string; category: AssociateCategory; capitalCents: bigint };

export type RatioCheck = {
  rule: 'employeeCapital' | 'employeeVotes' | 'largestHolder';
  /** Whether the rule binds this legal form (the SCOP rules bind SCOPs only). */
  applies: boolean;
  ok: boolean;
  /** The measured share, in basis points rounded down (null with no capital or no associate). */
  valueBp: number | null;
  /** The limit, exact. */
  limit: Fraction;
  /** For largestHolder: who holds the most capital. */
  associateId?: string;
};

/**
 * The legal ratios of a SCOP (loi 78-763 art. 5, cae-domain.md §3.1): employee associates hold at least
 * 51 % of the capital and at least 65 % of the votes (one associate, one vote), and no associate holds more
 * than 50 % of the capital. Shown for every form; binding for a SCOP. [NOTE: external associates may reach
 * 49 % of the votes when they are cooperatives; not modelled.]
 */
export function checkCapitalRatios(legalForm: LegalForm, holders: readonly CapitalHolder[]): RatioCheck[] {
  const scop = legalForm.startsWith('SCOP_');
  const total = holders.reduce((a, h) => a + h.capitalCents, 0n);
  const employees = holders.filter((h) => h.category === 'employee');
  const employeeCapital = employees.reduce((a, h) => a + h.capitalCents, 0n);
  const largest = holders.reduce<CapitalHolder | null>(
    (best, h) => (best === null || h.capitalCents > best.capitalCents ? h : best),
    null,
  );
  const half: Fraction = { num: 1, den: 2 };
  return [
    {
      rule: 'employeeCapital',
      applies: scop,
      ok: total > 0n && reaches(employeeCapital, total, { num: 51, den: 100 }),
      valueBp: basisPoints(employeeCapital, total),
      limit: { num: 51, den: 100 },
    },
    {
      rule: 'employeeVotes',
      applies: scop,
      ok: holders.length > 0 && reaches(employees.length, holders.length, { num: 65, den: 100 }),
      valueBp: basisPoints(employees.length, holders.length),
      limit: { num: 65, den: 100 },
    },
    {
      rule: 'largestHolder',
      applies: scop,
      ok: largest === null || total === 0n || !reaches(largest.capitalCents, total, half, true),
      valueBp: largest ? basisPoints(largest.capitalCents, total) : null,
      limit: half,
      ...(largest ? { associateId: largest.associateId } : {}),
    },
  ];
}
