import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { hasPermission, useCurrentPerson } from '../app/use-me.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { AdmitAssociateModal } from './admit-associate-modal.tsx';
import { AssociateDrawer } from './associate-drawer.tsx';
import { governanceApi } from './governance-api.ts';
import { RatioCards } from './ratio-cards.tsx';
import { useGovernanceTexts } from './use-governance-texts.ts';

type Status = 'active' | 'exited' | 'all';

/** The associates register (one person, one vote), with the legal ratios and who holds what. */
export function AssociatesPage() {
  const { g, day, euros, percent } = useGovernanceTexts();
  const me = useCurrentPerson();
  const canManage = hasPermission(me, 'governance.manage');
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') as Status | null) ?? 'active';
  const [admitting, setAdmitting] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['governance', 'associates', status],
    queryFn: () => governanceApi.associates(status),
  });
  const capital = useQuery({ queryKey: ['governance', 'capital'], queryFn: governanceApi.capital });
  const settings = useQuery({ queryKey: ['governance', 'settings'], queryFn: governanceApi.settings });
  const all = useQuery({
    queryKey: ['governance', 'associates', 'all'],
    queryFn: () => governanceApi.associates('all'),
  });
  const names = new Map((all.data ?? []).map((a) => [a.id, a.name]));
  const total = capital.data?.capitalCents ?? 0;
  return (
    <>
      <PageHeader
        title={g('associates.title')}
        description={g('associates.description')}
        actions={
          <>
            <Button component={Link} to="/governance/capital" variant="default">
              {g('associates.toCapital')}
            </Button>
            {canManage && (
              <Button leftSection={<IconUserPlus size={16} />} onClick={() => setAdmitting(true)}>
                {g('associates.admit')}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert error={list.error ?? capital.error} />
      {capital.data && <RatioCards ratios={capital.data.ratios} names={names} />}
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <SegmentedControl
            aria-label={g('associates.filter')}
            value={status}
            onChange={(v) => setParams(v === 'active' ? {} : { status: v })}
            data={(['active', 'exited', 'all'] as const).map((s) => ({
              value: s,
              label: g(`associates.status.${s}`),
            }))}
          />
          {capital.data && (
            <Text size="sm" c="dimmed">
              {g('associates.summary', {
                count: (all.data ?? []).filter((a) => !a.exitedOn).length,
                capital: euros(capital.data.capitalCents),
              })}
            </Text>
          )}
        </Group>
        {list.isPending ? (
          <PageLoader />
        ) : (list.data ?? []).length === 0 ? (
          <EmptyState
            title={g('associates.empty')}
            action={
              canManage ? <Button onClick={() => setAdmitting(true)}>{g('associates.admit')}</Button> : null
            }
          >
            {g('associates.emptyHint')}
          </EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={880}>
            <Table verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{g('associates.number')}</Table.Th>
                  <Table.Th>{g('associates.name')}</Table.Th>
                  <Table.Th>{g('associates.category')}</Table.Th>
                  <Table.Th>{g('associates.admittedOn')}</Table.Th>
                  <Table.Th ta="right">{g('associates.shares')}</Table.Th>
                  <Table.Th ta="right">{g('associates.capital')}</Table.Th>
                  <Table.Th ta="right">{g('associates.capitalShare')}</Table.Th>
                  {status !== 'active' && <Table.Th>{g('associates.exitedOn')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(list.data ?? []).map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{a.number}</Table.Td>
                    <Table.Td>
                      <Anchor
                        component="button"
                        type="button"
                        onClick={() => setOpen(a.id)}
                        fw={500}
                        ta="left"
                      >
                        {a.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={a.category === 'employee' ? 'mutua' : 'grape'} tt="none">
                        {g(`categoryShort.${a.category}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{day(a.admittedOn)}</Text>
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {a.admissionDecision}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {a.shares}
                    </Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                      {euros(a.capitalCents)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {total > 0 ? percent(Math.floor((a.capitalCents * 10_000) / total)) : '—'}
                    </Table.Td>
                    {status !== 'active' && <Table.Td>{a.exitedOn ? day(a.exitedOn) : '—'}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <AdmitAssociateModal
        opened={admitting}
        onClose={() => setAdmitting(false)}
        settings={settings.data?.settings}
        onAdmitted={(a) => setOpen(a.id)}
      />
      <AssociateDrawer associateId={open} onClose={() => setOpen(null)} canManage={canManage} />
    </>
  );
}
