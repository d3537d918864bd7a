import { describe, expect, it } from 'vitest';
import { computeLatePenaltyCents, ecbRefinancingRates } from './late-penalty.ts';
import { dueReminderStep, ecbRatesThrough, ReminderDays } from './reminder-schedule.ts';

describe('reminder schedule', () => {
  const steps = [7, 30, 60];
  const at = (today: string, sentSteps: number[] = []) =>
    dueReminderStep({ dueDate: '2026-03-01', today, sentSteps }, steps);

  it('sends nothing before the first step, then each step once', () => {
    expect(at('2026-03-01')).toBeNull();
    expect(at('2026-03-07')).toBeNull();
    expect(at('2026-03-08')).toBe(7);
    expect(at('2026-03-09', [7])).toBeNull();
    expect(at('2026-03-31', [7])).toBe(30);
    expect(at('2026-04-30', [7, 30])).toBe(60);
    expect(at('2026-09-30', [7, 30, 60])).toBeNull();
  });

  it('sends only the latest step reached when several are due at once', () => {
    expect(at('2026-05-15')).toBe(60);
    expect(at('2026-05-16', [60])).toBeNull();
  });

  it('refuses a schedule with a duplicate, a zero or too many steps, and sorts it', () => {
    expect(ReminderDays.parse([30, 7])).toEqual([7, 30]);
    expect(ReminderDays.safeParse([7, 7]).success).toBe(false);
    expect(ReminderDays.safeParse([0]).success).toBe(false);
    expect(ReminderDays.safeParse([1.5]).success).toBe(false);
    expect(ReminderDays.safeParse(Array.from({ length: 11 }, (_, i) => i + 1)).success).toBe(false);
  });

  it('carries the last known ECB rate over the half-years not typed in yet', () => {
    const rates = ecbRatesThrough(ecbRefinancingRates, '2027-02-10');
    expect(rates.slice(-3)).toEqual([
      { semesterStart: '2026-01-01', rateBp: 215 },
      { semesterStart: '2026-07-01', rateBp: 215 },
      { semesterStart: '2027-01-01', rateBp: 215 },
    ]);
    // 1000 € unpaid 30 days at 2.15 % + 10 points = 12.15 %: 1000 × 12.15 % × 30 / 365 = 9.99 €.
    const cents = computeLatePenaltyCents(
      { unpaidCents: 100_000, dueDate: '2026-08-01', until: '2026-08-31' },
      { marginBp: 1000, fixedRateBp: null, ecbRates: rates },
    );
    expect(cents).toBe(999);
  });
});
