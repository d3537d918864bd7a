import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { PayrollLineStatus, PayrollRunLine } from '../../core/payroll/payroll-run-schemas.ts';
import { api } from '../app/api-client.ts';
import { hasPermission, useCurrentPerson } from '../app/use-me.ts';
import { localToday } from '../members/format-day.ts';
import { ConfirmModal } from '../ui/confirm-modal.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { payrollApi } from './payroll-api.ts';
import { Money } from './salary-figures-table.tsx';
import { thisMonth } from './salary-simulator-page.tsx';
import { usePayrollTexts } from './use-payroll-texts.ts';

const statusColor: Record<PayrollLineStatus, string> = {
  ready: 'blue',
  advance: 'grape',
  zero: 'gray',
  refused: 'red',
  done: 'teal',
};

/** A mutual fund lends the shortfall of one refused salary (manager). */
function AdvanceModal({
  line,
  month,
  onClose,
}: {
  line: PayrollRunLine | null;
  month: string;
  onClose: () => void;
}) {
  const { p, euros } = usePayrollTexts();
  const client = useQueryClient();
  const funds = useQuery({
    queryKey: ['activities', 'funds'],
    queryFn: () =>
      api<{ items: { id: string; code: string; name: string }[] }>(
        'GET',
        '/activities?kind=fund&pageSize=100',
      ),
    enabled: line !== null,
  });
  const [fund, setFund] = useState<string | null>(null);
  const approve = useMutation({
    mutationFn: payrollApi.approveAdvance,
    onSuccess: () => {
      notifications.show({ color: 'teal', message: p('runs.advanceDone') });
      client.invalidateQueries({ queryKey: ['payroll'] });
      onClose();
    },
  });
  const options = (funds.data?.items ?? []).map((f) => ({ value: f.id, label: `${f.code} — ${f.name}` }));
  return (
    <Modal opened={line !== null} onClose={onClose} title={p('runs.advanceTitle')} centered>
      {line && (
        <Stack gap="sm">
          <Text size="sm">
            {p('runs.advanceText', { name: line.memberName, amount: euros(line.shortfallCents) })}
          </Text>
          {funds.data && options.length === 0 ? (
            <Alert color="orange">{p('runs.noFund')}</Alert>
          ) : (
            <Select label={p('runs.fund')} data={options} value={fund} onChange={setFund} required />
          )}
          <ErrorAlert error={approve.error} />
          <Group justify="flex-end">
            <Button
              disabled={!fund}
              loading={approve.isPending}
              onClick={() => fund && approve.mutate({ memberId: line.memberId, month, fundActivityId: fund })}
            >
              {p('runs.advance')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** The net salary transfers of the month: prepare the SEPA file, download it, confirm the bank executed it. */
function PaymentsSection({ month, canManage }: { month: string; canManage: boolean }) {
  const { p, euros, day } = usePayrollTexts();
  const client = useQueryClient();
  const payments = useQuery({
    queryKey: ['payroll', 'payments', month],
    queryFn: () => payrollApi.payments(month),
  });
  const [executionDate, setExecutionDate] = useState(localToday());
  const [excluded, setExcluded] = useState<{ memberName: string; reason: string }[]>([]);
  const [confirming, setConfirming] = useState<{ id: string; count: number; total: number } | null>(null);
  const prepare = useMutation({
    mutationFn: () => payrollApi.preparePayment(month, executionDate),
    onSuccess: (r) => {
      setExcluded(r.excluded);
      notifications.show({ color: 'teal', message: p('runs.prepared') });
      client.invalidateQueries({ queryKey: ['payroll'] });
    },
  });
  const confirm = useMutation({
    mutationFn: (id: string) => payrollApi.confirmPayment(id),
    onSuccess: () => {
      setConfirming(null);
      notifications.show({ color: 'teal', message: p('runs.paymentConfirmed') });
      client.invalidateQueries({ queryKey: ['payroll'] });
    },
  });
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {p('runs.payments')}
        </Title>
        {canManage && (
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={p('runs.executionDate')}
              type="date"
              value={executionDate}
              onChange={(e) => setExecutionDate(e.currentTarget.value)}
            />
            <Button loading={prepare.isPending} onClick={() => prepare.mutate()}>
              {p('runs.prepare')}
            </Button>
          </Group>
        )}
        <ErrorAlert error={prepare.error ?? payments.error} />
        {excluded.map((x) => (
          <Alert key={x.memberName} color="orange" variant="light">
            {p('runs.excluded', { name: x.memberName, reason: x.reason })}
          </Alert>
        ))}
        {payments.data && payments.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            {p('runs.noPayments')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing={6}>
              <Table.Tbody>
                {payments.data?.map((pay) => (
                  <Table.Tr key={pay.id}>
                    <Table.Td ff="monospace">{pay.messageId}</Table.Td>
                    <Table.Td>{day(pay.executionDate)}</Table.Td>
                    <Table.Td ta="right">
                      <Money cents={pay.totalCents} /> ({pay.transferCount})
                    </Table.Td>
                    <Table.Td>
                      <Badge color={pay.status === 'confirmed' ? 'teal' : 'yellow'} variant="light">
                        {p(`paymentStatus.${pay.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button
                          component="a"
                          href={`/api/payroll/payments/${pay.id}/sepa`}
                          download
                          size="xs"
                          variant="default"
                          leftSection={<IconDownload size={14} />}
                        >
                          {p('runs.download')}
                        </Button>
                        {canManage && pay.status === 'prepared' && (
                          <Button
                            size="xs"
                            onClick={() =>
                              setConfirming({ id: pay.id, count: pay.transferCount, total: pay.totalCents })
                            }
                          >
                            {p('runs.confirmPayment')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <ConfirmModal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={p('runs.confirmPaymentTitle')}
        message={p('runs.confirmPaymentText', {
          count: confirming?.count ?? 0,
          amount: euros(confirming?.total ?? 0),
        })}
        confirmLabel={p('runs.confirmPayment')}
        onConfirm={() => confirming && confirm.mutate(confirming.id)}
        pending={confirm.isPending}
        error={confirm.error}
        color="teal"
      />
    </Paper>
  );
}

/** The accountant's monthly payroll: preview with refusals explained, run, CSV, SEPA transfer, payment. */
export function PayrollRunsPage() {
  const { p, euros, month: monthName } = usePayrollTexts();
  const me = useCurrentPerson();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? thisMonth();
  const canRun = hasPermission(me, 'payroll.runs.manage');
  const canAdvance = hasPermission(me, 'payroll.advances.approve');
  const preview = useQuery({
    queryKey: ['payroll', 'preview', month],
    queryFn: () => payrollApi.preview(month),
    retry: false,
  });
  const [confirmRun, setConfirmRun] = useState(false);
  const [advanceFor, setAdvanceFor] = useState<PayrollRunLine | null>(null);
  const run = useMutation({
    mutationFn: () => payrollApi.run(month),
    onSuccess: () => {
      setConfirmRun(false);
      notifications.show({ color: 'teal', message: p('runs.done') });
      client.invalidateQueries({ queryKey: ['payroll'] });
    },
  });
  const data = preview.data;
  return (
    <>
      <PageHeader
        title={p('runs.title')}
        description={p('runs.description')}
        actions={
          <Button
            component="a"
            href={`/api/payroll/exports/variables?month=${month}`}
            download
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            {p('runs.csv')}
          </Button>
        }
      />
      <Group align="flex-end" mb="md" wrap="wrap">
        <TextInput
          label={p('common.month')}
          type="month"
          value={month}
          onChange={(e) => {
            const v = e.currentTarget.value;
            if (v) setParams({ month: v }, { replace: true });
          }}
        />
        {canRun && data && (
          <Button disabled={!data.runnable} onClick={() => setConfirmRun(true)}>
            {p('runs.run', { month: monthName(month) })}
          </Button>
        )}
      </Group>
      <ErrorAlert error={preview.error} />
      {preview.isPending ? (
        <PageLoader />
      ) : data ? (
        <Stack gap="lg">
          <Text size="sm" c="dimmed">
            {p('runs.totals', {
              paid: data.totals.paidCount,
              zero: data.totals.zeroCount,
              refused: data.totals.refusedCount,
              done: data.totals.doneCount,
            })}{' '}
            · {p('common.employerCost')} {euros(data.totals.employerCostCents)}
          </Text>
          {data.lines.length === 0 ? (
            <EmptyState title={p('runs.nothing')} />
          ) : (
            <Table.ScrollContainer minWidth={860}>
              <Table striped verticalSpacing={6} aria-label={p('runs.preview')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{p('common.member')}</Table.Th>
                    <Table.Th>{p('common.activity')}</Table.Th>
                    <Table.Th>{p('runs.basis')}</Table.Th>
                    <Table.Th ta="right">{p('common.gross')}</Table.Th>
                    <Table.Th ta="right">{p('common.net')}</Table.Th>
                    <Table.Th ta="right">{p('common.employerCost')}</Table.Th>
                    <Table.Th ta="right">{p('runs.treasury')}</Table.Th>
                    <Table.Th>{p('common.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.lines.map((l) => (
                    <Table.Tr key={l.memberId}>
                      <Table.Td>{l.memberName}</Table.Td>
                      <Table.Td ff="monospace">{l.activityCode ?? '—'}</Table.Td>
                      <Table.Td>
                        {l.basis === 'plan'
                          ? p('runs.basisPlan')
                          : l.basis === 'fixed_part'
                            ? p('runs.basisFixed')
                            : '—'}
                      </Table.Td>
                      <Table.Td ta="right">
                        <Money cents={l.grossCents} />
                        {l.period && (
                          <Text size="xs" c="dimmed">
                            {p('runs.prorata', { days: l.period.daysPaid, monthDays: l.period.monthDays })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        <Money cents={l.netBeforeIncomeTaxCents} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <Money cents={l.employerCostCents} />
                      </Table.Td>
                      <Table.Td ta="right">
                        {l.treasuryBeforeCents === null ? '—' : <Money cents={l.treasuryBeforeCents} />}
                      </Table.Td>
                      <Table.Td maw={320}>
                        <Badge color={statusColor[l.status]} variant="light">
                          {p(`lineStatus.${l.status}`)}
                        </Badge>
                        {l.refusal && (
                          <Text size="xs" c="red.8" mt={2}>
                            {l.refusal.message}
                          </Text>
                        )}
                        {l.slipId && (
                          <Anchor
                            href={`/api/payroll/slips/${l.slipId}/pdf`}
                            download
                            size="xs"
                            display="block"
                            mt={2}
                          >
                            {p('common.payslip')}
                          </Anchor>
                        )}
                        {canAdvance && l.refusal?.code === 'PAYROLL_TREASURY_SHORT' && (
                          <Button size="compact-xs" variant="light" mt={4} onClick={() => setAdvanceFor(l)}>
                            {p('runs.advance')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {data.repayments.length > 0 && (
            <Alert color="blue" variant="light" title={p('runs.repaymentsTitle')}>
              <Stack gap={2}>
                {data.repayments.map((r) => (
                  <Text key={r.advanceId} size="sm">
                    {p('runs.repayment', {
                      activity: r.activityCode,
                      fund: r.fundCode,
                      month: monthName(r.month),
                      amount: euros(r.amountCents),
                      outstanding: euros(r.outstandingCents),
                    })}
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}
          {!data.runnable && data.totals.doneCount > 0 && (
            <Alert color="teal" variant="light">
              {p('runs.fullyRun')}
            </Alert>
          )}
          <PaymentsSection month={month} canManage={canRun} />
        </Stack>
      ) : null}
      <ConfirmModal
        opened={confirmRun}
        onClose={() => setConfirmRun(false)}
        title={p('runs.confirmRun')}
        message={p('runs.confirmRunText', {
          count: data?.totals.paidCount ?? 0,
          cost: euros(data?.totals.employerCostCents ?? 0),
        })}
        confirmLabel={p('runs.run', { month: monthName(month) })}
        onConfirm={() => run.mutate()}
        pending={run.isPending}
        error={run.error}
        color="blue"
      />
      <AdvanceModal line={advanceFor} month={month} onClose={() => setAdvanceFor(null)} />
    </>
  );
}
