import {
  IconAddressBook,
  IconBellRinging,
  IconBook,
  IconBriefcase,
  IconBuildingBank,
  IconBuildingStore,
  IconCalculator,
  IconCash,
  IconChartBar,
  IconChartPie,
  IconChecklist,
  IconClipboardCheck,
  IconCoins,
  IconFileDescription,
  IconFileInvoice,
  IconGauge,
  IconGavel,
  IconHome,
  IconId,
  IconListNumbers,
  IconListSearch,
  IconLock,
  IconMail,
  IconMessageQuestion,
  IconPackage,
  IconPencilPlus,
  IconPercentage,
  IconPigMoney,
  IconReceipt,
  IconReceipt2,
  IconReceiptEuro,
  IconReceiptTax,
  IconReportAnalytics,
  IconRoute,
  IconScale,
  IconTransfer,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';

export type NavItem = {
  to: string;
  /** Translation key of the label. */
  label: string;
  icon: ComponentType<{ size?: number | string; stroke?: number }>;
  /** Shown only to people holding this permission (null: everyone logged in). */
  permission: string | null;
  section: 'main' | 'administration' | 'me';
};

/**
 * The left navigation, built from the person's permissions. Only screens that exist are listed: a
 * module adds its line here when its screens ship.
 */
export const navItems: NavItem[] = [
  { to: '/', label: 'nav.home', icon: IconHome, permission: 'home.read', section: 'main' },
  // Contribution and treasury (issue 6): the member's dashboard, support's portfolio, managers' views.
  {
    to: '/me/activity',
    label: 'nav.myActivity',
    icon: IconGauge,
    permission: 'members.self',
    section: 'main',
  },
  {
    to: '/contribution/portfolio',
    label: 'nav.treasuryPortfolio',
    icon: IconChartBar,
    permission: 'contribution.read',
    section: 'main',
  },
  {
    to: '/contribution/cooperative',
    label: 'nav.cooperativeDashboard',
    icon: IconChartPie,
    permission: 'contribution.manage',
    section: 'main',
  },
  {
    to: '/contribution/policy',
    label: 'nav.contributionPolicy',
    icon: IconPercentage,
    permission: 'contribution.manage',
    section: 'administration',
  },
  // Members and activities (issue 3).
  {
    to: '/portfolio',
    label: 'nav.portfolio',
    icon: IconBellRinging,
    permission: 'members.read',
    section: 'main',
  },
  { to: '/members', label: 'nav.members', icon: IconId, permission: 'members.read', section: 'main' },
  {
    to: '/activities',
    label: 'nav.activities',
    icon: IconBriefcase,
    permission: 'activities.read',
    section: 'main',
  },
  { to: '/me/journey', label: 'nav.myJourney', icon: IconRoute, permission: 'members.self', section: 'main' },
  // Payroll (issue 10): my salary, the simulator for everyone; support's approvals; the accountant's runs.
  { to: '/me/salary', label: 'nav.mySalary', icon: IconCash, permission: 'members.self', section: 'main' },
  {
    to: '/payroll/simulator',
    label: 'nav.payrollSimulator',
    icon: IconCalculator,
    permission: null,
    section: 'main',
  },
  {
    to: '/payroll/plans',
    label: 'nav.payrollPlans',
    icon: IconClipboardCheck,
    permission: 'payroll.plans.decide',
    section: 'main',
  },
  {
    to: '/payroll/runs',
    label: 'nav.payrollRuns',
    icon: IconReceiptEuro,
    permission: 'payroll.runs.read',
    section: 'main',
  },
  {
    to: '/payroll/true-up',
    label: 'nav.payrollTrueUp',
    icon: IconScale,
    permission: 'payroll.runs.read',
    section: 'main',
  },
  // Expenses (issue 7): the member's claims; the approval queue; the accountant's payment batches.
  {
    to: '/expenses',
    label: 'nav.myExpenses',
    icon: IconReceipt2,
    permission: 'members.self',
    section: 'main',
  },
  {
    to: '/expenses/approvals',
    label: 'nav.expenseApprovals',
    icon: IconReceiptTax,
    permission: 'expenses.approve',
    section: 'main',
  },
  {
    to: '/expenses/payments',
    label: 'nav.expensePayments',
    icon: IconTransfer,
    permission: 'expenses.pay',
    section: 'main',
  },
  {
    to: '/directory',
    label: 'nav.directory',
    icon: IconAddressBook,
    permission: 'directory.read',
    section: 'main',
  },
  // Sales (issue 5): quotes, invoices, clients and catalogue; support's validation queue.
  {
    to: '/sales/quotes',
    label: 'nav.salesQuotes',
    icon: IconFileDescription,
    permission: 'sales.use',
    section: 'main',
  },
  {
    to: '/sales/invoices',
    label: 'nav.salesInvoices',
    icon: IconFileInvoice,
    permission: 'sales.use',
    section: 'main',
  },
  {
    to: '/sales/clients',
    label: 'nav.salesClients',
    icon: IconBuildingStore,
    permission: 'sales.use',
    section: 'main',
  },
  {
    to: '/sales/catalogue',
    label: 'nav.salesCatalogue',
    icon: IconPackage,
    permission: 'sales.use',
    section: 'main',
  },
  {
    to: '/sales/validations',
    label: 'nav.salesValidations',
    icon: IconChecklist,
    permission: 'sales.validate',
    section: 'main',
  },
  // Bank (issue 9): statements and reconciliation, for the accounting team.
  {
    to: '/bank',
    label: 'nav.bank',
    icon: IconBuildingBank,
    permission: 'bank.read',
    section: 'main',
  },
  // Ledger (issue 4): the accounting team's screens.
  {
    to: '/ledger/entries',
    label: 'nav.ledgerEntries',
    icon: IconBook,
    permission: 'ledger.read',
    section: 'main',
  },
  {
    to: '/ledger/drafts',
    label: 'nav.ledgerDrafts',
    icon: IconPencilPlus,
    permission: 'ledger.post',
    section: 'main',
  },
  {
    to: '/ledger/reports',
    label: 'nav.ledgerReports',
    icon: IconReportAnalytics,
    permission: 'ledger.read',
    section: 'main',
  },
  {
    to: '/ledger/chart',
    label: 'nav.ledgerChart',
    icon: IconListNumbers,
    permission: 'ledger.read',
    section: 'main',
  },
  {
    to: '/ledger/closing',
    label: 'nav.ledgerClosing',
    icon: IconLock,
    permission: 'ledger.close',
    section: 'main',
  },
  // Governance (issue 8): assemblies and consultations for every associate; the register and capital.
  {
    to: '/governance/assemblies',
    label: 'nav.assemblies',
    icon: IconGavel,
    permission: 'governance.vote',
    section: 'main',
  },
  {
    to: '/governance/consultations',
    label: 'nav.consultations',
    icon: IconMessageQuestion,
    permission: 'governance.vote',
    section: 'main',
  },
  {
    to: '/governance/associates',
    label: 'nav.associates',
    icon: IconUsersGroup,
    permission: 'governance.read',
    section: 'main',
  },
  {
    to: '/governance/capital',
    label: 'nav.capital',
    icon: IconPigMoney,
    permission: 'governance.read',
    section: 'main',
  },
  {
    to: '/people',
    label: 'nav.people',
    icon: IconUsers,
    permission: 'people.read',
    section: 'administration',
  },
  {
    to: '/settings',
    label: 'nav.settings',
    icon: IconBuildingBank,
    permission: 'cooperative.update',
    section: 'administration',
  },
  {
    to: '/sales/settings',
    label: 'nav.salesSettings',
    icon: IconFileInvoice,
    permission: 'cooperative.update',
    section: 'administration',
  },
  {
    to: '/payroll/settings',
    label: 'nav.payrollSettings',
    icon: IconReceiptEuro,
    permission: 'payroll.runs.read',
    section: 'administration',
  },
  {
    to: '/governance/settings',
    label: 'nav.governanceSettings',
    icon: IconScale,
    permission: 'governance.read',
    section: 'administration',
  },
  {
    to: '/audit',
    label: 'nav.audit',
    icon: IconListSearch,
    permission: 'audit.read',
    section: 'administration',
  },
  {
    to: '/outbox',
    label: 'nav.outbox',
    icon: IconMail,
    permission: 'outbox.read',
    section: 'administration',
  },
  { to: '/me/profile', label: 'nav.myProfile', icon: IconId, permission: 'members.self', section: 'me' },
  { to: '/me/accounts', label: 'nav.myAccounts', icon: IconCoins, permission: 'members.self', section: 'me' },
  {
    to: '/me/shares',
    label: 'nav.myShares',
    icon: IconReceipt,
    permission: 'governance.vote',
    section: 'me',
  },
  { to: '/account', label: 'nav.account', icon: IconUserCircle, permission: null, section: 'me' },
];

export function visibleNavItems(permissions: readonly string[]): NavItem[] {
  return navItems.filter((item) => item.permission === null || permissions.includes(item.permission));
}
