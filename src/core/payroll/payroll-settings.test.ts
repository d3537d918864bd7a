import { describe, expect, it } from 'vitest';
import { addMonths, countMonths, monthOfDate, PayrollMonthSchema } from './payroll-month.ts';
import {
  DatedPayrollSettings,
  defaultPayrollSettings,
  PayrollSettings,
  payrollSettingsOn,
} from './payroll-settings.ts';

const version = (validFrom: string, headcountClass: PayrollSettings['headcountClass']) =>
  DatedPayrollSettings.parse({ ...defaultPayrollSettings, headcountClass, validFrom });

describe('payroll settings', () => {
  it('picks the version in force on a date', () => {
    const versions = [
      version('2026-01-01', '50-149'),
      version('2024-01-01', '20-49'),
      version('2026-07-01', '250+'),
    ];
    expect(payrollSettingsOn(versions, '2023-12-31')).toBeNull();
    expect(payrollSettingsOn(versions, '2025-06-30')?.headcountClass).toBe('20-49');
    expect(payrollSettingsOn(versions, '2026-01-01')?.headcountClass).toBe('50-149');
    expect(payrollSettingsOn(versions, '2026-06-30')?.headcountClass).toBe('50-149');
    expect(payrollSettingsOn(versions, '2026-07-01')?.headcountClass).toBe('250+');
  });

  it('refuses a health plan the employer pays less than half of, and unknown headcount classes', () => {
    const half = {
      ...defaultPayrollSettings,
      healthPlan: { monthlyPremiumCents: 5_000, employerShareBp: 4_999 },
    };
    expect(PayrollSettings.safeParse(half).error?.issues[0]?.message).toBe('payroll.healthEmployerShare');
    expect(PayrollSettings.safeParse({ ...defaultPayrollSettings, headcountClass: '12' }).success).toBe(
      false,
    );
    expect(PayrollSettings.safeParse({ ...defaultPayrollSettings, workAccidentRateBp: 1.5 }).success).toBe(
      false,
    );
    expect(PayrollSettings.parse(defaultPayrollSettings)).toEqual(defaultPayrollSettings);
  });
});

describe('payroll months', () => {
  it('counts and moves months across years', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(countMonths('2026-01', '2026-03')).toBe(3);
    expect(countMonths('2025-11', '2026-02')).toBe(4);
    expect(countMonths('2026-03', '2026-01')).toBe(0);
    expect(monthOfDate('2026-09-30')).toBe('2026-09');
    expect(PayrollMonthSchema.safeParse('2026-13').error?.issues[0]?.message).toBe('payroll.month');
    expect(PayrollMonthSchema.safeParse('2026-1').success).toBe(false);
  });
});
