import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../app/api-client.ts';
import { hasPermission, useCurrentPerson } from '../app/use-me.ts';
import { salesApi } from './sales-api.ts';
import { useSalesTexts } from './use-sales-texts.ts';

/** The activities whose sales a member runs: their own, still open. */
export function useMySalesActivities() {
  const me = useCurrentPerson();
  const staff = hasPermission(me, 'sales.all');
  const mine = useQuery({
    queryKey: ['sales', 'my-activities'],
    queryFn: salesApi.myActivities,
    enabled: !staff,
    staleTime: 60_000,
  });
  const items = (mine.data?.items ?? []).filter((a) => a.status !== 'closed');
  return { staff, items, isPending: !staff && mine.isPending };
}

/**
 * The activity to work on. A member picks among their own activities; people who see every activity's
 * sales (support, accounting) search them on the server (a cooperative may have thousands).
 */
export function SalesActivitySelect({
  value,
  onChange,
  label,
  placeholder,
  required,
  clearable = true,
  error,
  w,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  label: string;
  placeholder?: string;
  required?: boolean;
  clearable?: boolean;
  error?: React.ReactNode;
  w?: React.ComponentProps<typeof Select>['w'];
}) {
  const { s } = useSalesTexts();
  const { staff, items } = useMySalesActivities();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const found = useQuery({
    queryKey: ['sales', 'activity-search', q],
    queryFn: () => salesApi.activities(q),
    enabled: staff,
    placeholderData: keepPreviousData,
  });
  const [known, setKnown] = useState<Record<string, string>>({});
  const list = staff ? (found.data?.items ?? []) : items;
  const data = list.map((a) => ({ value: a.id, label: `${a.code} — ${a.name}` }));
  const missing = Boolean(value && !data.some((d) => d.value === value) && !known[value]);
  // An activity chosen earlier (kept in the URL) that the current search does not list: its name, once.
  const chosen = useQuery({
    queryKey: ['sales', 'activity-name', value],
    queryFn: () => api<{ code: string; name: string }>('GET', `/activities/${value}`),
    enabled: staff && missing,
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (value && !data.some((d) => d.value === value))
    data.unshift({
      value,
      label: known[value] ?? (chosen.data ? `${chosen.data.code} — ${chosen.data.name}` : '…'),
    });
  return (
    <Select
      label={label}
      placeholder={placeholder ?? s('common.allActivities')}
      searchable
      clearable={clearable}
      required={required}
      error={error}
      data={data}
      value={value}
      onChange={(v, option) => {
        if (v && option) setKnown((k) => ({ ...k, [v]: option.label }));
        onChange(v);
      }}
      onSearchChange={staff ? setSearch : undefined}
      nothingFoundMessage={s('common.noActivity')}
      w={w}
    />
  );
}
