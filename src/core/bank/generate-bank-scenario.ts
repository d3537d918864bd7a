import type { LineToMatch, OpenBatch, OpenInvoice } from './match-bank-lines.ts';

/** A deterministic pseudo-random generator (mulberry32), so a scenario is the same on every run. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const firstNames = [
  'Léa',
  'Hugo',
  'Chloé',
  'Louis',
  'Emma',
  'Jules',
  'Inès',
  'Adam',
  'Zoé',
  'Nathan',
  'Manon',
  'Gabriel',
];
const lastNames = [
  'Dupont',
  'Martin',
  'Bernard',
  'Moreau',
  'Lefebvre',
  'Garnier',
  'Faure',
  'Rousseau',
  'Blanc',
  'Guerin',
  'Muller',
  'Henry',
];
const trades = [
  'Menuiseries',
  'Boulangerie',
  'Atelier',
  'Studio',
  'Cabinet',
  'Librairie',
  'Garage',
  'Ferme',
  'Imprimerie',
  'Agence',
];
const places = [
  'du Rhône',
  'de la Loire',
  'des Alpes',
  'du Port',
  'Saint-Michel',
  'Bellecour',
  'du Marais',
  'des Halles',
];

/** A client's distinctive word (real names are far more varied than the lists above): 0 → "BA", 27 → "BBB". */
function letters(n: number): string {
  let s = '';
  let v = n;
  do {
    s = String.fromCharCode(65 + (v % 26)) + s;
    v = Math.floor(v / 26);
  } while (v > 0);
  return `B${s}`;
}

/** What a generated line really pays, to score the matcher's suggestions. */
export type ExpectedMatch =
  | { kind: 'invoices'; invoiceIds: string[] }
  | { kind: 'batch'; batchId: string }
  | { kind: 'none' };

/**
 * A statement and the open documents it settles, with the known answer for every line (issue 9, tests:
 * "matching on a generated set of statements and invoices with known answers"). The mix follows what banks
 * show a cooperative: payments quoting the invoice number (sometimes with typos in the name), payments by
 * amount and name only, one payment for several invoices, partial payments, salary batches, and lines that
 * pay nothing Mutua knows (bank fees, a client paying an invoice not yet issued). Decoys share amounts.
 */
export function generateBankScenario(options: { lines: number; invoices: number; seed?: number }) {
  const random = seededRandom(options.seed ?? 42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const clientCount = Math.max(10, Math.floor(options.invoices / 4));
  const clients = Array.from({ length: clientCount }, (_, i) => ({
    id: `c${i}`,
    name:
      random() < 0.5
        ? `${pick(trades)} ${pick(lastNames)} ${pick(places)} ${letters(i)}`
        : `${pick(firstNames)} ${pick(lastNames)}-${letters(i)}`,
  }));
  const invoices: OpenInvoice[] = Array.from({ length: options.invoices }, (_, i) => {
    const client = clients[Math.floor(random() * clients.length)]!;
    return {
      id: `i${i}`,
      number: `F2026-${String(i + 1).padStart(6, '0')}`,
      clientId: client.id,
      clientName: client.name,
      activityId: `a${Math.floor(random() * 50)}`,
      // Round amounts repeat, as real prices do: decoys by amount.
      dueCents:
        random() < 0.3 ? (1 + Math.floor(random() * 40)) * 5_000 : 1_000 + Math.floor(random() * 500_000),
      issueDate: `2026-0${1 + Math.floor(random() * 9)}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
    };
  });
  const batches: OpenBatch[] = [];
  const lines: LineToMatch[] = [];
  const expected: ExpectedMatch[] = [];
  const used = new Set<string>();
  const freeInvoice = () => {
    for (let tries = 0; tries < 20; tries++) {
      const inv = invoices[Math.floor(random() * invoices.length)]!;
      if (!used.has(inv.id)) {
        used.add(inv.id);
        return inv;
      }
    }
    return null;
  };
  const garble = (name: string) =>
    random() < 0.3 ? name.toUpperCase() : random() < 0.5 ? `VIR ${name}` : name;
  for (let i = 0; i < options.lines; i++) {
    const date = `2026-10-${String(1 + (i % 28)).padStart(2, '0')}`;
    const base = {
      id: `l${i}`,
      bookingDate: date,
      structuredRefs: [] as string[],
      endToEndIds: [] as string[],
      messageId: null,
      parts: [],
    };
    const kind = random();
    const inv = kind < 0.85 ? freeInvoice() : null;
    if (inv && kind < 0.45) {
      // Quotes the invoice number, pays it whole.
      lines.push({
        ...base,
        amountCents: inv.dueCents,
        label: `VIR SEPA RECU ${garble(inv.clientName)}`,
        counterpartyName: garble(inv.clientName),
        remittance: `Facture ${inv.number}`,
      });
      expected.push({ kind: 'invoices', invoiceIds: [inv.id] });
    } else if (inv && kind < 0.65) {
      // Amount and name only.
      lines.push({
        ...base,
        amountCents: inv.dueCents,
        label: `VIR ${inv.clientName}`,
        counterpartyName: inv.clientName,
        remittance: 'Paiement prestation',
      });
      expected.push({ kind: 'invoices', invoiceIds: [inv.id] });
    } else if (inv && kind < 0.72) {
      // Two invoices in one transfer, both numbers quoted.
      const other = freeInvoice();
      if (!other) {
        used.delete(inv.id);
        i--;
        continue;
      }
      lines.push({
        ...base,
        amountCents: inv.dueCents + other.dueCents,
        label: 'VIR SEPA RECU',
        counterpartyName: inv.clientName,
        remittance: `${inv.number} ${other.number}`,
      });
      expected.push({ kind: 'invoices', invoiceIds: [inv.id, other.id] });
    } else if (inv && kind < 0.8) {
      // A partial payment quoting the number: suggested, never confirmed by itself.
      lines.push({
        ...base,
        amountCents: Math.max(1, Math.floor(inv.dueCents / 2)),
        label: 'VIR SEPA RECU',
        counterpartyName: inv.clientName,
        remittance: `Acompte ${inv.number}`,
      });
      expected.push({ kind: 'invoices', invoiceIds: [inv.id] });
    } else if (inv && kind < 0.85) {
      // Quotes a number with a typo and an amount that is not that invoice's: nothing may be confirmed.
      used.delete(inv.id);
      lines.push({
        ...base,
        amountCents: inv.dueCents + 1_00,
        label: 'VIR SEPA RECU',
        counterpartyName: 'Inconnu',
        remittance: `Facture ${inv.number}`,
      });
      expected.push({ kind: 'none' });
    } else if (kind < 0.92) {
      const messageId = `MUTUA-SAL-2026${String(batches.length).padStart(4, '0')}-1`;
      const totalCents = 100_000 + Math.floor(random() * 5_000_000);
      const batch: OpenBatch = {
        id: `b${batches.length}`,
        kind: 'salary',
        messageId,
        totalCents,
        executionDate: date,
      };
      batches.push(batch);
      const withRef = random() < 0.8;
      lines.push({
        ...base,
        amountCents: -totalCents,
        label: 'REMISE VIREMENTS SEPA',
        counterpartyName: '',
        remittance: withRef ? '' : 'SALAIRES',
        messageId: withRef ? messageId : null,
        endToEndIds: withRef ? [`${messageId}-1`] : [],
      });
      expected.push({ kind: 'batch', batchId: batch.id });
    } else {
      lines.push({
        ...base,
        amountCents:
          random() < 0.5 ? -(100 + Math.floor(random() * 5_000)) : 1_000 + Math.floor(random() * 90_000),
        label: pick(['FRAIS TENUE DE COMPTE', 'PRLV EDF', 'VIR RECU PARTICULIER', 'REMISE CHEQUE']),
        counterpartyName: pick(['EDF', 'BANQUE', 'Particulier', '']),
        remittance: '',
      });
      expected.push({ kind: 'none' });
    }
  }
  return { invoices, batches, lines, expected };
}
