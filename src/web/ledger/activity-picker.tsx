import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ActivitySummary } from '../../core/activities/activity-schemas.ts';
import { api, queryString } from '../app/api-client.ts';
import { useLedgerTexts } from './use-ledger-texts.ts';

/** An activity chosen by code or name, searched on the server (a cooperative may have thousands). */
export function ActivityPicker({
  value,
  onChange,
  label,
  placeholder,
  error,
  required,
  w,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  label: string;
  placeholder?: string;
  error?: React.ReactNode;
  required?: boolean;
  w?: React.ComponentProps<typeof Select>['w'];
}) {
  const { l } = useLedgerTexts();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const found = useQuery({
    queryKey: ['ledger', 'activity-picker', q],
    queryFn: () => api<{ items: ActivitySummary[] }>('GET', `/activities${queryString({ q, pageSize: 30 })}`),
    placeholderData: keepPreviousData,
  });
  const [known, setKnown] = useState<Record<string, string>>({});
  const items = found.data?.items ?? [];
  const data = items.map((a) => ({ value: a.id, label: `${a.code} — ${a.name}` }));
  if (value && !data.some((d) => d.value === value)) data.unshift({ value, label: known[value] ?? value });
  return (
    <Select
      label={label}
      placeholder={placeholder ?? l('common.allActivities')}
      searchable
      clearable
      required={required}
      error={error}
      data={data}
      value={value}
      onChange={(v, option) => {
        if (v && option) setKnown((k) => ({ ...k, [v]: option.label }));
        onChange(v);
      }}
      onSearchChange={setSearch}
      nothingFoundMessage="—"
      w={w}
    />
  );
}
