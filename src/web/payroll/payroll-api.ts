import type {
  PayrollRunPreview,
  PayrollRunResult,
  PayrollSlipView,
  SalaryPaymentView,
} from '../../core/payroll/payroll-run-schemas.ts';
import type { PayrollSettingsInForce, PayrollSettingsVersion } from '../../core/payroll/payroll-settings.ts';
import type { YearEndTrueUpAnswer } from '../../core/payroll/propose-year-end-true-up.ts';
import type { SalaryCapacityAnswer } from '../../core/payroll/salary-capacity-input.ts';
import type { SalaryPlanView } from '../../core/payroll/salary-plan.ts';
import type { SalarySimulation } from '../../core/payroll/salary-simulation-schemas.ts';
import type { TrueUpRecordView } from '../../core/payroll/true-up-record-schemas.ts';
import { api, queryString } from '../app/api-client.ts';

export type ExitPlan = {
  months: { month: string; grossCents: number; employerCostCents: number; treasuryAfterCents: number }[];
  remainderCents: number;
  explanation: string[];
};

/** The payroll API as the screens use it. */
export const payrollApi = {
  simulate: (body: { from: string; amountCents: number; month: string }) =>
    api<SalarySimulation>('POST', '/payroll/simulate', { body }),
  capacity: (body: Record<string, unknown>) =>
    api<SalaryCapacityAnswer>('POST', '/payroll/capacity', { body }),
  exitPlan: (body: Record<string, unknown>) => api<ExitPlan>('POST', '/payroll/exit-plan', { body }),
  myPlans: () =>
    api<{ current: SalaryPlanView | null; plans: SalaryPlanView[] }>('GET', '/payroll/plans/mine'),
  propose: (body: { fromMonth: string; monthlyGrossCents: number; note: string }) =>
    api<SalaryPlanView>('POST', '/payroll/plans', { body }),
  withdraw: (id: string) => api<SalaryPlanView>('POST', `/payroll/plans/${id}/withdraw`),
  plans: (status?: string) => api<SalaryPlanView[]>('GET', `/payroll/plans${queryString({ status })}`),
  decide: (id: string, decision: 'approve' | 'reject', note = '') =>
    api<SalaryPlanView>('POST', `/payroll/plans/${id}/${decision}`, { body: { note } }),
  mySlips: () => api<PayrollSlipView[]>('GET', '/payroll/slips/mine'),
  slips: (month: string) => api<PayrollSlipView[]>('GET', `/payroll/slips${queryString({ month })}`),
  preview: (month: string) => api<PayrollRunPreview>('POST', '/payroll/runs/preview', { body: { month } }),
  run: (month: string) => api<PayrollRunResult>('POST', '/payroll/runs', { body: { month } }),
  approveAdvance: (body: { memberId: string; month: string; fundActivityId: string }) =>
    api<unknown>('POST', '/payroll/advances', { body }),
  payments: (month: string) => api<SalaryPaymentView[]>('GET', `/payroll/payments${queryString({ month })}`),
  preparePayment: (month: string, executionDate: string) =>
    api<{ payment: SalaryPaymentView; excluded: { memberId: string; memberName: string; reason: string }[] }>(
      'POST',
      '/payroll/payments',
      { body: { month, executionDate } },
    ),
  confirmPayment: (id: string) => api<SalaryPaymentView>('POST', `/payroll/payments/${id}/confirm`),
  settings: () =>
    api<{ current: PayrollSettingsInForce; versions: PayrollSettingsVersion[] }>('GET', '/payroll/settings'),
  recordSettings: (body: Record<string, unknown>) =>
    api<PayrollSettingsVersion>('POST', '/payroll/settings', { body }),
  trueUps: (fiscalYearId: number) =>
    api<TrueUpRecordView[]>('GET', `/payroll/true-ups${queryString({ fiscalYearId: String(fiscalYearId) })}`),
  accrueTrueUp: (fiscalYearId: number, assemblyDate: string) =>
    api<TrueUpRecordView[]>('POST', '/payroll/true-up/accrue', { body: { fiscalYearId, assemblyDate } }),
  payTrueUp: (fiscalYearId: number, paidOn: string) =>
    api<TrueUpRecordView[]>('POST', '/payroll/true-up/pay', { body: { fiscalYearId, paidOn } }),
  trueUp: (fiscalYearId: number, assemblyDate: string) =>
    api<YearEndTrueUpAnswer>('POST', '/payroll/true-up', { body: { fiscalYearId, assemblyDate } }),
};
