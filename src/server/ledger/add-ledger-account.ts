import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { requiresThirdPartyByDefault } from '../../core/ledger/account-rules.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { ledgerAccounts } from './ledger-tables.ts';

/** Adds an account to the chart (accountant). Auxiliary accounts need a third party unless told otherwise. */
export async function addLedgerAccount(
  ctx: AppContext,
  actor: Actor,
  input: { number: string; label: string; requiresThirdParty?: boolean },
) {
  return ctx.db.transaction(async (tx) => {
    const [taken] = await tx.select().from(ledgerAccounts).where(eq(ledgerAccounts.number, input.number));
    if (taken) throw new AppError('LEDGER_ACCOUNT_EXISTS', { account: input.number });
    const values = {
      number: input.number,
      label: input.label,
      requiresThirdParty: input.requiresThirdParty ?? requiresThirdPartyByDefault(input.number),
    };
    const [row] = await tx
      .insert(ledgerAccounts)
      .values({ ...values, createdAt: ctx.now(), updatedAt: ctx.now() })
      .returning();
    await recordAudit(tx, actor, {
      action: 'ledger.account.create',
      objectType: 'ledger_account',
      objectId: input.number,
      changes: values,
    });
    return row!;
  });
}
