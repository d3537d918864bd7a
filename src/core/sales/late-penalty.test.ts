import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import {
  computeLatePenaltyCents,
  defaultLatePenaltySettings,
  formatRateBp,
  latePenaltyRateBp,
  RECOVERY_INDEMNITY_CENTS,
} from './late-penalty.ts';

describe('late penalties (C. com. L441-10 II)', () => {
  it('is the ECB rate of the half-year plus 10 points', () => {
    expect(latePenaltyRateBp('2025-03-01')).toBe(315 + 1000);
    expect(latePenaltyRateBp('2025-07-01')).toBe(215 + 1000);
    expect(latePenaltyRateBp('2025-12-31')).toBe(1215);
    expect(formatRateBp(1215)).toBe('12,15 %');
  });

  it('uses a configured margin or a contractual fixed rate, and refuses a half-year without an ECB rate', () => {
    expect(latePenaltyRateBp('2024-02-01', { ...defaultLatePenaltySettings, marginBp: 700 })).toBe(450 + 700);
    expect(latePenaltyRateBp('2024-02-01', { ...defaultLatePenaltySettings, fixedRateBp: 1500 })).toBe(1500);
    expect(() => latePenaltyRateBp('2031-02-01')).toThrowError(
      expect.objectContaining({ code: 'ECB_RATE_MISSING' }),
    );
    // Issuing falls back on the last known rate rather than stopping.
    expect(latePenaltyRateBp('2031-02-01', defaultLatePenaltySettings, 'latest')).toBe(215 + 1000);
    expect(() => latePenaltyRateBp('2019-02-01', defaultLatePenaltySettings, 'latest')).toThrowError(
      AppError,
    );
  });

  it('accrues day by day, each half-year at its rate, rounded once', () => {
    // 1 000 € unpaid, due 2025-06-20, until 2025-07-10: 10 days at 13.15 %, 10 days at 12.15 %.
    const cents = computeLatePenaltyCents({
      unpaidCents: 100_000,
      dueDate: '2025-06-20',
      until: '2025-07-10',
    });
    // 100000 × (1315 × 10 + 1215 × 10) / 10000 / 365 = 693.15… → 693 cents
    expect(cents).toBe(693);
    expect(
      computeLatePenaltyCents({ unpaidCents: 100_000, dueDate: '2025-06-20', until: '2025-06-20' }),
    ).toBe(0);
    expect(computeLatePenaltyCents({ unpaidCents: 0, dueDate: '2025-06-20', until: '2025-09-20' })).toBe(0);
  });

  it('owes business clients a fixed €40 indemnity', () => {
    expect(RECOVERY_INDEMNITY_CENTS).toBe(4000);
  });
});
