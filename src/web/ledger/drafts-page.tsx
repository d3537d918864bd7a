import { Anchor, Button, Table, Text } from '@mantine/core';
import { IconPencilPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDateTime } from '../app/format.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { Amount } from './amount.tsx';
import { ledgerApi } from './ledger-api.ts';
import { useLedgerTexts } from './use-ledger-texts.ts';

/** Manual entries in progress (drafts), and the way to start a new one. */
export function DraftsPage() {
  const { l, day } = useLedgerTexts();
  const drafts = useQuery({ queryKey: ['ledger', 'drafts'], queryFn: ledgerApi.drafts });
  const newButton = (
    <Button component={Link} to="/ledger/drafts/new" leftSection={<IconPencilPlus size={16} />}>
      {l('drafts.new')}
    </Button>
  );
  return (
    <>
      <PageHeader title={l('drafts.title')} description={l('drafts.description')} actions={newButton} />
      <ErrorAlert error={drafts.error} />
      {drafts.isPending ? (
        <PageLoader />
      ) : !drafts.data || drafts.data.length === 0 ? (
        <EmptyState title={l('drafts.empty')}>{l('drafts.emptyHint')}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{l('common.date')}</Table.Th>
                <Table.Th>{l('common.journal')}</Table.Th>
                <Table.Th>{l('common.label')}</Table.Th>
                <Table.Th ta="right">{l('common.debit')}</Table.Th>
                <Table.Th ta="right">{l('common.credit')}</Table.Th>
                <Table.Th>{l('chart.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {drafts.data.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{day(d.entryDate)}</Table.Td>
                  <Table.Td ff="monospace">{d.journalCode}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/ledger/drafts/${d.id}`}>
                      {d.label}
                    </Anchor>{' '}
                    <Text span size="xs" c="dimmed">
                      {d.pieceRef}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Amount cents={d.lines.reduce((s, x) => s + x.debitCents, 0)} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Amount cents={d.lines.reduce((s, x) => s + x.creditCents, 0)} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(d.updatedAt)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
