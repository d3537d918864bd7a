import { describe, expect, it } from 'vitest';
import { centsToInput, parseEuros } from './parse-euros.ts';

describe('euros typed in the claim form', () => {
  it('reads French and English writing, refuses the rest', () => {
    expect(parseEuros('12,50')).toBe(1_250);
    expect(parseEuros('1 234,5 €')).toBe(123_450);
    expect(parseEuros('7.3')).toBe(730);
    expect(parseEuros('-4')).toBeNull();
    expect(parseEuros('1,234')).toBeNull();
    expect(parseEuros('abc')).toBeNull();
    expect(centsToInput(1_091)).toBe('10,91');
  });
});
