import type { ActivitySummary, ActivityView } from '../../core/activities/activity-schemas.ts';
import type {
  JourneyView,
  MemberSummary,
  MemberView,
  RestrictedView,
} from '../../core/members/member-schemas.ts';
import { api } from '../app/api-client.ts';

export type Page<T> = { items: T[]; total: number };
export type Referent = { id: string; name: string; members: number };

export const membersApi = {
  list: (qs: string) => api<Page<MemberSummary>>('GET', `/members${qs}`),
  get: (id: string) => api<MemberView>('GET', `/members/${id}`),
  journey: (id: string) => api<JourneyView>('GET', `/members/${id}/journey`),
  restricted: (id: string) => api<RestrictedView>('GET', `/members/${id}/restricted`),
  activities: (id: string) => api<Page<ActivitySummary>>('GET', `/members/${id}/activities`),
  referents: () => api<Referent[]>('GET', '/members/referents'),
  mine: () => api<MemberView>('GET', '/me/member'),
  myJourney: () => api<JourneyView>('GET', '/me/member/journey'),
  myRestricted: () => api<RestrictedView>('GET', '/me/member/restricted'),
  myActivities: () => api<Page<ActivitySummary>>('GET', '/me/activities'),
  activity: (id: string) => api<ActivityView>('GET', `/activities/${id}`),
};
