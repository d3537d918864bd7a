import { sql } from 'drizzle-orm';
import type { Role } from '../../../core/access/roles.ts';
import type { PostEntryInput } from '../../../core/ledger/entry-schemas.ts';
import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../../audit/actor.ts';
import { queryRows } from '../../db/query-rows.ts';

/** Activities for ledger tests: the structure and two member activities (inserted directly, no use case yet). */
export async function seedLedgerActivities(ctx: AppContext, prefix = 'T') {
  const rows = await queryRows<{ id: string; code: string }>(
    ctx.db,
    sql`INSERT INTO activities (code, name, kind) VALUES
          (${`${prefix}-STRUCT`}, 'Structure', 'structure'),
          (${`${prefix}-ALICE`}, 'Alice Design', 'member'),
          (${`${prefix}-BOB`}, 'Bob Menuiserie', 'member')
        RETURNING id, code`,
  );
  const id = (suffix: string) => rows.find((r) => r.code === `${prefix}-${suffix}`)!.id;
  return { structure: id('STRUCT'), alice: id('ALICE'), bob: id('BOB') };
}

export function actorWith(role: Role, userId: string | null = null): Actor {
  return { userId, label: `${role}@test`, roles: [role], locale: 'fr', ipAddress: null };
}

let counter = 0;

/** An invoice issued by an activity: D 411 (TTC) · C 706 (HT) · C 44574 (VAT 20 %), in VT. */
export function saleEntry(
  activityId: string,
  htCents: bigint,
  over: Partial<PostEntryInput> & { date?: string } = {},
): PostEntryInput {
  counter += 1;
  const vat = (htCents * 20n) / 100n;
  const date = over.date ?? '2026-03-02';
  return {
    journalCode: 'VT',
    entryDate: date,
    pieceRef: `F-${counter}`,
    pieceDate: date,
    label: `Facture ${counter}`,
    source: { type: 'invoice', id: `inv-${counter}` },
    idempotencyKey: `test-invoice:${counter}:${Math.random()}`,
    lines: [
      {
        accountNumber: '411000',
        activityId,
        thirdParty: { code: 'C001', name: 'Client Dupont' },
        debitCents: htCents + vat,
      },
      { accountNumber: '706000', activityId, creditCents: htCents },
      { accountNumber: '445740', activityId, creditCents: vat },
    ],
    ...over,
  };
}

/** A client payment: D 512 · C 411. */
export function paymentEntry(activityId: string, cents: bigint, date = '2026-03-10'): PostEntryInput {
  counter += 1;
  return {
    journalCode: 'BQ',
    entryDate: date,
    pieceRef: `P-${counter}`,
    pieceDate: date,
    label: `Règlement ${counter}`,
    source: { type: 'payment', id: `pay-${counter}` },
    idempotencyKey: `test-payment:${counter}:${Math.random()}`,
    lines: [
      { accountNumber: '512000', activityId, debitCents: cents },
      {
        accountNumber: '411000',
        activityId,
        thirdParty: { code: 'C001', name: 'Client Dupont' },
        creditCents: cents,
      },
    ],
  };
}
