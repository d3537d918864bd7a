import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ledgerApi } from './ledger-api.ts';
import { useLedgerTexts } from './use-ledger-texts.ts';

/** The fiscal year of a report (empty: the current one). */
export function YearSelect({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (v: string | null) => void;
}) {
  const { l, day } = useLedgerTexts();
  const years = useQuery({ queryKey: ['ledger', 'years'], queryFn: ledgerApi.years });
  return (
    <Select
      label={l('common.fiscalYear')}
      placeholder={l('common.currentYear')}
      data={(years.data?.years ?? [])
        .slice()
        .reverse()
        .map((y) => ({
          value: String(y.id),
          label: `${day(y.startDate)} – ${day(y.endDate)} · ${y.status === 'open' ? l('common.open') : l('common.closed')}`,
        }))}
      value={value}
      onChange={onChange}
      clearable
      w={{ base: '100%', xs: 280 }}
    />
  );
}
