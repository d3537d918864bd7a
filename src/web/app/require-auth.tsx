import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { ForbiddenNotice } from '../ui/forbidden-notice.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { hasPermission, useMe } from './use-me.ts';

/** Logged-out visitors go to the log-in page, and come back where they were going afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, isPending, error } = useMe();
  const location = useLocation();
  if (isPending) return <PageLoader />;
  if (error) return <ErrorAlert error={error} />;
  if (!me) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}

/** A screen the person's roles do not open (the server refuses it too). */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { data: me } = useMe();
  if (!hasPermission(me, permission)) return <ForbiddenNotice />;
  return children;
}
