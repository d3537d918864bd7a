import type { JourneyView } from '../../core/members/member-schemas.ts';

type Entry = JourneyView['entries'][number];
type Texts = {
  m: (k: string, o?: Record<string, unknown>) => string;
  day: (d: string | null) => string;
  euros: (c: number | null) => string;
};

/** The title and the one-line detail of a journey entry, in the reader's language. */
export function describeEntry(
  e: Entry,
  { m, day, euros }: Texts,
): { title: string; detail: string; date: string } {
  const title = m(`entry.${e.kind}`, { number: e.number ?? '' });
  switch (e.kind) {
    case 'cape':
      return {
        title,
        date: e.start,
        detail: m('entryDetail.capeTerm', { start: day(e.start), end: day(e.end) }),
      };
    case 'cape_renewal':
      return { title, date: e.on, detail: m('entryDetail.renewalTerm', { on: day(e.on), end: day(e.end) }) };
    case 'cesa':
      return {
        title,
        date: e.start,
        detail: [
          m('entryDetail.cesaStart', { start: day(e.start), fixed: euros(e.fixedMonthlyCents) }),
          e.trialEnd ? m('entryDetail.trial', { date: day(e.trialEnd) }) : m('entryDetail.noTrial'),
        ].join(' · '),
      };
    case 'cesa_amendment':
      return {
        title,
        date: e.on,
        detail: [
          e.fixedMonthlyCents !== null && e.fixedMonthlyCents !== undefined
            ? m('entryDetail.fixed', { fixed: euros(e.fixedMonthlyCents) })
            : null,
          e.trialEnd ? m('entryDetail.trial', { date: day(e.trialEnd) }) : null,
        ]
          .filter(Boolean)
          .join(' · '),
      };
    case 'contract_end':
    case 'exit':
      return { title, date: e.on, detail: m('entryDetail.reason', { reason: m(`reason.${e.reason}`) }) };
    default:
      return { title, date: e.on, detail: '' };
  }
}
