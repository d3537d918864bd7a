import { normalizeTag } from '../../core/members/normalize-tag.ts';

type KeySource = {
  firstName: string;
  lastName: string;
  email: string | null;
  trades: readonly string[];
  skills: readonly string[];
  city: string;
  profileHeadline: string;
};

/** The search columns written with every member file (lower case, without accents). */
export function memberKeys(m: KeySource) {
  return {
    tradeKeys: m.trades.map(normalizeTag),
    skillKeys: m.skills.map(normalizeTag),
    cityKey: normalizeTag(m.city),
    searchKey: normalizeTag(`${m.firstName} ${m.lastName} ${m.email ?? ''}`),
    profileKey: normalizeTag(
      [m.firstName, m.lastName, m.profileHeadline, ...m.trades, ...m.skills, m.city].join(' '),
    ),
  };
}
