import { describe, expect, it } from 'vitest';
import { formatDay, formatEuros } from './format-day.ts';

describe('formatDay', () => {
  it('shows a calendar date day first, without time zone arithmetic', () => {
    expect(formatDay('2026-03-02')).toBe('02/03/2026');
    expect(formatDay(null)).toBe('—');
  });
  it('shows cents as euros', () => {
    expect(formatEuros(150_050).replace(/\s/g, ' ')).toBe('1 500,50 €');
  });
});
