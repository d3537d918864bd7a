import { z } from 'zod';

export const journalKinds = [
  'sales',
  'purchases',
  'bank',
  'payroll',
  'expenses',
  'transfers',
  'miscellaneous',
  'opening',
] as const;
export type JournalKind = (typeof journalKinds)[number];

export const JournalCode = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9]{1,5}$/, { error: 'ledger.journalCode' });

export type JournalDefinition = { code: string; label: string; kind: JournalKind; manual: boolean };

/**
 * The journals of ledger.md (Model). `BQ` is the first bank account's (one journal per bank account).
 * Manual entries by the accountant go to `OD`; `AN` is written only by the year-end closing.
 * migrations/0004_ledger.sql seeds exactly this list.
 */
export const defaultJournals: readonly JournalDefinition[] = [
  { code: 'VT', label: 'Ventes', kind: 'sales', manual: false },
  { code: 'AC', label: 'Achats', kind: 'purchases', manual: false },
  { code: 'BQ', label: 'Banque', kind: 'bank', manual: false },
  { code: 'SAL', label: 'Salaires', kind: 'payroll', manual: false },
  { code: 'NDF', label: 'Notes de frais', kind: 'expenses', manual: false },
  { code: 'CTB', label: 'Contribution et transferts internes', kind: 'transfers', manual: false },
  { code: 'OD', label: 'Opérations diverses', kind: 'miscellaneous', manual: true },
  { code: 'AN', label: 'À-nouveaux', kind: 'opening', manual: false },
];

export const openingJournalCode = 'AN';
