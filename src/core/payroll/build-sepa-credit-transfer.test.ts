import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { buildSepaCreditTransfer, sepaText } from './build-sepa-credit-transfer.ts';

const base = {
  messageId: 'MUTUA-SAL-202603-1',
  createdAt: '2026-03-20T09:00:00.000Z',
  executionDate: '2026-03-31',
  debtor: { name: 'Coopérative Mutua Démo', iban: 'FR76 3000 6000 0112 3456 7890 189', bic: 'AGRIFRPP' },
  transfers: [
    {
      endToEndId: 'MUTUA-SAL-202603-1-1',
      creditorName: 'Chloé L’Hôte & fils',
      iban: 'DE89370400440532013000',
      bic: null,
      amountCents: 144_311,
      remittance: 'Salaire 2026-03',
    },
    {
      endToEndId: 'MUTUA-SAL-202603-1-2',
      creditorName: 'Bruno',
      iban: 'FR1420041010050500013M02606',
      bic: 'PSSTFRPPPAR',
      amountCents: 5,
      remittance: 'Salaire 2026-03',
    },
  ],
};

describe('buildSepaCreditTransfer', () => {
  it('writes the group header, one salary batch and the transfers with their control sum', () => {
    const xml = buildSepaCreditTransfer(base);
    expect(xml).toContain('<NbOfTxs>2</NbOfTxs>');
    expect(xml).toContain('<CtrlSum>1443.16</CtrlSum>');
    expect(xml).toContain('<CreDtTm>2026-03-20T09:00:00</CreDtTm>');
    expect(xml).toContain('<InstdAmt Ccy="EUR">0.05</InstdAmt>');
    expect(xml).toContain('<Nm>Cooperative Mutua Demo</Nm>');
    expect(xml).toContain('<Nm>Chloe L Hote fils</Nm>');
    expect(xml).toContain('<CtgyPurp><Cd>SALA</Cd></CtgyPurp>');
    expect(xml.indexOf('<BIC>PSSTFRPPPAR</BIC>')).toBeGreaterThan(xml.indexOf('MUTUA-SAL-202603-1-2'));
  });

  it('refuses an IBAN whose checksum fails, a bad debtor account, and amounts that are not positive cents', () => {
    const bad = { ...base.transfers[0]!, iban: 'DE89370400440532013001' };
    expect(() => buildSepaCreditTransfer({ ...base, transfers: [bad] })).toThrow(AppError);
    expect(() => buildSepaCreditTransfer({ ...base, debtor: { ...base.debtor, iban: 'FR00' } })).toThrow(
      'PAYROLL_DEBTOR_ACCOUNT_MISSING',
    );
    for (const amountCents of [0, -1, 1.5])
      expect(() =>
        buildSepaCreditTransfer({ ...base, transfers: [{ ...base.transfers[0]!, amountCents }] }),
      ).toThrow();
    expect(() => buildSepaCreditTransfer({ ...base, transfers: [] })).toThrow();
    expect(() => buildSepaCreditTransfer({ ...base, messageId: 'x'.repeat(36) })).toThrow();
  });

  it('keeps text inside the SEPA character set and the field length', () => {
    expect(sepaText('Zoë <script>&', 70)).toBe('Zoe script');
    expect(sepaText('é'.repeat(100), 70)).toHaveLength(70);
    expect(sepaText('€€', 70)).toBe('-');
  });
});
