import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeView } from '../../core/people/people-schemas.ts';
import { ApiError, api, setCsrfToken } from './api-client.ts';
import { currentLocale, setUiLanguage } from './i18n.ts';

export const meQueryKey = ['me'] as const;

/** Who is logged in, or null. The CSRF token rides along with it. */
export async function fetchMe(): Promise<MeView | null> {
  try {
    const me = await api<MeView>('GET', '/me');
    setCsrfToken(me.csrfToken);
    // The account's language wins: it is also the language of the person's e-mails.
    if (me.locale !== currentLocale()) setUiLanguage(me.locale);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000 });
}

/** The logged-in person (only inside the authenticated shell, where it is known to exist). */
export function useCurrentPerson(): MeView {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentPerson outside the authenticated shell');
  return data;
}

export function hasPermission(me: MeView | null | undefined, permission: string): boolean {
  return Boolean(me?.permissions.includes(permission));
}

/** After log-in or invitation acceptance: remember the session and speak the person's language. */
export function useSignedIn() {
  const queryClient = useQueryClient();
  return (me: MeView) => {
    setCsrfToken(me.csrfToken);
    setUiLanguage(me.locale);
    queryClient.clear();
    queryClient.setQueryData(meQueryKey, me);
  };
}
