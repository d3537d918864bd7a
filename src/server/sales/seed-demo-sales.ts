import { sql } from 'drizzle-orm';
import { passesLuhn } from '../../core/identity/is-valid-siren.ts';
import { addDays } from '../../core/sales/calendar-date.ts';
import type { AppContext } from '../app-context.ts';
import { systemActor } from '../audit/actor.ts';
import { queryRows } from '../db/query-rows.ts';
import { createClient } from './create-client.ts';
import { createCreditNote } from './create-credit-note.ts';
import { issueInvoice } from './issue-invoice.ts';
import { recordPayment } from './record-payment.ts';
import { salesToday } from './sales-access.ts';
import { saveInvoiceDraft } from './save-invoice-draft.ts';

/** One invoice of the demo books that the sales feature issues for real (seed-demo-ledger.ts plans them). */
export interface DemoInvoicePlan {
  activityId: string;
  activityCode: string;
  clientName: string;
  /** Excl. VAT; one line of services at 20 %. */
  htCents: number;
  issueDate: string;
  /** When the client pays it all, or null (never, or not yet). */
  paidOn: string | null;
  /** Unpaid invoices cancelled by a credit note a few days later. */
  creditNote: boolean;
}

/** A made-up but valid SIREN (Luhn), the same for a name at every seed. */
function demoSiren(name: string): string {
  let h = 7;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) % 10_000_000;
  const base = `9${String(h).padStart(7, '0')}`;
  for (let d = 0; d < 10; d++) if (passesLuhn(`${base}${d}`)) return `${base}${d}`;
  throw new Error('unreachable');
}

const slug = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const services = [
  'Accompagnement et conseil',
  'Atelier collectif (demi-journée)',
  'Conception graphique',
  'Prestation sur site',
  'Formation sur mesure',
  'Réalisation et suivi',
];

/** The clock of a demo operation: 10:00 in Paris on that day, as if it happened then. */
const at = (ctx: AppContext, day: string): AppContext => {
  const instant = new Date(`${day}T09:00:00.000Z`);
  return { ...ctx, now: () => instant };
};

/**
 * Issues the demo's recent invoices through the sales use cases (issue 5 §12): clients created per
 * activity, each invoice drafted, issued on its date (numbers in date order, PDF with Factur-X, the VT
 * entry), paid on its date when it is paid (BQ entry and VAT on receipts), and a few unpaid ones cancelled
 * by a credit note; the others stay unpaid, late once past due. Seeded once: nothing happens when the
 * cooperative already has invoices.
 */
export async function seedDemoSales(ctx: AppContext, plans: readonly DemoInvoicePlan[]) {
  const [any] = await queryRows<{ n: number }>(ctx.db, sql`SELECT count(*)::int AS n FROM invoices`);
  if (Number(any?.n ?? 0) > 0 || plans.length === 0) return { invoices: 0, creditNotes: 0, payments: 0 };
  const clientIds = new Map<string, string>();
  const clientOf = async (plan: DemoInvoicePlan) => {
    const key = `${plan.activityId}|${plan.clientName}`;
    let id = clientIds.get(key);
    if (!id) {
      const publicBody = plan.clientName.startsWith('Mairie');
      id = (
        await createClient(ctx, systemActor, plan.activityId, {
          kind: publicBody ? 'publicBody' : 'company',
          name: plan.clientName,
          siren: demoSiren(`${plan.activityCode}|${plan.clientName}`),
          billingAddress: { line1: '1 place de la République', postalCode: '75011', city: 'Paris' },
          email: `compta@${slug(plan.clientName)}.example`,
        })
      ).id;
      clientIds.set(key, id);
    }
    return id;
  };

  // Everything in date order: the legal numbering never goes back in time.
  type Step = { day: string; order: number; run: () => Promise<void> };
  const steps: Step[] = [];
  const issued = new Map<DemoInvoicePlan, string>();
  let invoicesDone = 0;
  let creditNotes = 0;
  let payments = 0;
  plans.forEach((plan, i) => {
    steps.push({
      day: plan.issueDate,
      order: i,
      run: async () => {
        const clientId = await clientOf(plan);
        const c = at(ctx, plan.issueDate);
        const { id } = await saveInvoiceDraft(c, systemActor, {
          activityId: plan.activityId,
          clientId,
          deliveryDate: plan.issueDate,
          body: {
            sections: [
              {
                title: null,
                lines: [
                  {
                    description: services[i % services.length],
                    quantity: '1',
                    unit: 'LS',
                    unitPriceCents: plan.htCents,
                    vat: { kind: 'rate', rateBp: 2000 },
                  },
                ],
              },
            ],
          },
        });
        await issueInvoice(c, systemActor, id);
        issued.set(plan, id);
        invoicesDone++;
      },
    });
    if (plan.paidOn) {
      const paidOn = plan.paidOn;
      steps.push({
        day: paidOn,
        order: i,
        run: async () => {
          const id = issued.get(plan)!;
          await recordPayment(at(ctx, paidOn), systemActor, id, {
            amountCents: Math.round(plan.htCents * 1.2),
            paidOn,
            method: 'transfer',
            reference: `VIR ${plan.activityCode}`,
          });
          payments++;
        },
      });
    } else if (plan.creditNote) {
      const day = addDays(plan.issueDate, 5);
      steps.push({
        day,
        order: i,
        run: async () => {
          const c = at(ctx, day);
          const { id } = await createCreditNote(c, systemActor, issued.get(plan)!, {
            notes: 'Prestation annulée à la demande du client.',
          });
          await issueInvoice(c, systemActor, id);
          creditNotes++;
        },
      });
    }
  });
  steps.sort((a, b) => a.day.localeCompare(b.day) || a.order - b.order);
  // The cooperative's day (Paris), as the invoices' issue dates are checked against it.
  const today = salesToday(ctx.now());
  for (const step of steps) if (step.day <= today) await step.run();
  return { invoices: invoicesDone, creditNotes, payments };
}
