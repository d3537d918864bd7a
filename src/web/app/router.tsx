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
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
