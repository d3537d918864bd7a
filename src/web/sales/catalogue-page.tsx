import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconPencil, IconPlus, IconRestore, IconSearch, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { CatalogueItemView } from '../../core/sales/catalogue-item.ts';
import type { LineVat } from '../../core/sales/document-line.ts';
import { unitCodes } from '../../core/sales/unit-codes.ts';
import { useUrlFilters } from '../members/use-url-filters.ts';
import { ConfirmModal } from '../ui/confirm-modal.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { CatalogueItemModal } from './catalogue-item-modal.tsx';
import { Money } from './money.tsx';
import { SalesActivitySelect, useMySalesActivities } from './sales-activity-select.tsx';
import { salesApi } from './sales-api.ts';
import { useSalesTexts } from './use-sales-texts.ts';

/** The VAT of an item in words: "20 %" or the exemption's short name. */
export function useVatLabel() {
  const { s } = useSalesTexts();
  return (vat: unknown) => {
    const v = vat as LineVat;
    return v.kind === 'rate'
      ? `${(v.rateBp / 100).toLocaleString('fr-FR')} %`
      : s(`exemption.${v.exemption}`);
  };
}

/** An activity's products and services: what quote and invoice lines start from. */
export function CataloguePage() {
  const { s, locale } = useSalesTexts();
  const vatLabel = useVatLabel();
  const queryClient = useQueryClient();
  const { params, update } = useUrlFilters();
  const mine = useMySalesActivities();
  const activityId = params.get('activity');
  const show = params.get('show') ?? 'active';
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<CatalogueItemView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CatalogueItemView | null>(null);
  useEffect(() => {
    if (!activityId && mine.items.length === 1) update({ activity: mine.items[0]!.id });
  }, [activityId, mine.items, update]);
  const list = useQuery({
    queryKey: ['sales', 'catalogue', activityId],
    queryFn: () => salesApi.catalogue(activityId!),
    enabled: Boolean(activityId),
  });
  const changed = (message: string) => {
    void queryClient.invalidateQueries({ queryKey: ['sales', 'catalogue', activityId] });
    notifications.show({ color: 'mutua', message });
    setDeleting(null);
  };
  const archive = useMutation({
    mutationFn: (i: CatalogueItemView) => salesApi.archiveCatalogueItem(i.id, !i.archived),
    onSuccess: (i) => changed(s(i.archived ? 'catalogue.archived' : 'catalogue.restored', { name: i.name })),
  });
  const remove = useMutation({
    mutationFn: (i: CatalogueItemView) => salesApi.deleteCatalogueItem(i.id),
    onSuccess: () => changed(s('catalogue.deleted')),
  });
  const needle = q.trim().toLocaleLowerCase('fr');
  const rows = (list.data ?? []).filter(
    (i) =>
      (show === 'all' || i.archived === (show === 'archived')) &&
      (!needle || `${i.name} ${i.description}`.toLocaleLowerCase('fr').includes(needle)),
  );
  const actions = (i: CatalogueItemView) => (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <ActionIcon
        variant="subtle"
        aria-label={s('catalogue.editOf', { name: i.name })}
        onClick={() => setEditing(i)}
      >
        <IconPencil size={18} />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="gray"
        aria-label={s(i.archived ? 'catalogue.restoreOf' : 'catalogue.archiveOf', { name: i.name })}
        onClick={() => archive.mutate(i)}
      >
        {i.archived ? <IconRestore size={18} /> : <IconArchive size={18} />}
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="red"
        aria-label={s('catalogue.deleteOf', { name: i.name })}
        onClick={() => setDeleting(i)}
      >
        <IconTrash size={18} />
      </ActionIcon>
    </Group>
  );
  return (
    <>
      <PageHeader
        title={s('catalogue.title')}
        description={s('catalogue.intro')}
        actions={
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing('new')}
            disabled={!activityId}
          >
            {s('catalogue.new')}
          </Button>
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap" role="search">
          <SalesActivitySelect
            label={s('common.activity')}
            placeholder={s('editor.chooseActivity')}
            value={activityId}
            onChange={(v) => update({ activity: v })}
            w={{ base: '100%', xs: 260 }}
          />
          <TextInput
            label={s('clients.search')}
            leftSection={<IconSearch size={16} />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            style={{ flex: '1 1 12rem' }}
          />
          <SegmentedControl
            aria-label={s('catalogue.show')}
            data={(['active', 'archived', 'all'] as const).map((v) => ({
              value: v,
              label: s(`clients.${v}`),
            }))}
            value={show}
            onChange={(v) => update({ show: v === 'active' ? null : v })}
          />
        </Group>
        <ErrorAlert error={list.error ?? archive.error} />
        {!activityId ? (
          <EmptyState title={s('clients.pickActivity')}>{s('catalogue.pickActivityHint')}</EmptyState>
        ) : list.isPending ? (
          <PageLoader />
        ) : rows.length === 0 ? (
          <EmptyState
            title={list.data?.length ? s('catalogue.noMatch') : s('catalogue.empty')}
            action={
              <Button variant="light" onClick={() => setEditing('new')}>
                {s('catalogue.new')}
              </Button>
            }
          >
            {list.data?.length ? null : s('catalogue.emptyHint')}
          </EmptyState>
        ) : (
          <>
            <Table.ScrollContainer minWidth={700} visibleFrom="sm">
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{s('catalogue.name')}</Table.Th>
                    <Table.Th ta="right">{s('field.unitPrice')}</Table.Th>
                    <Table.Th>{s('field.vat')}</Table.Th>
                    <Table.Th>{s('field.kind')}</Table.Th>
                    <Table.Th>{s('catalogue.account')}</Table.Th>
                    <Table.Th ta="right">{s('catalogue.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td>
                        <Group gap="xs">
                          <Text fw={600} size="sm">
                            {i.name}
                          </Text>
                          {i.archived && (
                            <Badge color="gray" variant="light" size="sm">
                              {s('clients.archivedBadge')}
                            </Badge>
                          )}
                        </Group>
                        {i.description && (
                          <Text size="xs" c="dimmed" lineClamp={2}>
                            {i.description}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        <Money cents={i.unitPriceCents} />
                        <Text size="xs" c="dimmed">
                          {s('catalogue.per', { unit: unitCodes[i.unit][locale] })}
                        </Text>
                      </Table.Td>
                      <Table.Td>{vatLabel(i.vat)}</Table.Td>
                      <Table.Td>{i.kind === 'goods' ? s('editor.goods') : s('editor.services')}</Table.Td>
                      <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{i.salesAccount}</Table.Td>
                      <Table.Td>{actions(i)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Stack gap="xs" hiddenFrom="sm">
              {rows.map((i) => (
                <Paper key={i.id} withBorder p="sm" radius="md" component="article">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Text fw={600} size="sm">
                        {i.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {vatLabel(i.vat)} · {s('catalogue.per', { unit: unitCodes[i.unit][locale] })}
                      </Text>
                    </Stack>
                    <Money strong cents={i.unitPriceCents} />
                  </Group>
                  <Group justify="flex-end" mt={4}>
                    {actions(i)}
                  </Group>
                </Paper>
              ))}
            </Stack>
          </>
        )}
      </Stack>
      {activityId && editing && (
        <CatalogueItemModal
          key={editing === 'new' ? 'new' : editing.id}
          activityId={activityId}
          item={editing === 'new' ? undefined : editing}
          opened
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={s('catalogue.deleteTitle')}
        message={s('catalogue.deleteMessage', { name: deleting?.name })}
        confirmLabel={s('clients.delete')}
        onConfirm={() => deleting && remove.mutate(deleting)}
        pending={remove.isPending}
        error={remove.error}
      />
    </>
  );
}
