import {
  Badge,
  Button,
  Group,
  Menu,
  Modal,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPlus, IconSearch } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AccountView } from '../../core/ledger/report-schemas.ts';
import { api } from '../app/api-client.ts';
import { hasPermission, useCurrentPerson } from '../app/use-me.ts';
import { useUrlFilters } from '../members/use-url-filters.ts';
import { ConfirmModal } from '../ui/confirm-modal.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';
import { ledgerApi } from './ledger-api.ts';
import { useLedgerTexts } from './use-ledger-texts.ts';

type Editing = { mode: 'add' } | { mode: 'rename'; account: AccountView } | null;

/** The chart of accounts (add, rename, (de)activate, remove unused) and the journals. */
export function LedgerChartPage() {
  const { l, t } = useLedgerTexts();
  const me = useCurrentPerson();
  const canEdit = hasPermission(me, 'ledger.chart');
  const queryClient = useQueryClient();
  const { params, update } = useUrlFilters();
  const tab = params.get('tab') === 'journals' ? 'journals' : 'accounts';
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<AccountView | null>(null);
  const [number, setNumber] = useState('');
  const [label, setLabel] = useState('');
  const [needsThirdParty, setNeedsThirdParty] = useState(false);
  const accounts = useQuery({ queryKey: ['ledger', 'accounts'], queryFn: ledgerApi.accounts });
  const journals = useQuery({ queryKey: ['ledger', 'journals'], queryFn: ledgerApi.journals });
  const done = () => {
    void queryClient.invalidateQueries({ queryKey: ['ledger', 'accounts'] });
    notifications.show({ color: 'mutua', message: l('chart.saved') });
  };
  const save = useMutation({
    mutationFn: () =>
      editing?.mode === 'rename'
        ? api('PATCH', `/ledger/accounts/${editing.account.number}`, {
            body: { label, requiresThirdParty: needsThirdParty },
          })
        : api('POST', '/ledger/accounts', {
            body: { number: number.trim(), label, requiresThirdParty: needsThirdParty },
          }),
    onSuccess: () => {
      done();
      setEditing(null);
    },
  });
  const toggle = useMutation({
    mutationFn: (a: AccountView) =>
      api('PATCH', `/ledger/accounts/${a.number}`, { body: { active: !a.active } }),
    onSuccess: done,
  });
  const remove = useMutation({
    mutationFn: (a: AccountView) => api('DELETE', `/ledger/accounts/${a.number}`),
    onSuccess: () => {
      done();
      setRemoving(null);
    },
  });
  const open = (e: Editing) => {
    save.reset();
    setEditing(e);
    setNumber(e?.mode === 'rename' ? e.account.number : '');
    setLabel(e?.mode === 'rename' ? e.account.label : '');
    setNeedsThirdParty(e?.mode === 'rename' ? e.account.requiresThirdParty : false);
  };
  const shown = (accounts.data ?? []).filter((a) => {
    const q = filter.trim().toLowerCase();
    return !q || a.number.startsWith(q) || a.label.toLowerCase().includes(q);
  });
  return (
    <>
      <PageHeader
        title={l('chart.title')}
        description={l('chart.description')}
        actions={
          canEdit && tab === 'accounts' ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => open({ mode: 'add' })}>
              {l('chart.add')}
            </Button>
          ) : null
        }
      />
      <Tabs value={tab} onChange={(v) => update({ tab: v === 'journals' ? 'journals' : null })} mb="md">
        <Tabs.List>
          <Tabs.Tab value="accounts">{l('chart.accounts')}</Tabs.Tab>
          <Tabs.Tab value="journals">{l('chart.journals')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <ErrorAlert error={accounts.error ?? journals.error ?? toggle.error} />
      {tab === 'accounts' ? (
        accounts.isPending ? (
          <PageLoader />
        ) : (
          <Stack gap="sm">
            <TextInput
              label={l('chart.filter')}
              leftSection={<IconSearch size={16} />}
              value={filter}
              onChange={(e) => setFilter(e.currentTarget.value)}
              maw={360}
            />
            <Table.ScrollContainer minWidth={600}>
              <Table striped highlightOnHover verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{l('chart.number')}</Table.Th>
                    <Table.Th>{l('common.label')}</Table.Th>
                    <Table.Th>{l('chart.needsThirdParty')}</Table.Th>
                    <Table.Th>{l('chart.status')}</Table.Th>
                    {canEdit && <Table.Th w={48}>{t('common.actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((a) => (
                    <Table.Tr key={a.number}>
                      <Table.Td ff="monospace">{a.number}</Table.Td>
                      <Table.Td>{a.label}</Table.Td>
                      <Table.Td>{a.requiresThirdParty ? l('chart.yes') : ''}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <Badge size="sm" variant="light" color={a.active ? 'green' : 'gray'}>
                            {a.active ? l('chart.active') : l('chart.inactive')}
                          </Badge>
                          {a.hasLines && (
                            <Badge size="sm" variant="outline" color="gray">
                              {l('chart.hasLines')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      {canEdit && (
                        <Table.Td>
                          <Menu position="bottom-end">
                            <Menu.Target>
                              <Button
                                variant="subtle"
                                size="compact-sm"
                                aria-label={`${t('common.actions')} ${a.number}`}
                              >
                                <IconDots size={16} />
                              </Button>
                            </Menu.Target>
                            <Menu.Dropdown>
                              <Menu.Item onClick={() => open({ mode: 'rename', account: a })}>
                                {l('chart.rename')}
                              </Menu.Item>
                              <Menu.Item onClick={() => toggle.mutate(a)}>
                                {a.active ? l('chart.deactivate') : l('chart.activate')}
                              </Menu.Item>
                              {!a.hasLines && (
                                <Menu.Item color="red" onClick={() => setRemoving(a)}>
                                  {l('chart.remove')}
                                </Menu.Item>
                              )}
                            </Menu.Dropdown>
                          </Menu>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table striped verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{l('common.journal')}</Table.Th>
                <Table.Th>{l('chart.kind')}</Table.Th>
                <Table.Th>{l('chart.manual')}</Table.Th>
                <Table.Th ta="right">{l('chart.entries')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(journals.data ?? []).map((j) => (
                <Table.Tr key={j.code}>
                  <Table.Td>
                    <Text span ff="monospace" fw={600}>
                      {j.code}
                    </Text>{' '}
                    {j.label}
                  </Table.Td>
                  <Table.Td>{l(`journalKind.${j.kind}`)}</Table.Td>
                  <Table.Td>{j.manual ? l('chart.yes') : l('chart.no')}</Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {j.entryCount}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => !save.isPending && setEditing(null)}
        title={
          editing?.mode === 'rename'
            ? l('chart.renameTitle', { number: editing.account.number })
            : l('chart.addTitle')
        }
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
          noValidate
        >
          <Stack gap="md">
            <ErrorAlert error={save.error} />
            {editing?.mode === 'add' && (
              <TextInput
                label={l('chart.number')}
                description={l('chart.numberHint')}
                required
                data-autofocus
                inputMode="numeric"
                ff="monospace"
                value={number}
                onChange={(e) => setNumber(e.currentTarget.value)}
              />
            )}
            <TextInput
              label={l('common.label')}
              required
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
            />
            <Switch
              label={l('chart.needsThirdParty')}
              checked={needsThirdParty}
              onChange={(e) => setNeedsThirdParty(e.currentTarget.checked)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(null)} disabled={save.isPending}>
                {t('common.cancel')}
              </Button>
              <SubmitButton loading={save.isPending}>{t('common.save')}</SubmitButton>
            </Group>
          </Stack>
        </form>
      </Modal>
      <ConfirmModal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={l('chart.removeTitle', { number: removing?.number ?? '' })}
        message={l('chart.removeMessage')}
        confirmLabel={l('chart.remove')}
        onConfirm={() => removing && remove.mutate(removing)}
        pending={remove.isPending}
        error={remove.error}
      />
    </>
  );
}
