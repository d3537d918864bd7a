import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowLeft,
  IconCheck,
  IconDownload,
  IconFileInvoice,
  IconMail,
  IconPencil,
  IconSend,
  IconTrash,
  IconX,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { DocumentBody } from '../../core/sales/document-line.ts';
import type { QuoteView } from '../../core/sales/quote-schemas.ts';
import { formatDateTime } from '../app/format.ts';
import { ConfirmModal } from '../ui/confirm-modal.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { ConvertQuoteModal } from './convert-quote-modal.tsx';
import { DocumentLines } from './document-lines.tsx';
import { Figure } from './figure.tsx';
import { Money } from './money.tsx';
import { QuoteStatusBadge } from './quote-status-badge.tsx';
import { salesApi } from './sales-api.ts';
import { SendDocumentModal } from './send-document-modal.tsx';
import { useSalesTexts } from './use-sales-texts.ts';

/** One quote: its lines and totals, the client's answer, and the invoices made from it. */
export function QuotePage() {
  const { id } = useParams();
  const { s, day, euros } = useSalesTexts();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<
    'send' | 'email' | 'delete' | 'accepted' | 'refused' | 'convert' | null
  >(null);
  const quote = useQuery({ queryKey: ['sales', 'quote', id], queryFn: () => salesApi.quote(id!) });
  const changed = (message: string) => (view: QuoteView) => {
    queryClient.setQueryData(['sales', 'quote', id], view);
    void queryClient.invalidateQueries({ queryKey: ['sales', 'quotes'] });
    notifications.show({ color: 'mutua', message });
    setDialog(null);
  };
  const send = useMutation({
    mutationFn: () => salesApi.sendQuote(id!),
    onSuccess: (v) => changed(s('quotes.sent', { reference: v.reference }))(v),
  });
  const decide = useMutation({
    mutationFn: (status: 'accepted' | 'refused') => salesApi.decideQuote(id!, status),
    onSuccess: (v) => changed(s(`quotes.decided.${v.status}`))(v),
  });
  const remove = useMutation({
    mutationFn: () => salesApi.deleteQuote(id!),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['sales', 'quotes'] });
      notifications.show({ color: 'mutua', message: s('quotes.deleted') });
      navigate('/sales/quotes');
    },
  });
  if (quote.isPending) return <PageLoader />;
  if (!quote.data) return <ErrorAlert error={quote.error} />;
  const q = quote.data;
  const invoiceable = (q.status === 'sent' || q.status === 'accepted') && q.remainingExclCents > 0;
  return (
    <>
      <Anchor component={Link} to="/sales/quotes" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {s('quotes.title')}
        </Group>
      </Anchor>
      <PageHeader
        title={
          q.reference
            ? s('quotes.titleSent', { reference: q.reference })
            : s('quotes.titleDraft', { client: q.clientName })
        }
        description={
          <Group gap="xs" component="span">
            <Anchor component={Link} to={`/sales/clients/${q.clientId}`} size="sm">
              {q.clientName}
            </Anchor>
            <QuoteStatusBadge status={q.status} />
          </Group>
        }
        actions={
          <>
            {q.status === 'draft' && (
              <>
                <Button
                  variant="subtle"
                  color="red"
                  leftSection={<IconTrash size={16} />}
                  onClick={() => setDialog('delete')}
                >
                  {s('quotes.delete')}
                </Button>
                <Button
                  component={Link}
                  to={`/sales/quotes/${q.id}/edit`}
                  variant="default"
                  leftSection={<IconPencil size={16} />}
                >
                  {s('invoice.edit')}
                </Button>
                <Button leftSection={<IconSend size={16} />} onClick={() => setDialog('send')}>
                  {s('quotes.send')}
                </Button>
              </>
            )}
            {q.pdfUrl && (
              <Button
                component="a"
                href={q.pdfUrl}
                download={`${q.reference ?? 'devis'}.pdf`}
                variant="default"
                leftSection={<IconDownload size={16} />}
              >
                {s('invoice.download')}
              </Button>
            )}
            {q.pdfUrl && (
              <Button
                variant="default"
                leftSection={<IconMail size={16} />}
                onClick={() => setDialog('email')}
              >
                {s('send.open')}
              </Button>
            )}
            {q.status === 'sent' && (
              <>
                <Button
                  variant="default"
                  leftSection={<IconX size={16} />}
                  onClick={() => setDialog('refused')}
                >
                  {s('quotes.refuse')}
                </Button>
                <Button
                  variant="light"
                  leftSection={<IconCheck size={16} />}
                  onClick={() => setDialog('accepted')}
                >
                  {s('quotes.accept')}
                </Button>
              </>
            )}
            {invoiceable && (
              <Button leftSection={<IconFileInvoice size={16} />} onClick={() => setDialog('convert')}>
                {s('quotes.convert')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Figure
            label={s('totals.incl')}
            value={euros(q.totalInclCents)}
            hint={s('totals.exclHint', { amount: euros(q.totalExclCents) })}
          />
          <Figure label={s('quotes.sentOn')} value={day(q.issueDate)} />
          <Figure label={s('quotes.validUntil')} value={day(q.validityDate)} />
          <Figure
            label={s('quotes.remaining')}
            value={euros(q.remainingExclCents)}
            hint={s('quotes.remainingHint')}
          />
        </SimpleGrid>
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">
            {s('invoice.lines')}
          </Title>
          <DocumentLines body={q.body as DocumentBody} totals={q} />
          {q.notes && (
            <Text size="sm" mt="md" style={{ whiteSpace: 'pre-line' }}>
              {q.notes}
            </Text>
          )}
        </Paper>
        {q.emails.length > 0 && (
          <Paper withBorder radius="md" p="md">
            <Title order={2} size="h4" mb="sm">
              {s('send.trace')}
            </Title>
            <Stack gap={4}>
              {q.emails.map((e) => (
                <Group key={`${e.sentAt}-${e.toAddress}`} justify="space-between" wrap="wrap">
                  <Text size="sm">{e.toAddress}</Text>
                  <Text size="sm" c="dimmed">
                    {formatDateTime(e.sentAt)} ·{' '}
                    {s(`send.statuses.${e.emailStatus}`, { defaultValue: e.emailStatus })}
                  </Text>
                </Group>
              ))}
            </Stack>
          </Paper>
        )}
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">
            {s('quotes.invoices')}
          </Title>
          {q.invoices.length === 0 ? (
            <Text size="sm" c="dimmed">
              {invoiceable ? s('quotes.noInvoiceYet') : s('quotes.noInvoice')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={480}>
              <Table striped>
                <Table.Tbody>
                  {q.invoices.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/sales/invoices/${i.id}`} fw={600}>
                          {i.number ?? s('list.noNumber')}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{s(`quotes.part.${i.part}`)}</Table.Td>
                      <Table.Td>
                        <Badge
                          variant="light"
                          color={i.status === 'issued' ? 'blue' : 'gray'}
                          style={{ textTransform: 'none' }}
                        >
                          {s(`stage.${i.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Money cents={i.totalExclCents} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      </Stack>
      <ConfirmModal
        opened={dialog === 'send'}
        onClose={() => setDialog(null)}
        title={s('quotes.sendTitle')}
        message={s('quotes.sendMessage')}
        confirmLabel={s('quotes.sendConfirm')}
        onConfirm={() => send.mutate()}
        pending={send.isPending}
        error={send.error}
        color="mutua"
      />
      <ConfirmModal
        opened={dialog === 'accepted' || dialog === 'refused'}
        onClose={() => setDialog(null)}
        title={dialog === 'refused' ? s('quotes.refuseTitle') : s('quotes.acceptTitle')}
        message={dialog === 'refused' ? s('quotes.refuseMessage') : s('quotes.acceptMessage')}
        confirmLabel={dialog === 'refused' ? s('quotes.refuse') : s('quotes.accept')}
        onConfirm={() => decide.mutate(dialog === 'refused' ? 'refused' : 'accepted')}
        pending={decide.isPending}
        error={decide.error}
        color={dialog === 'refused' ? 'red' : 'mutua'}
      />
      <ConfirmModal
        opened={dialog === 'delete'}
        onClose={() => setDialog(null)}
        title={s('quotes.deleteTitle')}
        message={s('quotes.deleteMessage')}
        confirmLabel={s('quotes.delete')}
        onConfirm={() => remove.mutate()}
        pending={remove.isPending}
        error={remove.error}
      />
      {q.pdfUrl && (
        <SendDocumentModal<QuoteView>
          path={`/sales/quotes/${q.id}/email`}
          title={s('send.title', { number: q.reference })}
          opened={dialog === 'email'}
          onClose={() => setDialog(null)}
          onSent={changed(s('send.sent'))}
        />
      )}
      {invoiceable && (
        <ConvertQuoteModal quote={q} opened={dialog === 'convert'} onClose={() => setDialog(null)} />
      )}
    </>
  );
}
