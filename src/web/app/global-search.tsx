import { Badge, Group, Kbd, Loader, Text, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, spotlight } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SearchResult } from '../../core/search/search-results.ts';
import { api, queryString } from './api-client.ts';
import { visibleNavItems } from './nav-items.ts';
import { useCurrentPerson } from './use-me.ts';

const normalise = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('fr');

/**
 * The top bar's search (ui.md, Structure): the screens of the person's navigation, and from the server
 * the members, activities, clients, invoices and quotes they may open. Ctrl+K (⌘K) opens it anywhere.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const me = useCurrentPerson();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const results = useQuery({
    queryKey: ['search', debounced],
    queryFn: () => api<SearchResult[]>('GET', `/search${queryString({ q: debounced })}`),
    enabled: debounced.length >= 2,
    staleTime: 30_000,
  });
  const wanted = normalise(query.trim());
  const pages = wanted
    ? visibleNavItems(me.permissions).filter((i) => normalise(t(i.label)).includes(wanted))
    : [];
  const open = (href: string) => {
    spotlight.close();
    navigate(href);
  };
  const found = debounced.length >= 2 ? (results.data ?? []) : [];
  return (
    <>
      <UnstyledButton
        onClick={() => spotlight.open()}
        aria-label={t('search.open')}
        aria-keyshortcuts="Control+K"
        px={{ base: 6, sm: 'sm' }}
        py={6}
        style={{
          border: '1px solid var(--mantine-color-default-border)',
          borderRadius: 'var(--mantine-radius-md)',
        }}
      >
        <Group gap="xs" wrap="nowrap">
          <IconSearch size={16} aria-hidden />
          <Text size="sm" c="dimmed" visibleFrom="md">
            {t('search.placeholder')}
          </Text>
          <Kbd size="xs" visibleFrom="md">
            Ctrl K
          </Kbd>
        </Group>
      </UnstyledButton>
      <Spotlight.Root query={query} onQueryChange={setQuery} scrollable maxHeight={480}>
        <Spotlight.Search
          placeholder={t('search.placeholder')}
          aria-label={t('search.placeholder')}
          leftSection={<IconSearch size={18} aria-hidden />}
          rightSection={results.isFetching ? <Loader size="xs" /> : null}
        />
        <Spotlight.ActionsList>
          {pages.map((item) => (
            <Spotlight.Action key={item.to} onClick={() => open(item.to)}>
              <Group justify="space-between" wrap="nowrap" w="100%">
                <Text size="sm">{t(item.label)}</Text>
                <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
                  {t('search.kind.page')}
                </Badge>
              </Group>
            </Spotlight.Action>
          ))}
          {found.map((r) => (
            <Spotlight.Action key={`${r.kind}-${r.id}`} onClick={() => open(r.href)}>
              <Group justify="space-between" wrap="nowrap" w="100%" gap="sm">
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" truncate="end">
                    {r.title}
                  </Text>
                  {r.subtitle && (
                    <Text size="xs" c="dimmed" truncate="end">
                      {r.subtitle}
                    </Text>
                  )}
                </div>
                <Badge variant="light" style={{ textTransform: 'none', flexShrink: 0 }}>
                  {t(`search.kind.${r.kind}`)}
                </Badge>
              </Group>
            </Spotlight.Action>
          ))}
          {pages.length === 0 && found.length === 0 && (
            <Spotlight.Empty>
              {query.trim().length < 2
                ? t('search.hint')
                : results.isFetching
                  ? t('search.searching')
                  : t('search.nothing')}
            </Spotlight.Empty>
          )}
        </Spotlight.ActionsList>
      </Spotlight.Root>
    </>
  );
}
