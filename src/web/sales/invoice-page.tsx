import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowBackUp,
  IconArrowLeft,
  IconCash,
  IconCheck,
  IconDownload,
  IconFileMinus,
  IconMail,
  IconPencil,
  IconSend,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { DocumentBody } from '../../core/sales/document-line.ts';
import type { InvoiceView } from '../../core/sales/invoice-view.ts';
import { hasPermission, useCurrentPerson } from '../app/use-me.ts';
import { ConfirmModal } from '../ui/confirm-modal.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { CreditNoteModal } from './credit-note-modal.tsx';
import { DocumentLines } from './document-lines.tsx';
import { Figure } from './figure.tsx';
import { InvoiceStatusBadges, invoiceStage } from './invoice-status-badge.tsx';
import { Money } from './money.tsx';
import { PaymentsPanel } from './payments-panel.tsx';
import { PdfPreview } from './pdf-preview.tsx';
import { RecordPaymentModal } from './record-payment-modal.tsx';
import { ReturnInvoiceModal } from './return-invoice-modal.tsx';
import { salesApi } from './sales-api.ts';
import { SendDocumentModal, SendingsPanel } from './send-document-modal.tsx';
import { useSalesTexts } from './use-sales-texts.ts';

/** The title of a document: its number once issued. */
export function documentTitle(i: InvoiceView, s: (key: string, o?: Record<string, unknown>) => string) {
  return i.number
    ? s('invoice.titleIssued', { type: s(`type.${i.type}`), number: i.number })
    : s('invoice.titleDraft', { type: s(`type.${i.type}`), client: i.clientName });
}

/** One invoice or credit note: where it stands, its lines and totals, and what can be done next. */
export function InvoicePage() {
  const { id } = useParams();
  const { s, day, euros } = useSalesTexts();
  const me = useCurrentPerson();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'issue' | 'approve' | 'return' | 'pay' | 'credit' | 'send' | null>(
    null,
  );
  const invoice = useQuery({ queryKey: ['sales', 'invoice', id], queryFn: () => salesApi.invoice(id!) });
  const related = useQuery({
    queryKey: ['sales', 'invoices', invoice.data?.activityId, 'issued'],
    queryFn: () => salesApi.invoices({ activityId: invoice.data!.activityId, status: 'issued' }),
    enabled: invoice.data?.status === 'issued',
  });
  const refreshed = (message: string) => (view: InvoiceView) => {
    queryClient.setQueryData(['sales', 'invoice', id], view);
    void queryClient.invalidateQueries({ queryKey: ['sales', 'invoices'] });
    notifications.show({ color: 'mutua', message });
    setDialog(null);
  };
  const submit = useMutation({
    mutationFn: () => salesApi.submit(id!),
    onSuccess: refreshed(s('editor.submitted')),
  });
  const approve = useMutation({
    mutationFn: () => salesApi.approve(id!),
    onSuccess: refreshed(s('validation.approved')),
  });
  const issue = useMutation({
    mutationFn: () => salesApi.issue(id!),
    onSuccess: (v) => refreshed(s('editor.issued', { number: v.number }))(v),
  });

  if (invoice.isPending) return <PageLoader />;
  if (!invoice.data) return <ErrorAlert error={invoice.error} />;
  const i = invoice.data;
  const stage = invoiceStage(i);
  const canValidate = hasPermission(me, 'sales.validate');
  const body = i.body as DocumentBody;
  const creditNotes = (related.data ?? []).filter((d) => d.correctsInvoiceId === i.id);
  const corrected = i.correctsInvoiceId;
  const remainingToCredit = i.totalInclCents - i.creditedCents;
  const isCredit = i.type === 'creditNote';

  return (
    <>
      <Anchor component={Link} to="/sales/invoices" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {s('list.title')}
        </Group>
      </Anchor>
      <PageHeader
        title={documentTitle(i, s)}
        description={
          <Group gap="xs" component="span">
            <Anchor component={Link} to={`/sales/clients/${i.clientId}`} size="sm">
              {i.clientName}
            </Anchor>
            <InvoiceStatusBadges invoice={i} />
          </Group>
        }
        actions={
          <>
            {stage === 'draft' && !isCredit && (
              <Button
                component={Link}
                to={`/sales/invoices/${i.id}/edit`}
                variant="default"
                leftSection={<IconPencil size={16} />}
              >
                {s('invoice.edit')}
              </Button>
            )}
            {stage === 'draft' && !canValidate && !isCredit && (
              <Button
                variant="light"
                leftSection={<IconSend size={16} />}
                onClick={() => submit.mutate()}
                loading={submit.isPending}
              >
                {s('editor.submit')}
              </Button>
            )}
            {stage === 'submitted' && canValidate && (
              <>
                <Button
                  variant="default"
                  leftSection={<IconArrowBackUp size={16} />}
                  onClick={() => setDialog('return')}
                >
                  {s('validation.return')}
                </Button>
                <Button leftSection={<IconCheck size={16} />} onClick={() => setDialog('approve')}>
                  {s('validation.approve')}
                </Button>
              </>
            )}
            {(stage === 'draft' || stage === 'approved') && (
              <Button onClick={() => setDialog('issue')}>{s('editor.issue')}</Button>
            )}
            {i.pdfUrl && (
              <Button
                component="a"
                href={i.pdfUrl}
                download={`${i.number ?? 'document'}.pdf`}
                variant="default"
                leftSection={<IconDownload size={16} />}
              >
                {s('invoice.download')}
              </Button>
            )}
            {stage === 'issued' && (
              <Button
                variant="default"
                leftSection={<IconMail size={16} />}
                onClick={() => setDialog('send')}
              >
                {s('send.open')}
              </Button>
            )}
            {stage === 'issued' && !isCredit && i.dueCents > 0 && (
              <Button leftSection={<IconCash size={16} />} onClick={() => setDialog('pay')}>
                {s('payments.record')}
              </Button>
            )}
            {stage === 'issued' && !isCredit && remainingToCredit > 0 && (
              <Button
                variant="default"
                leftSection={<IconFileMinus size={16} />}
                onClick={() => setDialog('credit')}
              >
                {s('credit.create')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="lg">
        <ErrorAlert error={submit.error} />
        {stage === 'submitted' && (
          <Alert color="yellow" title={s('editor.submittedTitle')}>
            {canValidate ? s('validation.pendingHint') : s('editor.submittedText')}
          </Alert>
        )}
        {stage === 'draft' && i.returnReason && (
          <Alert color="orange" title={s('validation.returnedTitle')}>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {i.returnReason}
            </Text>
          </Alert>
        )}
        {stage === 'approved' && (
          <Alert color="cyan" title={s('invoice.approvedTitle')}>
            {s('invoice.approvedText')}
          </Alert>
        )}
        {i.quoteId && (
          <Text size="sm">
            {s(`invoice.fromQuote.${i.quotePart ?? 'balance'}`)}{' '}
            <Anchor component={Link} to={`/sales/quotes/${i.quoteId}`}>
              {s('invoice.openQuote')}
            </Anchor>
          </Text>
        )}
        {corrected && (
          <Text size="sm">
            {s('credit.corrects')}{' '}
            <Anchor component={Link} to={`/sales/invoices/${corrected}`}>
              {s('credit.original')}
            </Anchor>
          </Text>
        )}
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Figure
            label={s('totals.incl')}
            value={euros(i.totalInclCents)}
            hint={s('totals.exclHint', { amount: euros(i.totalExclCents) })}
          />
          {stage === 'issued' ? (
            <>
              <Figure label={s('invoice.issueDate')} value={day(i.issueDate)} />
              <Figure label={s('invoice.dueDate')} value={day(i.dueDate)} />
            </>
          ) : (
            <>
              <Figure label={s('totals.excl')} value={euros(i.totalExclCents)} />
              <Figure label={s('invoice.vat')} value={euros(i.totalVatCents)} />
            </>
          )}
          {stage === 'issued' && !isCredit ? (
            <Figure
              label={s('invoice.remaining')}
              value={euros(i.dueCents)}
              hint={s('invoice.paidSoFar', { amount: euros(i.paidCents) })}
            />
          ) : (
            <Figure label={s('invoice.deliveryDate')} value={day(i.deliveryDate)} />
          )}
        </SimpleGrid>

        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">
            {s('invoice.lines')}
          </Title>
          <DocumentLines body={body} totals={i} />
          {stage === 'issued' && !isCredit && (
            <Table w={{ base: '100%', sm: 380 }} ml="auto" withRowBorders={false} verticalSpacing={2}>
              <Table.Tbody>
                {i.creditedCents > 0 && (
                  <Table.Tr>
                    <Table.Td>{s('invoice.credited')}</Table.Td>
                    <Table.Td ta="right">
                      <Money cents={-i.creditedCents} />
                    </Table.Td>
                  </Table.Tr>
                )}
                {i.paidCents > 0 && (
                  <Table.Tr>
                    <Table.Td>{s('invoice.paid')}</Table.Td>
                    <Table.Td ta="right">
                      <Money cents={-i.paidCents} />
                    </Table.Td>
                  </Table.Tr>
                )}
                <Table.Tr>
                  <Table.Td fw={700}>{s('invoice.remaining')}</Table.Td>
                  <Table.Td ta="right">
                    <Money cents={i.dueCents} strong />
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          )}
        </Paper>

        {stage === 'issued' && !isCredit && <PaymentsPanel payments={i.payments} />}

        {i.sendings.length > 0 && <SendingsPanel sendings={i.sendings} />}

        {creditNotes.length > 0 && (
          <Paper withBorder radius="md" p="md">
            <Title order={2} size="h4" mb="sm">
              {s('credit.list')}
            </Title>
            <Stack gap={4}>
              {creditNotes.map((c) => (
                <Group key={c.id} justify="space-between">
                  <Anchor component={Link} to={`/sales/invoices/${c.id}`}>
                    {c.number ?? s('list.noNumber')}
                  </Anchor>
                  <Text size="sm">{day(c.issueDate)}</Text>
                  <Money cents={-c.totalInclCents} />
                </Group>
              ))}
            </Stack>
          </Paper>
        )}

        {i.pdfUrl && <PdfPreview url={i.pdfUrl} title={documentTitle(i, s)} />}
      </Stack>

      <ConfirmModal
        opened={dialog === 'issue'}
        onClose={() => setDialog(null)}
        title={s('issue.title')}
        message={s('issue.message')}
        confirmLabel={s('issue.confirm')}
        onConfirm={() => issue.mutate()}
        pending={issue.isPending}
        error={issue.error}
        color="mutua"
      />
      <ConfirmModal
        opened={dialog === 'approve'}
        onClose={() => setDialog(null)}
        title={s('validation.approveTitle')}
        message={s('validation.approveMessage', { client: i.clientName, amount: euros(i.totalInclCents) })}
        confirmLabel={s('validation.approve')}
        onConfirm={() => approve.mutate()}
        pending={approve.isPending}
        error={approve.error}
        color="mutua"
      />
      <ReturnInvoiceModal
        invoice={i}
        opened={dialog === 'return'}
        onClose={() => setDialog(null)}
        onReturned={refreshed(s('validation.returned'))}
      />
      {stage === 'issued' && (
        <SendDocumentModal
          path={`/sales/invoices/${i.id}/send`}
          title={s('send.title', { number: i.number })}
          opened={dialog === 'send'}
          onClose={() => setDialog(null)}
          onSent={refreshed(s('send.sent'))}
        />
      )}
      {stage === 'issued' && !isCredit && (
        <>
          <RecordPaymentModal
            invoice={i}
            opened={dialog === 'pay'}
            onClose={() => setDialog(null)}
            onRecorded={refreshed(s('payments.recorded'))}
          />
          <CreditNoteModal invoice={i} opened={dialog === 'credit'} onClose={() => setDialog(null)} />
        </>
      )}
    </>
  );
}
