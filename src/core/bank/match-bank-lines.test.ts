import { describe, expect, it } from 'vitest';
import { creditorReference, formatCreditorReference, readCreditorReference } from './creditor-reference.ts';
import { generateBankScenario } from './generate-bank-scenario.ts';
import {
  autoConfirmThreshold,
  createBankMatcher,
  type LineToMatch,
  type OpenInvoice,
} from './match-bank-lines.ts';
import { counterpartyKey } from './normalize-party-name.ts';

const invoice = (
  id: string,
  number: string,
  clientName: string,
  dueCents: number,
  issueDate = '2026-01-10',
): OpenInvoice => ({
  id,
  number,
  clientId: `client-${clientName}`,
  clientName,
  activityId: 'act-1',
  dueCents,
  issueDate,
});
const line = (over: Partial<LineToMatch>): LineToMatch => ({
  id: 'l',
  amountCents: 0,
  bookingDate: '2026-02-02',
  label: '',
  counterpartyName: '',
  remittance: '',
  structuredRefs: [],
  endToEndIds: [],
  messageId: null,
  parts: [],
  ...over,
});

describe('matching one line', () => {
  const invoices = [
    invoice('a', 'F2026-00012', 'Menuiseries du Rhône SARL', 144_000),
    invoice('b', 'F2026-00013', 'Menuiseries du Rhône SARL', 60_000, '2026-01-12'),
    invoice('c', 'F2026-00020', 'Léa Dupont', 120_000),
    invoice('d', 'F2026-00021', 'Léa Dupont', 120_000, '2026-01-20'),
    invoice('e', 'F2026-00042', 'Atelier & Co', 360_000),
  ];
  const matcher = createBankMatcher({
    invoices,
    batches: [
      {
        id: 'batch',
        kind: 'salary',
        messageId: 'MUTUA-SAL-202601-1',
        totalCents: 88_000,
        executionDate: '2026-01-31',
      },
    ],
    rules: [],
  });

  it('by the invoice number in the remittance, confirmed when the amount is what is due', () => {
    const [best] = matcher.suggest(
      line({
        amountCents: 144_000,
        counterpartyName: 'MENUISERIES DU RHONE',
        remittance: 'FACTURE F2026 00012 / F2026-00012',
      }),
    );
    expect(best).toMatchObject({
      reason: 'invoiceNumber',
      allocations: [{ invoiceId: 'a', amountCents: 144_000 }],
    });
    expect(best!.confidence).toBeGreaterThanOrEqual(autoConfirmThreshold);
  });

  it('by the structured RF reference', () => {
    expect(readCreditorReference(creditorReference('F2026-00042')!)).toBe('F202600042');
    expect(readCreditorReference('RF00F202600042')).toBeNull();
    const [best] = matcher.suggest(
      line({ amountCents: 360_000, structuredRefs: [creditorReference('F2026-00042')!] }),
    );
    expect(best).toMatchObject({ reason: 'structuredReference', confidence: 99 });
  });

  it('by the RF reference as printed on the invoice, typed by the client in the free remittance', () => {
    const printed = formatCreditorReference(creditorReference('F2026-00042')!);
    expect(printed).toBe('RF93 F202 6000 42');
    for (const remittance of [`Facture ${printed} merci`, 'VIR rf93f202600042', `${printed}`]) {
      const [best] = matcher.suggest(line({ amountCents: 360_000, remittance }));
      expect(best, remittance).toMatchObject({
        reason: 'structuredReference',
        confidence: 99,
        allocations: [{ invoiceId: 'e', amountCents: 360_000 }],
      });
    }
    // Wrong check digits: not a reference, and nothing else names the invoice.
    const [wrong] = matcher.suggest(line({ amountCents: 1, remittance: 'RF94 F202 6000 42' }));
    expect(wrong?.reason).not.toBe('structuredReference');
  });

  it('by the RF reference of a number longer than 21 characters (its last 21), unless two share it', () => {
    const long = invoice('long', 'ATELIER-BOIS-NORD/F2026-03-000042', 'Atelier & Co', 10_000);
    const one = createBankMatcher({ invoices: [long], batches: [], rules: [] });
    const reference = creditorReference(long.number)!;
    const [best] = one.suggest(line({ amountCents: 10_000, structuredRefs: [reference] }));
    expect(best).toMatchObject({ reason: 'structuredReference', allocations: [{ invoiceId: 'long' }] });
    const twin = invoice('twin', 'MENUISERIE-BOIS-NORD/F2026-03-000042', 'Atelier & Co', 10_000);
    expect(creditorReference(twin.number)).toBe(reference);
    const both = createBankMatcher({ invoices: [long, twin], batches: [], rules: [] });
    const suggestions = both.suggest(line({ amountCents: 10_000, structuredRefs: [reference] }));
    expect(suggestions.some((x) => x.reason === 'structuredReference')).toBe(false);
  });

  it('a partial payment quoting the number is suggested below the threshold', () => {
    const [best] = matcher.suggest(line({ amountCents: 50_000, remittance: 'acompte F2026-00012' }));
    expect(best).toMatchObject({
      reason: 'invoiceNumberPartial',
      allocations: [{ invoiceId: 'a', amountCents: 50_000 }],
    });
    expect(best!.confidence).toBeLessThan(autoConfirmThreshold);
  });

  it('split over several invoices: numbers quoted, or the client\u2019s oldest invoices adding up', () => {
    const [quoted] = matcher.suggest(line({ amountCents: 204_000, remittance: 'F2026-00012 F2026-00013' }));
    expect(quoted).toMatchObject({
      reason: 'invoiceNumbers',
      allocations: [{ invoiceId: 'a' }, { invoiceId: 'b' }],
    });
    const [byClient] = matcher.suggest(line({ amountCents: 204_000, counterpartyName: 'MENUISERIES RHONE' }));
    expect(byClient).toMatchObject({ reason: 'clientSplit' });
    expect(byClient!.confidence).toBeLessThan(autoConfirmThreshold);
    const [parts] = matcher.suggest(
      line({
        amountCents: 240_000,
        parts: [
          { amountCents: 120_000, remittance: 'F2026-00020' },
          { amountCents: 120_000, remittance: 'F2026-00021' },
        ],
      }),
    );
    expect(parts).toMatchObject({
      reason: 'invoiceNumbers',
      allocations: [{ invoiceId: 'c' }, { invoiceId: 'd' }],
    });
  });

  it('by amount and client name, never auto-confirmed; two candidates rank the oldest first', () => {
    const [one] = matcher.suggest(line({ amountCents: 360_000, counterpartyName: 'ATELIER ET CO' }));
    expect(one).toMatchObject({ reason: 'amountAndClient', allocations: [{ invoiceId: 'e' }] });
    expect(one!.confidence).toBeLessThan(autoConfirmThreshold);
    const two = matcher.suggest(line({ amountCents: 120_000, counterpartyName: 'Mme DUPONT LEA' }));
    expect(two.map((s) => s.kind === 'invoices' && s.allocations[0]!.invoiceId).slice(0, 2)).toEqual([
      'c',
      'd',
    ]);
    expect(two[0]!.confidence).toBeLessThan(one!.confidence);
  });

  it('a learnt rule ranks its client\u2019s invoice first', () => {
    const ruled = createBankMatcher({
      invoices,
      batches: [],
      rules: [
        {
          counterpartyKey: counterpartyKey('LD CONSEIL'),
          clientId: 'client-Léa Dupont',
          activityId: 'act-1',
        },
      ],
    });
    const [best] = ruled.suggest(line({ amountCents: 120_000, counterpartyName: 'LD CONSEIL' }));
    expect(best).toMatchObject({ reason: 'learntRule' });
  });

  it('outgoing lines to the batch they settle: message id, end-to-end id, amount', () => {
    expect(matcher.suggest(line({ amountCents: -88_000, messageId: 'MUTUA-SAL-202601-1' }))[0]).toMatchObject(
      { kind: 'batch', reason: 'batchMessageId', confidence: 99 },
    );
    expect(
      matcher.suggest(line({ amountCents: -88_000, endToEndIds: ['MUTUA-SAL-202601-1-2'] }))[0],
    ).toMatchObject({ reason: 'batchEndToEndId' });
    const [byAmount] = matcher.suggest(line({ amountCents: -88_000, bookingDate: '2026-02-03' }));
    expect(byAmount).toMatchObject({ reason: 'batchAmount' });
    expect(byAmount!.confidence).toBeLessThan(autoConfirmThreshold);
    // The right id but not the batch's total: shown, not confirmed.
    expect(
      matcher.suggest(line({ amountCents: -87_000, messageId: 'MUTUA-SAL-202601-1' }))[0]!.confidence,
    ).toBeLessThan(autoConfirmThreshold);
    expect(matcher.suggest(line({ amountCents: 88_000, messageId: 'MUTUA-SAL-202601-1' }))).toEqual([]);
  });

  it('after a match is allocated, the invoice is not offered again', () => {
    const m = createBankMatcher({ invoices, batches: [], rules: [] });
    const [s] = m.suggest(line({ amountCents: 144_000, remittance: 'F2026-00012' }));
    m.allocate(s!);
    expect(m.suggest(line({ amountCents: 144_000, remittance: 'F2026-00012' }))).toEqual([]);
  });
});

describe('matching a generated statement with known answers', () => {
  it('confirms nothing wrong above the threshold; reports precision and recall', () => {
    for (const seed of [1, 2, 3]) {
      const { invoices, batches, lines, expected } = generateBankScenario({
        lines: 3_000,
        invoices: 6_000,
        seed,
      });
      const matcher = createBankMatcher({ invoices, batches, rules: [] });
      let auto = 0;
      let autoWrong = 0;
      let topRight = 0;
      let topSuggested = 0;
      let answerable = 0;
      for (const [i, l] of lines.entries()) {
        const want = expected[i]!;
        const [best] = matcher.suggest(l);
        if (want.kind !== 'none') answerable++;
        if (!best) continue;
        const right =
          want.kind === 'batch'
            ? best.kind === 'batch' && best.batchId === want.batchId
            : want.kind === 'invoices' &&
              best.kind === 'invoices' &&
              best.allocations
                .map((a) => a.invoiceId)
                .sort()
                .join() === [...want.invoiceIds].sort().join();
        topSuggested++;
        if (right) topRight++;
        if (best.confidence >= autoConfirmThreshold) {
          auto++;
          if (!right) autoWrong++;
          matcher.allocate(best);
        }
      }
      const precision = topRight / topSuggested;
      const recall = topRight / answerable;
      console.info(
        `seed ${seed}: ${lines.length} lines, auto-confirmed ${auto} (${autoWrong} wrong), best suggestion precision ${(precision * 100).toFixed(1)} %, recall ${(recall * 100).toFixed(1)} %`,
      );
      expect(autoWrong).toBe(0);
      expect(auto / answerable).toBeGreaterThan(0.45);
      expect(precision).toBeGreaterThan(0.85);
      expect(recall).toBeGreaterThan(0.8);
    }
  });
});
