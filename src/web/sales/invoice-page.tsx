import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowBackUp,
  IconArrowLeft,
  IconCash,
  IconCheck,
  IconDownload,
  IconFileMinus,
  IconPencil,
  IconSend,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { DocumentBody } from '../../core/sales/document-line.ts';
import type { InvoiceView } from '../../core/sales/invoice-view.ts';
import { unitCodes } from '../../core/sales/unit-codes.ts';
import { exemptionText } from '../../core/sales/vat-exemptions.ts';
import { hasPermission, useCurrentPerson } from '../app/use-me.ts';
import { ConfirmModal } from '../ui/confirm-modal.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { StatCard } from '../ui/stat-card.tsx';
import { CreditNoteModal } from './credit-note-modal.tsx';
import { InvoiceStatusBadges, invoiceStage } from './invoice-status-badge.tsx';
import { Money } from './money.tsx';
import { PdfPreview } from './pdf-preview.tsx';
import { RecordPaymentModal } from './record-payment-modal.tsx';
import { ReturnInvoiceModal } from './return-invoice-modal.tsx';
import { salesApi } from './sales-api.ts';
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
  const [dialog, setDialog] = useState<'issue' | 'approve' | 'return' | 'pay' | 'credit' | null>(null);
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
        {stage === 'approved' && (
          <Alert color="cyan" title={s('invoice.approvedTitle')}>
            {s('invoice.approvedText')}
          </Alert>
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
          <StatCard
            label={s('totals.incl')}
            value={euros(i.totalInclCents)}
            hint={s('totals.exclHint', { amount: euros(i.totalExclCents) })}
          />
          <StatCard label={s('invoice.issueDate')} value={day(i.issueDate)} />
          <StatCard label={s('invoice.dueDate')} value={day(i.dueDate)} />
          {stage === 'issued' && !isCredit ? (
            <StatCard
              label={s('invoice.remaining')}
              value={euros(i.dueCents)}
              hint={s('invoice.paidSoFar', { amount: euros(i.paidCents) })}
            />
          ) : (
            <StatCard label={s('invoice.deliveryDate')} value={day(i.deliveryDate)} />
          )}
        </SimpleGrid>

        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">
            {s('invoice.lines')}
          </Title>
          <Table.ScrollContainer minWidth={620}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{s('invoice.lineDescription')}</Table.Th>
                  <Table.Th ta="right">{s('invoice.lineQuantity')}</Table.Th>
                  <Table.Th ta="right">{s('invoice.lineUnitPrice')}</Table.Th>
                  <Table.Th>{s('invoice.lineVat')}</Table.Th>
                  <Table.Th ta="right">{s('invoice.lineDiscount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {body.sections.flatMap((section, si) => [
                  ...(section.title
                    ? [
                        // biome-ignore lint/suspicious/noArrayIndexKey: an issued document's sections never move
                        <Table.Tr key={`s${si}`}>
                          <Table.Td colSpan={5} fw={600}>
                            {section.title}
                          </Table.Td>
                        </Table.Tr>,
                      ]
                    : []),
                  ...section.lines.map((l, li) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: an issued document's lines never move
                    <Table.Tr key={`${si}.${li}`}>
                      <Table.Td style={{ whiteSpace: 'pre-line' }}>{l.description}</Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {l.quantity.replace('.', ',')} {unitCodes[l.unit]?.fr ?? l.unit}
                      </Table.Td>
                      <Table.Td ta="right">
                        <Money cents={l.unitPriceCents} />
                      </Table.Td>
                      <Table.Td>
                        {l.vat.kind === 'rate' ? (
                          `${(l.vat.rateBp / 100).toLocaleString('fr-FR')} %`
                        ) : (
                          <Text size="xs">{exemptionText(l.vat.exemption, l.vat.reason)}</Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        {l.discount
                          ? l.discount.kind === 'percent'
                            ? `${(l.discount.bp / 100).toLocaleString('fr-FR')} %`
                            : euros(l.discount.cents)
                          : '—'}
                      </Table.Td>
                    </Table.Tr>
                  )),
                ])}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="flex-end" mt="md">
            <Table w={{ base: '100%', sm: 360 }} withRowBorders={false} verticalSpacing={2}>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Td>{s('totals.excl')}</Table.Td>
                  <Table.Td ta="right">
                    <Money cents={i.totalExclCents} />
                  </Table.Td>
                </Table.Tr>
                {i.vatBreakdown.map((g) => (
                  <Table.Tr key={g.key}>
                    <Table.Td>
                      {g.rateBp > 0
                        ? s('totals.vatAt', {
                            rate: (g.rateBp / 100).toLocaleString('fr-FR'),
                            base: euros(g.baseCents),
                          })
                        : s('totals.vatExempt', { base: euros(g.baseCents) })}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Money cents={g.vatCents} />
                    </Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Td fw={700}>{s('totals.incl')}</Table.Td>
                  <Table.Td ta="right">
                    <Money cents={i.totalInclCents} strong />
                  </Table.Td>
                </Table.Tr>
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
                {stage === 'issued' && !isCredit && (
                  <Table.Tr>
                    <Table.Td fw={700}>{s('invoice.remaining')}</Table.Td>
                    <Table.Td ta="right">
                      <Money cents={i.dueCents} strong />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Group>
        </Paper>

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
