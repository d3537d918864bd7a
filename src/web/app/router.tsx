import { type ReactNode, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { PageLoader } from '../ui/page-loader.tsx';
import { AppLayout } from './app-layout.tsx';
import { lazyPage } from './lazy-page.ts';
import { RequireAuth, RequirePermission } from './require-auth.tsx';
import { RouteError } from './route-error.tsx';

const AuthLayout = lazyPage(() => import('../auth/auth-layout.tsx'), 'AuthLayout');
const LoginPage = lazyPage(() => import('../auth/login-page.tsx'), 'LoginPage');
const ForgotPasswordPage = lazyPage(() => import('../auth/forgot-password-page.tsx'), 'ForgotPasswordPage');
const ResetPasswordPage = lazyPage(() => import('../auth/reset-password-page.tsx'), 'ResetPasswordPage');
const AcceptInvitationPage = lazyPage(
  () => import('../auth/accept-invitation-page.tsx'),
  'AcceptInvitationPage',
);
const HomePage = lazyPage(() => import('../home/home-page.tsx'), 'HomePage');
const AccountPage = lazyPage(() => import('../account/account-page.tsx'), 'AccountPage');
const CooperativeSettingsPage = lazyPage(
  () => import('../cooperative/cooperative-settings-page.tsx'),
  'CooperativeSettingsPage',
);
const PeoplePage = lazyPage(() => import('../people/people-page.tsx'), 'PeoplePage');
const AuditLogPage = lazyPage(() => import('../audit/audit-log-page.tsx'), 'AuditLogPage');
const OutboxPage = lazyPage(() => import('../outbox/outbox-page.tsx'), 'OutboxPage');
const MemberListPage = lazyPage(() => import('../members/member-list-page.tsx'), 'MemberListPage');
const MemberPage = lazyPage(() => import('../members/member-page.tsx'), 'MemberPage');
const ImportMembersPage = lazyPage(() => import('../members/import-members-page.tsx'), 'ImportMembersPage');
const PortfolioPage = lazyPage(() => import('../members/portfolio-page.tsx'), 'PortfolioPage');
const MyJourneyPage = lazyPage(() => import('../members/my-journey-page.tsx'), 'MyJourneyPage');
const MyProfilePage = lazyPage(() => import('../members/my-profile-page.tsx'), 'MyProfilePage');
const DirectoryPage = lazyPage(() => import('../members/directory-page.tsx'), 'DirectoryPage');
const ActivityListPage = lazyPage(() => import('../activities/activity-list-page.tsx'), 'ActivityListPage');
const ActivityPage = lazyPage(() => import('../activities/activity-page.tsx'), 'ActivityPage');
const LedgerEntriesPage = lazyPage(() => import('../ledger/ledger-entries-page.tsx'), 'LedgerEntriesPage');
const LedgerEntryPage = lazyPage(() => import('../ledger/ledger-entry-page.tsx'), 'LedgerEntryPage');
const DraftsPage = lazyPage(() => import('../ledger/drafts-page.tsx'), 'DraftsPage');
const ManualEntryPage = lazyPage(() => import('../ledger/manual-entry-page.tsx'), 'ManualEntryPage');
const LedgerReportsPage = lazyPage(() => import('../ledger/ledger-reports-page.tsx'), 'LedgerReportsPage');
const LedgerChartPage = lazyPage(() => import('../ledger/ledger-chart-page.tsx'), 'LedgerChartPage');
const LedgerClosingPage = lazyPage(() => import('../ledger/ledger-closing-page.tsx'), 'LedgerClosingPage');
const MyAccountsPage = lazyPage(() => import('../ledger/my-accounts-page.tsx'), 'MyAccountsPage');
const MySalaryPage = lazyPage(() => import('../payroll/my-salary-page.tsx'), 'MySalaryPage');
const MyExpensesPage = lazyPage(() => import('../expenses/my-expenses-page.tsx'), 'MyExpensesPage');
const ClaimFormPage = lazyPage(() => import('../expenses/claim-form-page.tsx'), 'ClaimFormPage');
const ExpenseApprovalsPage = lazyPage(
  () => import('../expenses/expense-approvals-page.tsx'),
  'ExpenseApprovalsPage',
);
const ExpensePaymentsPage = lazyPage(
  () => import('../expenses/expense-payments-page.tsx'),
  'ExpensePaymentsPage',
);
const SalarySimulatorPage = lazyPage(
  () => import('../payroll/salary-simulator-page.tsx'),
  'SalarySimulatorPage',
);
const SalaryPlanApprovalsPage = lazyPage(
  () => import('../payroll/salary-plan-approvals-page.tsx'),
  'SalaryPlanApprovalsPage',
);
const PayrollRunsPage = lazyPage(() => import('../payroll/payroll-runs-page.tsx'), 'PayrollRunsPage');
const TrueUpPage = lazyPage(() => import('../payroll/true-up-page.tsx'), 'TrueUpPage');
const ExitPlanPage = lazyPage(() => import('../payroll/exit-plan-page.tsx'), 'ExitPlanPage');
const PayrollSettingsPage = lazyPage(
  () => import('../payroll/payroll-settings-page.tsx'),
  'PayrollSettingsPage',
);
const MyActivityPage = lazyPage(
  () => import('../contribution/activity-dashboard-page.tsx'),
  'MyActivityPage',
);
const ActivityDashboardPage = lazyPage(
  () => import('../contribution/activity-dashboard-page.tsx'),
  'ActivityDashboardPage',
);
const FigureLinesPage = lazyPage(() => import('../contribution/figure-lines-page.tsx'), 'FigureLinesPage');
const PortfolioDashboardPage = lazyPage(
  () => import('../contribution/portfolio-dashboard-page.tsx'),
  'PortfolioDashboardPage',
);
const CooperativeDashboardPage = lazyPage(
  () => import('../contribution/cooperative-dashboard-page.tsx'),
  'CooperativeDashboardPage',
);
const PolicyPage = lazyPage(() => import('../contribution/policy-page.tsx'), 'PolicyPage');
const InvoiceListPage = lazyPage(() => import('../sales/invoice-list-page.tsx'), 'InvoiceListPage');
const InvoiceEditorPage = lazyPage(() => import('../sales/invoice-editor-page.tsx'), 'InvoiceEditorPage');
const InvoicePage = lazyPage(() => import('../sales/invoice-page.tsx'), 'InvoicePage');
const ValidationQueuePage = lazyPage(
  () => import('../sales/validation-queue-page.tsx'),
  'ValidationQueuePage',
);
const ClientListPage = lazyPage(() => import('../sales/client-list-page.tsx'), 'ClientListPage');
const ClientPage = lazyPage(() => import('../sales/client-page.tsx'), 'ClientPage');
const QuoteListPage = lazyPage(() => import('../sales/quote-list-page.tsx'), 'QuoteListPage');
const QuoteEditorPage = lazyPage(() => import('../sales/invoice-editor-page.tsx'), 'QuoteEditorPage');
const QuotePage = lazyPage(() => import('../sales/quote-page.tsx'), 'QuotePage');
const CataloguePage = lazyPage(() => import('../sales/catalogue-page.tsx'), 'CataloguePage');
const SalesSettingsPage = lazyPage(() => import('../sales/sales-settings-page.tsx'), 'SalesSettingsPage');
const AssociatesPage = lazyPage(() => import('../governance/associates-page.tsx'), 'AssociatesPage');
const CapitalPage = lazyPage(() => import('../governance/capital-page.tsx'), 'CapitalPage');
const MySharesPage = lazyPage(() => import('../governance/my-shares-page.tsx'), 'MySharesPage');
const AssembliesPage = lazyPage(() => import('../governance/assemblies-page.tsx'), 'AssembliesPage');
const AssemblyFormPage = lazyPage(() => import('../governance/assembly-form-page.tsx'), 'AssemblyFormPage');
const AssemblyPage = lazyPage(() => import('../governance/assembly-page.tsx'), 'AssemblyPage');
const AssemblyVotePage = lazyPage(() => import('../governance/assembly-vote-page.tsx'), 'AssemblyVotePage');
const ConsultationsPage = lazyPage(() => import('../governance/consultations-page.tsx'), 'ConsultationsPage');
const GovernanceSettingsPage = lazyPage(
  () => import('../governance/governance-settings-page.tsx'),
  'GovernanceSettingsPage',
);
const BankPage = lazyPage(() => import('../bank/bank-page.tsx'), 'BankPage');
const BankImportPage = lazyPage(() => import('../bank/bank-import-page.tsx'), 'BankImportPage');
const BankMatchingPage = lazyPage(() => import('../bank/bank-matching-page.tsx'), 'BankMatchingPage');
const NotFoundPage = lazyPage(() => import('./not-found-page.tsx'), 'NotFoundPage');

const guarded = (permission: string, element: ReactNode) => (
  <RequirePermission permission={permission}>{element}</RequirePermission>
);

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      {
        element: (
          <Suspense fallback={<PageLoader />}>
            <AuthLayout />
          </Suspense>
        ),
        children: [
          { path: '/login', element: <LoginPage /> },
          { path: '/forgot-password', element: <ForgotPasswordPage /> },
          { path: '/reset-password/:token', element: <ResetPasswordPage /> },
          { path: '/invitation/:token', element: <AcceptInvitationPage /> },
        ],
      },
      {
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <HomePage /> },
          { path: '/account', element: <AccountPage /> },
          { path: '/settings', element: guarded('cooperative.update', <CooperativeSettingsPage />) },
          { path: '/people', element: guarded('people.read', <PeoplePage />) },
          { path: '/audit', element: guarded('audit.read', <AuditLogPage />) },
          { path: '/outbox', element: guarded('outbox.read', <OutboxPage />) },
          { path: '/portfolio', element: guarded('members.read', <PortfolioPage />) },
          { path: '/members', element: guarded('members.read', <MemberListPage />) },
          { path: '/members/import', element: guarded('members.import', <ImportMembersPage />) },
          { path: '/members/:id', element: <MemberPage /> },
          { path: '/me/journey', element: guarded('members.self', <MyJourneyPage />) },
          { path: '/me/profile', element: guarded('members.self', <MyProfilePage />) },
          { path: '/directory', element: guarded('directory.read', <DirectoryPage />) },
          { path: '/activities', element: guarded('activities.read', <ActivityListPage />) },
          { path: '/activities/:id', element: <ActivityPage /> },
          { path: '/bank', element: guarded('bank.read', <BankPage />) },
          { path: '/bank/import', element: guarded('bank.manage', <BankImportPage />) },
          { path: '/bank/matching', element: guarded('bank.manage', <BankMatchingPage />) },
          { path: '/ledger/entries', element: guarded('ledger.read', <LedgerEntriesPage />) },
          { path: '/ledger/entries/:id', element: guarded('ledger.read', <LedgerEntryPage />) },
          { path: '/ledger/drafts', element: guarded('ledger.post', <DraftsPage />) },
          { path: '/ledger/drafts/new', element: guarded('ledger.post', <ManualEntryPage />) },
          { path: '/ledger/drafts/:id', element: guarded('ledger.post', <ManualEntryPage />) },
          { path: '/ledger/reports', element: guarded('ledger.read', <LedgerReportsPage />) },
          { path: '/ledger/chart', element: guarded('ledger.read', <LedgerChartPage />) },
          { path: '/ledger/closing', element: guarded('ledger.close', <LedgerClosingPage />) },
          { path: '/me/accounts', element: <MyAccountsPage /> },
          { path: '/me/salary', element: guarded('members.self', <MySalaryPage />) },
          { path: '/expenses', element: guarded('members.self', <MyExpensesPage />) },
          { path: '/expenses/claims/new', element: guarded('members.self', <ClaimFormPage />) },
          { path: '/expenses/claims/:id', element: guarded('expenses.use', <ClaimFormPage />) },
          { path: '/expenses/approvals', element: guarded('expenses.approve', <ExpenseApprovalsPage />) },
          { path: '/expenses/payments', element: guarded('expenses.pay', <ExpensePaymentsPage />) },
          { path: '/me/exit-plan', element: guarded('members.self', <ExitPlanPage />) },
          { path: '/payroll/simulator', element: <SalarySimulatorPage /> },
          { path: '/payroll/plans', element: guarded('payroll.plans.decide', <SalaryPlanApprovalsPage />) },
          { path: '/payroll/runs', element: guarded('payroll.runs.read', <PayrollRunsPage />) },
          { path: '/payroll/true-up', element: guarded('payroll.runs.read', <TrueUpPage />) },
          { path: '/payroll/settings', element: guarded('payroll.runs.read', <PayrollSettingsPage />) },
          { path: '/me/activity', element: <MyActivityPage /> },
          { path: '/activities/:id/dashboard', element: <ActivityDashboardPage /> },
          { path: '/activities/:id/figures', element: <FigureLinesPage /> },
          {
            path: '/contribution/portfolio',
            element: guarded('contribution.read', <PortfolioDashboardPage />),
          },
          {
            path: '/contribution/cooperative',
            element: guarded('contribution.read', <CooperativeDashboardPage />),
          },
          { path: '/contribution/policy', element: <PolicyPage /> },
          { path: '/sales/invoices', element: guarded('sales.use', <InvoiceListPage />) },
          { path: '/sales/invoices/new', element: guarded('sales.use', <InvoiceEditorPage />) },
          { path: '/sales/invoices/:id', element: guarded('sales.use', <InvoicePage />) },
          { path: '/sales/invoices/:id/edit', element: guarded('sales.use', <InvoiceEditorPage />) },
          { path: '/sales/validations', element: guarded('sales.validate', <ValidationQueuePage />) },
          { path: '/sales/clients', element: guarded('sales.use', <ClientListPage />) },
          { path: '/sales/clients/:id', element: guarded('sales.use', <ClientPage />) },
          { path: '/sales/quotes', element: guarded('sales.use', <QuoteListPage />) },
          { path: '/sales/quotes/new', element: guarded('sales.use', <QuoteEditorPage />) },
          { path: '/sales/quotes/:id', element: guarded('sales.use', <QuotePage />) },
          { path: '/sales/quotes/:id/edit', element: guarded('sales.use', <QuoteEditorPage />) },
          { path: '/sales/catalogue', element: guarded('sales.use', <CataloguePage />) },
          { path: '/sales/settings', element: guarded('cooperative.update', <SalesSettingsPage />) },
          { path: '/governance/associates', element: guarded('governance.read', <AssociatesPage />) },
          { path: '/governance/capital', element: guarded('governance.read', <CapitalPage />) },
          { path: '/me/shares', element: guarded('governance.vote', <MySharesPage />) },
          { path: '/governance/assemblies', element: guarded('governance.vote', <AssembliesPage />) },
          { path: '/governance/assemblies/new', element: guarded('governance.manage', <AssemblyFormPage />) },
          { path: '/governance/assemblies/:id', element: guarded('governance.manage', <AssemblyPage />) },
          {
            path: '/governance/assemblies/:id/edit',
            element: guarded('governance.manage', <AssemblyFormPage />),
          },
          {
            path: '/governance/assemblies/:id/vote',
            element: guarded('governance.vote', <AssemblyVotePage />),
          },
          { path: '/governance/consultations', element: guarded('governance.vote', <ConsultationsPage />) },
          {
            path: '/governance/settings',
            element: guarded('governance.read', <GovernanceSettingsPage />),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
