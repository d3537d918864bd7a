import type {
  ContributionExemptionRequest,
  ContributionSettings,
  ExemptionRevocationRequest,
} from '../../core/contribution/contribution-policy.ts';
import type {
  ActivityDashboard,
  ContributionSettingsView,
  CooperativeDashboard,
  ExemptionView,
  FigureLines,
  PolicyVersionView,
  PortfolioRow,
  RunResultView,
} from '../../core/contribution/contribution-views.ts';
import { api, queryString } from '../app/api-client.ts';

export type RunView = {
  id: string;
  month: string;
  activityCount: number;
  postedCount: number;
  totalCents: number;
  runAt: string;
};

/** The contribution API as the screens use it. */
export const contributionApi = {
  myActivities: () => api<{ id: string; code: string; name: string }[]>('GET', '/contribution/my/activities'),
  dashboard: (id: string) => api<ActivityDashboard>('GET', `/contribution/activities/${id}/dashboard`),
  lines: (
    id: string,
    q: { figure: string; from?: string | null; to?: string | null; page?: number; pageSize?: number },
  ) => api<FigureLines>('GET', `/contribution/activities/${id}/lines${queryString(q)}`),
  portfolio: (q: { scope: string; quietMonths: number }) =>
    api<PortfolioRow[]>('GET', `/contribution/portfolio${queryString(q)}`),
  cooperative: () => api<CooperativeDashboard>('GET', '/contribution/cooperative'),
  versions: () => api<PolicyVersionView[]>('GET', '/contribution/policy-versions'),
  createVersion: (body: unknown) => api<PolicyVersionView>('POST', '/contribution/policy-versions', { body }),
  updateVersion: (id: string, body: unknown) =>
    api<PolicyVersionView>('PUT', `/contribution/policy-versions/${id}`, { body }),
  withdrawVersion: (id: string) => api<void>('DELETE', `/contribution/policy-versions/${id}`),
  exemptions: () => api<ExemptionView[]>('GET', '/contribution/exemptions'),
  revokeExemption: (id: string, body: ExemptionRevocationRequest) =>
    api<ExemptionView>('POST', `/contribution/exemptions/${id}/revoke`, { body }),
  settings: () => api<ContributionSettingsView>('GET', '/contribution/settings'),
  updateSettings: (body: ContributionSettings) =>
    api<ContributionSettingsView>('PUT', '/contribution/settings', { body }),
  addExemption: (body: ContributionExemptionRequest) =>
    api<ExemptionView>('POST', '/contribution/exemptions', { body }),
  runs: () => api<RunView[]>('GET', '/contribution/runs'),
  run: (month: string) => api<RunResultView>('POST', '/contribution/runs', { body: { month } }),
};
