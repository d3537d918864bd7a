import { SegmentedControl } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../core/i18n/locale.ts';
import type { MeView } from '../../core/people/people-schemas.ts';
import { api } from './api-client.ts';
import { currentLocale, setUiLanguage } from './i18n.ts';
import { meQueryKey, useMe } from './use-me.ts';

/**
 * FR | EN. In the app, the choice is saved in the account (it also sets the language of e-mails). On the
 * log-in and invitation pages it only changes the screen: whoever is logged in there keeps their setting.
 */
export function LanguageSwitch({
  size = 'xs',
  saveToAccount = true,
}: {
  size?: 'xs' | 'sm';
  saveToAccount?: boolean;
}) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (locale: Locale) => api<MeView>('PATCH', '/me', { body: { locale } }),
    onSuccess: (updated) => queryClient.setQueryData(meQueryKey, updated),
  });
  const change = (value: string) => {
    const locale: Locale = value === 'en' ? 'en' : 'fr';
    setUiLanguage(locale);
    // Everything on screen (server messages included) follows the new language.
    void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    if (saveToAccount && me && me.locale !== locale) save.mutate(locale);
  };
  return (
    <SegmentedControl
      size={size}
      value={currentLocale()}
      onChange={change}
      aria-label={t('language.label')}
      data={[
        {
          value: 'fr',
          label: (
            <span title="Français" lang="fr">
              FR
            </span>
          ),
        },
        {
          value: 'en',
          label: (
            <span title="English" lang="en">
              EN
            </span>
          ),
        },
      ]}
    />
  );
}
