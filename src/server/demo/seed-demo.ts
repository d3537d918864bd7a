import { sql } from 'drizzle-orm';
import type { Role } from '../../core/access/roles.ts';
import { CooperativeIdentity } from '../../core/cooperative/cooperative-identity.ts';
import type { AppContext } from '../app-context.ts';
import { systemActor } from '../audit/actor.ts';
import { seedDemoBank } from '../bank/seed-demo-bank.ts';
import { seedDemoContribution } from '../contribution/seed-demo-contribution.ts';
import { updateCooperative } from '../cooperative/update-cooperative.ts';
import { queryRows } from '../db/query-rows.ts';
import { seedDemoExpenses } from '../expenses/seed-demo-expenses.ts';
import { seedDemoGovernance } from '../governance/seed-demo-governance.ts';
import { seedDemoLedger } from '../ledger/seed-demo-ledger.ts';
import { seedDemoMembers } from '../members/seed-demo-members.ts';
import { createAccount } from '../people/create-account.ts';
import { seedDemoSales } from '../sales/seed-demo-sales.ts';

export const demoCooperative = CooperativeIdentity.parse({
  legalName: 'Coopérative Mutua Démo',
  legalForm: 'SCOP_SA',
  variableCapital: true,
  siren: '912345675',
  rcsCity: 'Paris',
  vatNumber: 'FR65912345675',
  address: { line1: '12 rue de la Coopération', postalCode: '75011', city: 'Paris' },
  email: 'contact@demo.mutua.coop',
  phone: '01 23 45 67 89',
  iban: 'FR76 3000 6000 0112 3456 7890 189',
  bic: 'AGRIFRPP',
  fiscalYearEnd: '12-31',
});

/** One person per role, so that every home page can be seen (later issues add the 40 members). */
export const demoPeople: { email: string; name: string; roles: Role[] }[] = [
  { email: 'admin@demo.mutua.coop', name: 'Alex Admin', roles: ['admin'] },
  { email: 'direction@demo.mutua.coop', name: 'Dominique Gérant', roles: ['manager'] },
  { email: 'compta@demo.mutua.coop', name: 'Claude Comptable', roles: ['accountant'] },
  { email: 'accompagnement@demo.mutua.coop', name: 'Sacha Accompagnatrice', roles: ['support'] },
  { email: 'camille@demo.mutua.coop', name: 'Camille Martin', roles: ['member'] },
  // Two associates who vote (governance, issue 8); their member files are linked by seedDemoGovernance.
  { email: 'hugo.bernard@exemple.coop', name: 'Hugo Bernard', roles: ['member'] },
  { email: 'nadia.haddad@exemple.coop', name: 'Nadia Haddad', roles: ['member'] },
];

/** True when nobody has an account yet: the only state in which the demo is seeded. */
export async function isEmptyCooperative(ctx: AppContext): Promise<boolean> {
  const [r] = await queryRows<{ n: number }>(ctx.db, sql`SELECT count(*)::int AS n FROM users`);
  return Number(r?.n ?? 0) === 0;
}

/** Seeds the demo cooperative through the same use cases as the app. Deterministic apart from the password. */
export async function seedDemo(ctx: AppContext, password: string) {
  await updateCooperative(ctx, systemActor, demoCooperative);
  for (const person of demoPeople) await createAccount(ctx, { ...person, password });
  await seedDemoMembers(ctx, password);
  // Before the ledger demo: share payments are dated in 2025, which it closes.
  await seedDemoGovernance(ctx);
  // Last: it posts a year of entries for the activities above and closes 2025. The last months'
  // invoices are issued for real by the sales feature (documents, numbers, Factur-X, entries).
  const { salesPlans } = await seedDemoLedger(ctx);
  await seedDemoSales(ctx, salesPlans);
  // Expense claims and supplier invoices in every state (issue 7), approved and paid through the use cases.
  await seedDemoExpenses(ctx);
  // After the books: the monthly contribution run of every month of 2026 that is over (2025's ran before
  // its closing, in seedDemoLedger).
  await seedDemoContribution(ctx);
  // Last: bank statements of the last days in each format, imported and mostly reconciled (issue 9).
  await seedDemoBank(ctx);
  return demoPeople;
}
