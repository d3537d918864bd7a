import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { journeyBuilder } from './journey-builder.ts';
import { assertValidJourney, maxTrialEnd, validateJourney } from './validate-journey.ts';

const rules = (b: ReturnType<typeof journeyBuilder>) => validateJourney(b.entries).map((v) => v.rule);

/** Information meeting → intake → agreement → CAPE renewed twice → CESA → associate. */
function fullJourney() {
  const b = journeyBuilder();
  b.info('2024-01-10');
  b.intake('2024-01-25');
  b.agreement('2024-02-01');
  const cape = b.cape('2024-02-01', '2024-07-31');
  b.interview('2024-05-01');
  b.renew(cape, '2024-07-15', '2025-01-31');
  b.interview('2024-11-02');
  b.renew(cape, '2025-01-10', '2025-06-30');
  const cesa = b.cesa('2025-07-01', null, 15_000);
  b.amend(cesa, '2026-01-01', { fixedMonthlyCents: 40_000 });
  b.associate('2026-06-15');
  return { b, cape, cesa };
}

describe('validateJourney', () => {
  it('accepts a legal journey from the information meeting to associate', () => {
    expect(validateJourney(fullJourney().b.entries)).toEqual([]);
  });

  it('accepts an empty timeline and a lone information meeting', () => {
    const b = journeyBuilder();
    expect(validateJourney(b.entries)).toEqual([]);
    b.info('2026-01-05');
    expect(validateJourney(b.entries)).toEqual([]);
  });

  it('refuses a third CAPE renewal, naming C. com. L127-2', () => {
    const b = journeyBuilder();
    const cape = b.cape('2024-01-01', '2024-06-30');
    b.renew(cape, '2024-06-01', '2024-12-31');
    b.renew(cape, '2024-12-01', '2025-06-30');
    expect(validateJourney(b.entries)).toEqual([]);
    const third = b.renew(cape, '2025-06-01', '2025-12-31');
    const [v, ...rest] = validateJourney(b.entries);
    expect(rest).toEqual([]);
    expect(v).toEqual({
      rule: 'JOURNEY_CAPE_TOO_MANY_RENEWALS',
      citation: 'C. com. L127-2',
      entryId: third,
      details: { max: 2 },
    });
  });

  it('refuses a CAPE longer than 12 months, and a renewal longer than 12 months', () => {
    const a = journeyBuilder();
    a.cape('2026-03-15', '2027-03-14');
    expect(rules(a)).toEqual([]);
    const b = journeyBuilder();
    b.cape('2026-03-15', '2027-03-15');
    expect(validateJourney(b.entries)[0]).toMatchObject({
      rule: 'JOURNEY_CAPE_TOO_LONG',
      details: { maxEnd: '2027-03-14' },
    });
    const c = journeyBuilder();
    const cape = c.cape('2026-01-01', '2026-06-30');
    c.renew(cape, '2026-06-01', '2027-07-01');
    expect(validateJourney(c.entries)[0]).toMatchObject({
      rule: 'JOURNEY_CAPE_TOO_LONG',
      details: { maxEnd: '2027-06-30' },
    });
  });

  it('refuses a CAPE renewal signed after the term', () => {
    const b = journeyBuilder();
    const cape = b.cape('2026-01-01', '2026-06-30');
    b.renew(cape, '2026-07-02', '2026-12-31');
    expect(validateJourney(b.entries)[0]).toMatchObject({
      rule: 'JOURNEY_CAPE_RENEWAL_AFTER_TERM',
      details: { end: '2026-06-30' },
    });
  });

  it('refuses a trial period over 8 months, and shortens it by the CAPE time already spent', () => {
    const a = journeyBuilder();
    a.cesa('2026-01-01', '2026-08-31');
    expect(rules(a)).toEqual([]);
    const b = journeyBuilder();
    b.cesa('2026-01-01', '2026-09-01');
    expect(validateJourney(b.entries)[0]).toMatchObject({
      rule: 'JOURNEY_TRIAL_TOO_LONG',
      citation: 'C. trav. L7332-1',
      details: { maxEnd: '2026-08-31', priorDays: 0 },
    });
    // 90 days of CAPE (1 Oct → 29 Dec 2025) before the CESA: the trial must end 90 days earlier.
    const c = journeyBuilder();
    c.cape('2025-10-01', '2025-12-29');
    c.cesa('2026-01-01', '2026-06-02');
    expect(maxTrialEnd('2026-01-01', 90)).toBe('2026-06-02');
    expect(rules(c)).toEqual([]);
    c.entries.pop();
    c.cesa('2026-01-01', '2026-06-03');
    expect(validateJourney(c.entries)[0]).toMatchObject({
      rule: 'JOURNEY_TRIAL_TOO_LONG',
      details: { maxEnd: '2026-06-02', priorDays: 90 },
    });
  });

  it('allows no trial period at all after 8 months or more of CAPE', () => {
    const b = journeyBuilder();
    b.cape('2025-01-01', '2025-12-31');
    b.cesa('2026-01-01', '2026-01-15');
    expect(rules(b)).toEqual(['JOURNEY_TRIAL_TOO_LONG']);
    const ok = journeyBuilder();
    ok.cape('2025-01-01', '2025-12-31');
    ok.cesa('2026-01-01', null);
    expect(rules(ok)).toEqual([]);
  });

  it('refuses a trial renewal beyond the limit or after the trial ended', () => {
    const b = journeyBuilder();
    const cesa = b.cesa('2026-01-01', '2026-04-30');
    b.amend(cesa, '2026-04-15', { trialEnd: '2026-08-31' });
    expect(rules(b)).toEqual([]);
    b.amend(cesa, '2026-05-01', { trialEnd: '2026-09-30' });
    expect(rules(b)).toEqual(['JOURNEY_TRIAL_TOO_LONG']);
    const late = journeyBuilder();
    const c2 = late.cesa('2026-01-01', '2026-04-30');
    late.amend(c2, '2026-05-02', { trialEnd: '2026-06-30' });
    expect(validateJourney(late.entries)[0]).toMatchObject({
      rule: 'JOURNEY_TRIAL_RENEWED_AFTER_END',
      details: { trialEnd: '2026-04-30' },
    });
  });

  it('refuses overlapping contracts', () => {
    const b = journeyBuilder();
    b.cape('2026-01-01', '2026-12-31');
    b.cesa('2026-06-01', null);
    expect(validateJourney(b.entries)[0]).toMatchObject({
      rule: 'JOURNEY_CONTRACTS_OVERLAP',
      details: { date: '2026-06-01' },
    });
    // Ending the CAPE early makes room for the CESA.
    const ok = journeyBuilder();
    const cape = ok.cape('2026-01-01', '2026-12-31');
    ok.end(cape, '2026-05-31');
    ok.cesa('2026-06-01', null);
    expect(rules(ok)).toEqual([]);
    // Two open-ended CESAs at once.
    const two = journeyBuilder();
    two.cesa('2026-01-01', null);
    two.cesa('2027-01-01', null);
    expect(rules(two)).toEqual(['JOURNEY_CONTRACTS_OVERLAP']);
  });

  it('refuses an associate date before any CESA', () => {
    const b = journeyBuilder();
    b.info('2026-01-01');
    b.associate('2026-02-01');
    expect(validateJourney(b.entries)[0]).toMatchObject({
      rule: 'JOURNEY_ASSOCIATE_BEFORE_CONTRACT',
      citation: 'C. trav. L7331-2',
    });
    const capeOnly = journeyBuilder();
    capeOnly.cape('2026-01-01', '2026-06-30');
    capeOnly.associate('2026-03-01');
    expect(rules(capeOnly)).toEqual(['JOURNEY_ASSOCIATE_BEFORE_CONTRACT']);
    const early = journeyBuilder();
    early.cesa('2026-05-01', null);
    early.associate('2026-04-30');
    expect(rules(early)).toEqual(['JOURNEY_ASSOCIATE_BEFORE_CONTRACT']);
  });

  it('refuses a contract that ends twice, or ends after its term', () => {
    const b = journeyBuilder();
    const cesa = b.cesa('2026-01-01', null);
    b.end(cesa, '2026-06-30');
    expect(rules(b)).toEqual([]);
    b.end(cesa, '2026-07-31');
    expect(validateJourney(b.entries)[0]).toMatchObject({
      rule: 'JOURNEY_CONTRACT_ENDED_TWICE',
      details: { endedOn: '2026-06-30' },
    });
    const c = journeyBuilder();
    const cape = c.cape('2026-01-01', '2026-06-30');
    c.end(cape, '2026-07-15');
    expect(validateJourney(c.entries)[0]).toMatchObject({
      rule: 'JOURNEY_CONTRACT_ENDED_TWICE',
      details: { endedOn: '2026-06-30' },
    });
  });

  it('refuses dates out of order', () => {
    const b = journeyBuilder();
    b.cape('2026-06-01', '2026-05-31');
    expect(validateJourney(b.entries)[0]).toMatchObject({
      rule: 'JOURNEY_DATES_OUT_OF_ORDER',
      details: { date: '2026-05-31', after: '2026-06-01' },
    });
    const c = journeyBuilder();
    c.cesa('2026-06-01', '2026-05-01');
    expect(rules(c)).toEqual(['JOURNEY_DATES_OUT_OF_ORDER']);
    const d = journeyBuilder();
    const cesa = d.cesa('2026-06-01', null);
    d.end(cesa, '2026-05-01');
    expect(rules(d)).toEqual(['JOURNEY_DATES_OUT_OF_ORDER']);
    const e = journeyBuilder();
    const cape = e.cape('2026-01-01', '2026-06-30');
    e.renew(cape, '2026-06-01', '2026-06-15');
    expect(rules(e)).toEqual(['JOURNEY_DATES_OUT_OF_ORDER']);
  });

  it('refuses anything after the exit, and a second exit or associate date', () => {
    const b = journeyBuilder();
    b.cesa('2026-01-01', null);
    b.exit('2026-12-31');
    b.interview('2027-01-05');
    expect(validateJourney(b.entries)[0]).toMatchObject({
      rule: 'JOURNEY_ENTRY_AFTER_EXIT',
      details: { exitOn: '2026-12-31' },
    });
    const two = journeyBuilder();
    two.exit('2026-01-01');
    two.exit('2026-01-01');
    expect(rules(two)).toEqual(['JOURNEY_DUPLICATE_ENTRY']);
  });

  it('refuses amendments numbered out of date order, after the end, or of an unknown contract', () => {
    const b = journeyBuilder();
    const cesa = b.cesa('2026-01-01', null);
    b.amend(cesa, '2026-09-01', { fixedMonthlyCents: 20_000 });
    b.amend(cesa, '2026-03-01', { fixedMonthlyCents: 30_000 });
    expect(rules(b)).toEqual(['JOURNEY_AMENDMENT_NUMBERING', 'JOURNEY_AMENDMENT_NUMBERING']);
    const after = journeyBuilder();
    const c = after.cesa('2026-01-01', null);
    after.end(c, '2026-06-30');
    after.amend(c, '2026-07-01', { fixedMonthlyCents: 1 });
    expect(rules(after)).toEqual(['JOURNEY_AMENDMENT_AFTER_END']);
    const unknown = journeyBuilder();
    const cape = unknown.cape('2026-01-01', '2026-06-30');
    unknown.amend(cape, '2026-02-01', { fixedMonthlyCents: 1 });
    unknown.add({ kind: 'contract_end', contractId: 'nope', on: '2026-03-01', reason: 'other' });
    expect(rules(unknown)).toEqual(['JOURNEY_UNKNOWN_CONTRACT', 'JOURNEY_UNKNOWN_CONTRACT']);
  });

  it('throws the first broken rule as an AppError carrying its citation', () => {
    const { b, cape } = fullJourney();
    b.renew(cape, '2025-06-01', '2025-12-31');
    try {
      assertValidJourney(b.entries);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('JOURNEY_CAPE_TOO_MANY_RENEWALS');
      expect((error as AppError).details.citation).toBe('C. com. L127-2');
    }
  });
});
