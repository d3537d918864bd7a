import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import {
  engineSettingsOf,
  type PayrollSettingsVersion,
  PayrollSettingsVersionInput,
} from '../../core/payroll/payroll-settings.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { queryRows } from '../db/query-rows.ts';
import { listPayrollSettingsVersions } from './list-payroll-settings-versions.ts';
import { payrollSettingsVersions } from './payroll-run-tables.ts';

/**
 * A manager records the cooperative's payroll settings from the first day of a month (issue 10, cae-domain.md
 * §2.3 [CONF/YEAR]): the version in force until then keeps applying to the months before. A version may start
 * only after the last month already run, so a run is never priced again with other settings (each run also keeps
 * a copy of what it used); a version not yet used by any run, with the same start, is replaced.
 */
export async function recordPayrollSettingsVersion(
  ctx: AppContext,
  actor: Actor,
  input: PayrollSettingsVersionInput,
): Promise<PayrollSettingsVersion> {
  const v = PayrollSettingsVersionInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    // One change at a time, and no run in between reading the last month run and writing.
    await tx.execute(sql`LOCK TABLE payroll_settings_versions IN EXCLUSIVE MODE`);
    const [run] = await queryRows<{ month: string | null }>(
      tx,
      sql`SELECT to_char(max(month), 'YYYY-MM') AS month FROM payroll_runs`,
    );
    if (run?.month && v.validFrom.slice(0, 7) <= run.month)
      throw new AppError('PAYROLL_SETTINGS_MONTH_RUN', { month: run.month });
    const [before] = await tx
      .select()
      .from(payrollSettingsVersions)
      .where(eq(payrollSettingsVersions.validFrom, v.validFrom));
    const values = {
      validFrom: v.validFrom,
      settings: engineSettingsOf(v),
      safetyBufferCents: v.safetyBufferCents,
      establishmentSiret: v.establishmentSiret,
      apeCode: v.apeCode,
      collectiveAgreement: v.collectiveAgreement,
      note: v.note,
      createdBy: actor.userId,
      createdAt: ctx.now(),
    };
    const [row] = before
      ? await tx
          .update(payrollSettingsVersions)
          .set(values)
          .where(eq(payrollSettingsVersions.id, before.id))
          .returning()
      : await tx.insert(payrollSettingsVersions).values(values).returning();
    const { createdBy: _c, createdAt: _a, ...to } = values;
    await recordAudit(tx, actor, {
      action: 'payroll.settings.record',
      objectType: 'payroll_settings_version',
      objectId: row!.id,
      changes: {
        to,
        from: before
          ? {
              settings: before.settings,
              safetyBufferCents: before.safetyBufferCents,
              establishmentSiret: before.establishmentSiret,
              apeCode: before.apeCode,
              collectiveAgreement: before.collectiveAgreement,
              note: before.note,
            }
          : null,
      },
    });
    return (await listPayrollSettingsVersions(tx)).find((x) => x.id === row!.id)!;
  });
}
