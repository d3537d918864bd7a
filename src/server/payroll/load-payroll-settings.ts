import type { CalendarDate } from '../../core/members/calendar-date.ts';
import { type PayrollSettingsInForce, payrollSettingsInForce } from '../../core/payroll/payroll-settings.ts';
import type { Db } from '../db/open-database.ts';
import { listPayrollSettingsVersions } from './list-payroll-settings-versions.ts';

/**
 * The payroll settings the cooperative applies on a date (issue 10): the version recorded in force then, or the
 * documented defaults while none is (src/core/payroll/payroll-settings.ts). The simulator, the salary capacity,
 * the exit plan, the payroll run and the true-up all read them here.
 */
export async function loadPayrollSettings(db: Db, date: CalendarDate): Promise<PayrollSettingsInForce> {
  return payrollSettingsInForce(await listPayrollSettingsVersions(db), date);
}
