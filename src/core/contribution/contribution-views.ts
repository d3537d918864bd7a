import { z } from 'zod';
import {
  ContributionBase,
  ContributionMonth,
  ContributionPolicy,
  ContributionSettings,
} from './contribution-policy.ts';

/** The shapes the contribution API answers (and the web reads). Money in integer cents. */
const Cents = z.number().int();

export const PolicyVersionView = z.object({
  id: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  note: z.string(),
  policy: ContributionPolicy,
  /** In force today. */
  inForce: z.boolean(),
  /** Not yet in force: it may still be changed. */
  editable: z.boolean(),
  createdAt: z.string(),
});
export type PolicyVersionView = z.infer<typeof PolicyVersionView>;

export const ExemptionView = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  fromOn: z.string(),
  toOn: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  /** Revoked from this day on (the exemption's last day is the day before); null while it runs. */
  revokedFrom: z.string().nullable(),
  revokeReason: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ExemptionView = z.infer<typeof ExemptionView>;

export const ExplanationItemView = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('bracket'),
    fromCents: Cents,
    toCents: Cents.nullable(),
    rateBp: z.number(),
    baseCents: Cents,
    amountCents: Cents,
  }),
  z.object({ kind: z.literal('fee'), amountCents: Cents }),
  z.object({
    kind: z.literal('exemption'),
    exemptDays: z.number(),
    daysInMonth: z.number(),
    reasons: z.array(z.string()),
    amountCents: Cents,
  }),
  z.object({
    kind: z.literal('correction'),
    recomputedCents: Cents,
    chargedCents: Cents,
    amountCents: Cents,
  }),
]);

export const scheduleSources = [
  'policy',
  'activity_override',
  'kind_override',
  'cape',
  'cape_exempt',
  'no_policy',
  'not_charged',
] as const;

export const ExplanationView = z.object({
  month: z.string(),
  activityId: z.string(),
  versionFrom: z.string().nullable(),
  source: z.enum(scheduleSources),
  base: ContributionBase.nullable(),
  monthBaseCents: Cents,
  yearToDateBaseCents: Cents,
  items: z.array(ExplanationItemView),
  yearToDateCents: Cents,
  chargedBeforeCents: Cents,
  dueCents: Cents,
});

export const ChargeView = z.object({
  month: z.string(),
  seq: z.number(),
  amountCents: Cents,
  entryId: z.string().nullable(),
  createdAt: z.string(),
  explanation: ExplanationView,
});
export type ChargeView = z.infer<typeof ChargeView>;

export const RunContributionRequest = z.strictObject({ month: ContributionMonth });

export const RunResultView = z.object({
  runId: z.string(),
  month: z.string(),
  activityCount: z.number(),
  postedCount: z.number(),
  correctionCount: z.number(),
  totalCents: Cents,
});
export type RunResultView = z.infer<typeof RunResultView>;

export const RunView = z.object({
  id: z.string(),
  month: z.string(),
  activityCount: z.number(),
  postedCount: z.number(),
  totalCents: Cents,
  runAt: z.string(),
});

/** The figures a dashboard shows; each one is the sum of the lines `/contribution/…/lines?figure=` lists. */
export const dashboardFigures = [
  'treasury',
  'to_collect',
  'result',
  'revenue',
  'costs',
  'contributions',
] as const;
export const DashboardFigure = z.enum(dashboardFigures);
export type DashboardFigure = z.infer<typeof DashboardFigure>;

export const FigureLinesQuery = z.object({
  figure: DashboardFigure,
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** Pages of lines, the latest first (the total always covers every line). */
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

export const FigureLine = z.object({
  entryId: z.string(),
  lineNo: z.number(),
  journalCode: z.string(),
  number: z.number(),
  entryDate: z.string(),
  pieceRef: z.string(),
  label: z.string(),
  accountNumber: z.string(),
  accountLabel: z.string(),
  debitCents: Cents,
  creditCents: Cents,
});
export const FigureLines = z.object({
  activity: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  figure: DashboardFigure,
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** The figure: the sum of all matching lines, in the figure's sense (revenue credit − debit…). */
  totalCents: Cents,
  /** Every matching line; `lines` is one page of them. */
  lineCount: z.number(),
  page: z.number(),
  pageSize: z.number(),
  lines: z.array(FigureLine),
});
export type FigureLines = z.infer<typeof FigureLines>;

export const InvoiceToChase = z.object({
  id: z.string(),
  number: z.string().nullable(),
  clientName: z.string(),
  issueDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  totalInclCents: Cents,
  dueCents: Cents,
  daysLate: z.number(),
});

export const DashboardMonth = z.object({
  month: z.string(),
  revenueCents: Cents,
  costsCents: Cents,
  /** Available treasury at the month's end (today for the current month). */
  treasuryCents: Cents,
});

export const ActivityDashboard = z.object({
  activity: z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.string() }),
  today: z.string(),
  fiscalYear: z.object({ startDate: z.string(), endDate: z.string() }).nullable(),
  figures: z.object({
    availableTreasuryCents: Cents,
    toCollectCents: Cents,
    resultCents: Cents,
    revenueCents: Cents,
    costsCents: Cents,
    contributionsCents: Cents,
  }),
  months: z.array(DashboardMonth),
  charges: z.array(ChargeView),
  invoicesToChase: z.array(InvoiceToChase),
});
export type ActivityDashboard = z.infer<typeof ActivityDashboard>;

export const ContributionSettingsView = ContributionSettings.extend({ updatedAt: z.string() });
export type ContributionSettingsView = z.infer<typeof ContributionSettingsView>;

export const portfolioAlerts = [
  'treasury_negative',
  'treasury_falling',
  'invoices_overdue',
  'no_revenue',
] as const;
export const PortfolioAlert = z.enum(portfolioAlerts);
export type PortfolioAlert = z.infer<typeof PortfolioAlert>;

export const PortfolioQuery = z.object({
  /** Every member activity (staff who may read them all), not only the caller's portfolio. */
  scope: z.enum(['mine', 'all']).default('mine'),
  /** "No revenue for N months". */
  quietMonths: z.coerce.number().int().min(1).max(24).default(3),
});

export const PortfolioRow = z.object({
  activityId: z.string(),
  code: z.string(),
  name: z.string(),
  referentName: z.string().nullable(),
  treasuryCents: Cents,
  /** Available treasury `fallingMonths` months ago (the cooperative's setting): "falling" compares with it. */
  treasury90DaysAgoCents: Cents,
  resultCents: Cents,
  overdueCount: z.number(),
  overdueCents: Cents,
  lastRevenueOn: z.string().nullable(),
  alerts: z.array(PortfolioAlert),
});
export type PortfolioRow = z.infer<typeof PortfolioRow>;

export const CooperativeDashboard = z.object({
  today: z.string(),
  fiscalYear: z.object({ startDate: z.string(), endDate: z.string() }).nullable(),
  months: z.array(
    z.object({
      month: z.string(),
      revenueCents: Cents,
      contributionsCents: Cents,
      /** Available treasury of the member activities at the month's end. */
      treasuryCents: Cents,
    }),
  ),
  stages: z.array(z.object({ stage: z.string(), count: z.number() })),
  funds: z.array(
    z.object({ activityId: z.string(), code: z.string(), name: z.string(), treasuryCents: Cents }),
  ),
  structure: z.object({
    activityId: z.string().nullable(),
    resultCents: Cents,
    revenueCents: Cents,
    costsCents: Cents,
    contributionIncomeCents: Cents,
  }),
});
export type CooperativeDashboard = z.infer<typeof CooperativeDashboard>;
