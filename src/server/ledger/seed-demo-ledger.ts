import { sql } from 'drizzle-orm';
import type { PostEntryInput } from '../../core/ledger/entry-schemas.ts';
import { addDaysToDate, dateInTimeZone } from '../../core/ledger/ledger-date.ts';
import { allocate } from '../../core/money/allocate.ts';
import type { AppContext } from '../app-context.ts';
import { systemActor } from '../audit/actor.ts';
import { seedDemoContribution } from '../contribution/seed-demo-contribution.ts';
import { queryRows } from '../db/query-rows.ts';
import { seedDemoPayroll } from '../payroll/seed-demo-payroll.ts';
import type { DemoInvoicePlan } from '../sales/seed-demo-sales.ts';
import { closeFiscalYear } from './close-fiscal-year.ts';
import { postEntries } from './post-entries.ts';

/** A small deterministic generator (mulberry32), so that the demo books are the same at every seed. */
function generator(seed: string) {
  let h = 1779033703;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 3432918353);
  let state = h >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!,
  };
}

const clientNames = [
  'Mairie de Montreuil',
  'Atelier Lumière SARL',
  'Association Les Jardins Partagés',
  'Boulangerie Durand',
  'Studio Nord-Est',
  'Librairie La Plume',
  'Collectif Écoute',
  'Pharmacie du Marché',
];
const suppliers: [string, string, string][] = [
  ['F-ASSUR', 'Assurance Pro Mutuelle', '616000'],
  ['F-LOGIC', 'Logiciels & Cie', '604000'],
  ['F-IMPR', 'Imprimerie Rapide', '623000'],
  ['F-TELEC', 'Opérateur Télécom', '626000'],
];

type Activity = {
  id: string;
  code: string;
  kind: string;
  start: string | null;
  cesaStart: string | null;
  member: string | null;
};

const monthEnd = (month: string) => addDaysToDate(`${addMonth(month)}-01`, -1);
function addMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
const vatOf = (htCents: bigint, rateBp: bigint) => (htCents * rateBp + 5_000n) / 10_000n;

/**
 * The demo cooperative's books: from January 2025 to today, for every activity from the day its first
 * member joined, the entries a CAE's year produces — invoices (VAT on receipts) and their payments,
 * supplier invoices and payments, expense claims and their reimbursement, the monthly contribution runs of
 * 2025, payroll for members under a CESA and its payment, quarterly VAT returns — all posted through
 * postEntries, then 2025 closed (opening entries in 2026). Deterministic; posting again changes nothing.
 * Call it after the activities exist and after any other demo posting dated in 2025.
 */
export async function seedDemoLedger(ctx: AppContext, options: { salesFrom?: string } = {}) {
  const today = dateInTimeZone(ctx.now());
  // Invoices dated from `salesFrom` (by default the first day of last month) are not
  // posted here: the sales feature issues them for real (seed-demo-sales.ts), with their documents,
  // numbers and entries; the draws stay the same, so the rest of the books does not move. One month back
  // keeps some of them overdue while the demo seeds in under a minute (each issue draws a Factur-X PDF).
  const salesPlans: DemoInvoicePlan[] = [];
  let salesFrom = options.salesFrom;
  if (!salesFrom) {
    salesFrom = `${today.slice(0, 7)}`;
    salesFrom = previousMonth(salesFrom);
    salesFrom = `${salesFrom}-01`;
  }
  const activities = (
    await queryRows<{
      id: string;
      code: string;
      kind: string;
      start: string | null;
      cesa_start: string | null;
      member: string | null;
    }>(
      ctx.db,
      sql`SELECT a.id, a.code, a.kind, min(am.valid_from)::text AS start,
                 min(j.on_date) FILTER (WHERE j.kind = 'cesa')::text AS cesa_start,
                 min(m.first_name || ' ' || m.last_name) AS member
          FROM activities a
          LEFT JOIN activity_members am ON am.activity_id = a.id
          LEFT JOIN members m ON m.id = am.member_id
          LEFT JOIN journey_entries j ON j.member_id = m.id
          GROUP BY a.id, a.code, a.kind ORDER BY a.code`,
    )
  ).map(
    (r): Activity => ({
      id: r.id,
      code: r.code,
      kind: r.kind,
      start: r.start,
      cesaStart: r.cesa_start,
      member: r.member,
    }),
  );
  const structure = activities.find((a) => a.kind === 'structure');
  if (!structure) return { entries: 0, salesPlans };
  const first = '2025-01-01';
  if (today <= first) return { entries: 0, salesPlans };

  const entries: (PostEntryInput & { order: string })[] = [];
  const add = (e: PostEntryInput) => {
    if (e.entryDate <= today) entries.push({ ...e, order: `${e.entryDate}|${e.idempotencyKey}` });
  };

  // The structure's own running costs, paid from its bank account.
  for (let month = '2025-01'; `${month}-01` <= today; month = addMonth(month)) {
    const s = structure.id;
    const rent = 120_000n;
    add({
      journalCode: 'AC',
      entryDate: `${month}-01`,
      pieceRef: `LOYER-${month}`,
      pieceDate: `${month}-01`,
      label: `Loyer des locaux ${month}`,
      // Booked by the accountant straight in the purchases journal, not through the expenses module, whose
      // supplier invoices `mutua verify` matches one to one with their 'supplier_invoice' entries.
      source: { type: 'purchase', id: `demo-rent-${month}` },
      idempotencyKey: `demo:rent:${month}`,
      lines: [
        { accountNumber: '613000', activityId: s, debitCents: rent },
        { accountNumber: '445660', activityId: s, debitCents: vatOf(rent, 2000n) },
        {
          accountNumber: '401000',
          activityId: s,
          thirdParty: { code: 'F-SCI', name: 'SCI Les Ateliers' },
          creditCents: rent + vatOf(rent, 2000n),
        },
      ],
    });
    add({
      journalCode: 'BQ',
      entryDate: `${month}-05`,
      pieceRef: `VIR-LOYER-${month}`,
      pieceDate: `${month}-05`,
      label: `Virement loyer ${month}`,
      source: { type: 'bank_line', id: `demo-rent-pay-${month}` },
      idempotencyKey: `demo:rent-pay:${month}`,
      lines: [
        {
          accountNumber: '401000',
          activityId: s,
          thirdParty: { code: 'F-SCI', name: 'SCI Les Ateliers' },
          debitCents: rent + vatOf(rent, 2000n),
        },
        { accountNumber: '512000', activityId: s, creditCents: rent + vatOf(rent, 2000n) },
      ],
    });
    add({
      journalCode: 'BQ',
      entryDate: monthEnd(month),
      pieceRef: `FRAIS-${month}`,
      pieceDate: monthEnd(month),
      label: `Frais bancaires ${month}`,
      source: { type: 'bank_line', id: `demo-fees-${month}` },
      idempotencyKey: `demo:bank-fees:${month}`,
      lines: [
        { accountNumber: '627000', activityId: s, debitCents: 3_850n },
        { accountNumber: '512000', activityId: s, creditCents: 3_850n },
      ],
    });
  }

  for (const a of activities) {
    if (a.kind !== 'member' || !a.start) continue;
    const rng = generator(a.code);
    // Draws of the real invoices only (credit notes), apart from `rng` so the books keep their draws.
    const salesRng = generator(`${a.code}:sales`);
    const clients = clientNames
      .map((name, i) => ({ code: `C-${a.code}-${i + 1}`.slice(0, 40), name }))
      .slice(0, rng.int(3, 6));
    const member = { code: `SAL-${a.code}`.slice(0, 40), name: a.member ?? a.code };
    const start = a.start > first ? a.start : first;
    let invoice = 0;
    // VAT per quarter, for the return: collected on receipts, deductible on purchases and claims.
    const vat = new Map<string, { collected: bigint; deductible: bigint }>();
    const quarterOf = (date: string) => `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
    const addVat = (date: string, k: 'collected' | 'deductible', cents: bigint) => {
      const q = vat.get(quarterOf(date)) ?? { collected: 0n, deductible: 0n };
      q[k] += cents;
      vat.set(quarterOf(date), q);
    };
    for (let month = start.slice(0, 7); `${month}-01` <= today; month = addMonth(month)) {
      const firstDay = `${month}-01` < start ? start : `${month}-01`;
      const last = monthEnd(month);
      const day = () => {
        const d = addDaysToDate(
          firstDay,
          rng.int(0, Math.max(0, Number(last.slice(8)) - Number(firstDay.slice(8)))),
        );
        return d > last ? last : d;
      };
      for (let i = rng.int(1, 3); i > 0; i--) {
        invoice += 1;
        const client = rng.pick(clients);
        const ht = BigInt(rng.int(8, 60) * 5_000);
        const tva = vatOf(ht, 2000n);
        const date = day();
        const ref = `${a.code}-F${String(invoice).padStart(4, '0')}`;
        const real = date >= salesFrom && date <= today;
        if (real) {
          salesPlans.push({
            activityId: a.id,
            activityCode: a.code,
            clientName: client.name,
            htCents: Number(ht),
            issueDate: date,
            paidOn: null,
            creditNote: false,
          });
        } else {
          add({
            journalCode: 'VT',
            entryDate: date,
            pieceRef: ref,
            pieceDate: date,
            label: `Facture ${ref} ${client.name}`.slice(0, 200),
            source: { type: 'invoice', id: ref },
            idempotencyKey: `demo:invoice:${ref}`,
            lines: [
              { accountNumber: '411000', activityId: a.id, thirdParty: client, debitCents: ht + tva },
              { accountNumber: '706000', activityId: a.id, creditCents: ht },
              { accountNumber: '445740', activityId: a.id, creditCents: tva },
            ],
          });
        }
        if (rng.chance(0.9)) {
          const paid = addDaysToDate(date, rng.int(15, 50));
          if (real) {
            if (paid <= today) salesPlans[salesPlans.length - 1]!.paidOn = paid;
          } else {
            add({
              journalCode: 'BQ',
              entryDate: paid,
              pieceRef: `REG-${ref}`,
              pieceDate: paid,
              label: `Règlement ${ref} ${client.name}`.slice(0, 200),
              source: { type: 'payment', id: `pay-${ref}` },
              idempotencyKey: `demo:payment:${ref}`,
              // VAT on receipts: what was awaiting becomes collected (ledger.md, client payment).
              lines: [
                { accountNumber: '512000', activityId: a.id, debitCents: ht + tva },
                { accountNumber: '411000', activityId: a.id, thirdParty: client, creditCents: ht + tva },
                { accountNumber: '445740', activityId: a.id, debitCents: tva },
                { accountNumber: '445710', activityId: a.id, creditCents: tva },
              ],
            });
          }
          if (paid <= today) addVat(paid, 'collected', tva);
        } else if (real && salesRng.chance(0.4)) {
          // An unpaid real invoice is sometimes cancelled by a credit note; the others stay late.
          salesPlans[salesPlans.length - 1]!.creditNote = true;
        }
      }
      if (rng.chance(0.5)) {
        const [code, name, account] = rng.pick(suppliers);
        const ht = BigInt(rng.int(30, 600) * 100);
        const tva = vatOf(ht, 2000n);
        const date = day();
        const ref = `${a.code}-A-${month}`;
        add({
          journalCode: 'AC',
          entryDate: date,
          pieceRef: ref,
          pieceDate: date,
          label: `Facture ${name}`,
          source: { type: 'purchase', id: ref },
          idempotencyKey: `demo:purchase:${ref}`,
          lines: [
            { accountNumber: account, activityId: a.id, debitCents: ht },
            { accountNumber: '445660', activityId: a.id, debitCents: tva },
            { accountNumber: '401000', activityId: a.id, thirdParty: { code, name }, creditCents: ht + tva },
          ],
        });
        if (date <= today) addVat(date, 'deductible', tva);
        const paid = addDaysToDate(date, 30);
        add({
          journalCode: 'BQ',
          entryDate: paid,
          pieceRef: `PAI-${ref}`,
          pieceDate: paid,
          label: `Paiement ${name}`,
          source: { type: 'bank_line', id: `pay-${ref}` },
          idempotencyKey: `demo:purchase-pay:${ref}`,
          lines: [
            { accountNumber: '401000', activityId: a.id, thirdParty: { code, name }, debitCents: ht + tva },
            { accountNumber: '512000', activityId: a.id, creditCents: ht + tva },
          ],
        });
      }
      if (rng.chance(0.4)) {
        const ttc = BigInt(rng.int(20, 250) * 100);
        const [ht, tva] = allocate(ttc, [100, 10]) as [bigint, bigint];
        const date = day();
        const ref = `${a.code}-NDF-${month}`;
        add({
          journalCode: 'NDF',
          entryDate: date,
          pieceRef: ref,
          pieceDate: date,
          label: `Note de frais ${member.name} ${month}`.slice(0, 200),
          source: { type: 'member_expense', id: ref }, // booked straight in NDF, like the purchases above
          idempotencyKey: `demo:claim:${ref}`,
          lines: [
            { accountNumber: '625000', activityId: a.id, debitCents: ht, label: 'Déplacements et repas' },
            { accountNumber: '445660', activityId: a.id, debitCents: tva },
            { accountNumber: '467000', activityId: a.id, thirdParty: member, creditCents: ttc },
          ],
        });
        if (date <= today) addVat(date, 'deductible', tva);
        const paid = addDaysToDate(last, 10);
        add({
          journalCode: 'BQ',
          entryDate: paid,
          pieceRef: `RMB-${ref}`,
          pieceDate: paid,
          label: `Remboursement note de frais ${member.name}`.slice(0, 200),
          source: { type: 'bank_line', id: `rmb-${ref}` },
          idempotencyKey: `demo:claim-pay:${ref}`,
          lines: [
            { accountNumber: '467000', activityId: a.id, thirdParty: member, debitCents: ttc },
            { accountNumber: '512000', activityId: a.id, creditCents: ttc },
          ],
        });
      }
      // The contribution comes from the real monthly runs (seedDemoContribution: 2025 before the closing
      // below, 2026 once the other demos have posted).
      // Payroll for a member under a CESA is run by the payroll feature (seedDemoPayroll, below: the monthly
      // run, the transfer of the net salaries, the contributions). The draw stays so that the others do not move.
      if (a.cesaStart && a.cesaStart <= last && last <= today) rng.int(10, 16);
      // Quarterly VAT return at the quarter's end, paid on the 20th of the next month.
      if (['03', '06', '09', '12'].includes(month.slice(5)) && last < today) {
        const q = vat.get(quarterOf(last));
        if (q && (q.collected > 0n || q.deductible > 0n)) {
          const due = q.collected - q.deductible;
          const lines: PostEntryInput['lines'] = [];
          if (q.collected > 0n)
            lines.push({ accountNumber: '445710', activityId: a.id, debitCents: q.collected });
          if (q.deductible > 0n)
            lines.push({ accountNumber: '445660', activityId: a.id, creditCents: q.deductible });
          if (due > 0n) lines.push({ accountNumber: '445510', activityId: a.id, creditCents: due });
          if (due < 0n) lines.push({ accountNumber: '445670', activityId: a.id, debitCents: -due });
          if (lines.length >= 2) {
            add({
              journalCode: 'OD',
              entryDate: last,
              pieceRef: `TVA-${a.code}-${quarterOf(last)}`,
              pieceDate: last,
              label: `Déclaration de TVA ${quarterOf(last)}`,
              source: { type: 'vat_return', id: `${quarterOf(last)}:${a.code}` },
              idempotencyKey: `demo:vat:${a.code}:${quarterOf(last)}`,
              lines,
            });
            if (due > 0n) {
              const paid = addDaysToDate(last, 20);
              add({
                journalCode: 'BQ',
                entryDate: paid,
                pieceRef: `PAI-TVA-${a.code}-${quarterOf(last)}`,
                pieceDate: paid,
                label: `Paiement TVA ${quarterOf(last)}`,
                source: { type: 'bank_line', id: `vat-${quarterOf(last)}-${a.code}` },
                idempotencyKey: `demo:vat-pay:${a.code}:${quarterOf(last)}`,
                lines: [
                  { accountNumber: '445510', activityId: a.id, debitCents: due },
                  { accountNumber: '512000', activityId: a.id, creditCents: due },
                ],
              });
            }
          }
        }
      }
    }
  }

  entries.sort((x, y) => (x.order < y.order ? -1 : x.order > y.order ? 1 : 0));
  let posted = 0;
  const close2025 = today > '2025-12-31';
  for (let i = 0; i < entries.length; i += 500) {
    const batch = entries.slice(i, i + 500).map(({ order: _order, ...e }) => e);
    posted += (await postEntries(ctx, systemActor, batch)).filter((p) => !p.alreadyPosted).length;
  }
  // Every month's payroll through the payroll run (rules engine, treasury checked), before 2025 is closed.
  await seedDemoPayroll(ctx);
  // And 2025's monthly contribution runs, which a closed year no longer accepts.
  await seedDemoContribution(ctx, { through: '2025-12' });
  if (close2025) {
    const [year] = await queryRows<{ id: number; status: string }>(
      ctx.db,
      sql`SELECT id, status FROM fiscal_years WHERE start_date = '2025-01-01'`,
    );
    if (year && year.status === 'open') await closeFiscalYear(ctx, systemActor, Number(year.id));
  }
  return { entries: posted, salesPlans };
}
