import { describe, expect, it } from 'vitest';
import { computeDocumentTotals } from '../../core/sales/compute-document-totals.ts';
import { QuoteDraftInput } from '../../core/sales/quote-schemas.ts';
import { InvoiceDraftInput } from '../../core/sales/sales-schemas.ts';
import {
  emptyInvoice,
  emptyLine,
  type InvoiceValues,
  lineFromCatalogue,
  liveTotals,
  requestPathToField,
  validateInvoice,
  valuesToQuoteRequest,
  valuesToRequest,
} from './invoice-form.ts';

const activityId = '11111111-1111-4111-8111-111111111111';
const clientId = '22222222-2222-4222-8222-222222222222';
const issueMessage = (issue: { message: string }) => issue.message;

function invoice(lines: Partial<ReturnType<typeof emptyLine>>[], patch: Partial<InvoiceValues> = {}) {
  const v = emptyInvoice(activityId, clientId);
  v.sections[0]!.lines = lines.map((l) => ({ ...emptyLine(), description: 'Atelier', ...l }));
  return { ...v, ...patch };
}

describe('the invoice editor', () => {
  it('sends what it shows: French decimals become the API shape the server parses', () => {
    const v = invoice([
      { quantity: '2,5', unitPrice: '1 234,56', vat: '2000', discountKind: 'percent', discount: '10' },
      { quantity: '1', unitPrice: '80', vat: 'exempt:training' },
    ]);
    const parsed = InvoiceDraftInput.parse(valuesToRequest(v));
    expect(parsed.body.sections[0]!.lines[0]).toMatchObject({
      quantity: '2.5',
      unitPriceCents: 123456,
      vat: { kind: 'rate', rateBp: 2000 },
      discount: { kind: 'percent', bp: 1000 },
    });
    expect(parsed.body.sections[0]!.lines[1]!.vat).toEqual({
      kind: 'exempt',
      exemption: 'training',
      reason: null,
    });
  });

  it('shows the same totals as the server computes from the saved draft', () => {
    const v = invoice(
      [
        { quantity: '3', unitPrice: '33,33', vat: '2000' },
        { quantity: '0,5', unitPrice: '99,99', vat: '550', discountKind: 'amount', discount: '1,5' },
        { quantity: '1', unitPrice: '10', vat: 'exempt:other', reason: 'Article 293 B du CGI' },
      ],
      { discountKind: 'percent', discount: '5' },
    );
    const live = liveTotals(v).totals!;
    const server = computeDocumentTotals(InvoiceDraftInput.parse(valuesToRequest(v)).body);
    expect(live).toEqual(server);
    expect(live.taxInclusiveCents).toBe(server.taxInclusiveCents);
  });

  it('keeps totals of the complete lines while another is being typed, and names the broken rule', () => {
    const v = invoice([
      { quantity: '2', unitPrice: '50', vat: '2000' },
      { quantity: 'abc', unitPrice: '10' },
    ]);
    const live = liveTotals(v);
    expect(live.totals?.taxInclusiveCents).toBe(12_000);
    expect(live.lineNets.get('0.0')).toBe(10_000);
    expect(live.lineNets.has('0.1')).toBe(false);
    const tooMuch = liveTotals(
      invoice([{ quantity: '1', unitPrice: '10', discountKind: 'amount', discount: '20' }]),
    );
    expect(tooMuch.totals).toBeNull();
    expect(tooMuch.problem?.code).toBe('LINE_DISCOUNT_TOO_LARGE');
  });

  it('puts each refusal beside its field', () => {
    const errors = validateInvoice(
      invoice(
        [
          { description: ' ', quantity: '-1', unitPrice: 'douze' },
          { vat: 'exempt:other', reason: '' },
        ],
        { clientId: null },
      ),
      issueMessage,
    );
    expect(errors).toMatchObject({
      clientId: expect.any(String),
      'sections.0.lines.0.description': 'description.required',
      'sections.0.lines.0.quantity': 'quantity.invalid',
      'sections.0.lines.0.unitPrice': 'amountCents.invalid',
      'sections.0.lines.1.reason': 'exemption.reasonRequired',
    });
    expect(validateInvoice(invoice([{ unitPrice: '10' }]), issueMessage)).toEqual({});
    expect(validateInvoice(invoice([]), issueMessage)).toEqual({ sections: 'lines.required' });
  });

  it('reads the server problem paths as editor fields', () => {
    expect(requestPathToField('body.sections.1.lines.2.unitPriceCents')).toBe('sections.1.lines.2.unitPrice');
    expect(requestPathToField('body.sections.0.lines.0.vat.rateBp')).toBe('sections.0.lines.0.vat');
    expect(requestPathToField('body.sections.0.lines.0.vat.reason')).toBe('sections.0.lines.0.reason');
    expect(requestPathToField('body.sections.0.lines.0.discount.bp')).toBe('sections.0.lines.0.discount');
    expect(requestPathToField('body.discount.cents')).toBe('discount');
    expect(requestPathToField('clientId')).toBe('clientId');
  });

  it('sends a quote with its validity date and checks it with the quote schema', () => {
    const v = { ...invoice([{ unitPrice: '100' }]), validityDate: '2026-12-31', notes: 'Acompte 30 %' };
    expect(QuoteDraftInput.parse(valuesToQuoteRequest(v))).toMatchObject({
      validityDate: '2026-12-31',
      notes: 'Acompte 30 %',
    });
    expect(validateInvoice({ ...v, validityDate: '2026-02-30' }, issueMessage, 'quote')).toEqual({
      validityDate: 'date.invalid',
    });
  });

  it('copies a catalogue item into a line the editor can change', () => {
    const line = lineFromCatalogue({
      id: 'x',
      activityId,
      name: 'Atelier',
      description: 'Demi-journée',
      unit: 'DAY',
      unitPriceCents: 45050,
      vat: { kind: 'exempt', exemption: 'training', reason: null },
      kind: 'services',
      salesAccount: '706000',
      archived: false,
    });
    expect(line).toMatchObject({
      description: 'Atelier\nDemi-journée',
      unit: 'DAY',
      unitPrice: '450,50',
      vat: 'exempt:training',
    });
    expect(liveTotals(invoice([line])).totals?.taxInclusiveCents).toBe(45050);
  });
});
