import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Divider,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconPlus, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { knownVatRatesBp } from '../../core/sales/french-vat-rates.ts';
import type { InvoiceView } from '../../core/sales/invoice-view.ts';
import { unitCodes } from '../../core/sales/unit-codes.ts';
import { vatExemptions } from '../../core/sales/vat-exemptions.ts';
import { ApiError } from '../app/api-client.ts';
import { hasPermission, useCurrentPerson } from '../app/use-me.ts';
import { ConfirmModal } from '../ui/confirm-modal.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { CreateClientModal } from './create-client-modal.tsx';
import {
  emptyInvoice,
  emptyLine,
  emptySection,
  type InvoiceValues,
  invoiceToValues,
  type LineValues,
  lineFromCatalogue,
  liveTotals,
  requestPathToField,
  validateInvoice,
  valuesToQuoteRequest,
  valuesToRequest,
} from './invoice-form.ts';
import { SalesActivitySelect, useMySalesActivities } from './sales-activity-select.tsx';
import { salesApi } from './sales-api.ts';
import { salesIssueMessage } from './sales-form-resolver.ts';
import { useSalesTexts } from './use-sales-texts.ts';

const numeric = { input: { textAlign: 'right' as const, fontVariantNumeric: 'tabular-nums' } };

/** The invoice editor: a draft typed with live totals computed by core exactly as the server computes them. */
export function InvoiceEditorPage() {
  const { id } = useParams();
  const existing = useQuery({
    queryKey: ['sales', 'invoice', id],
    queryFn: () => salesApi.invoice(id!),
    enabled: Boolean(id),
  });
  if (!id) return <DocumentEditor mode="invoice" invoice={null} />;
  if (existing.isPending) return <PageLoader />;
  if (!existing.data) return <ErrorAlert error={existing.error} />;
  return <DocumentEditor key={existing.data.id} mode="invoice" invoice={existing.data} />;
}

/** The quote editor: the invoice editor's lines and live totals, a validity date, sent with a number. */
export function QuoteEditorPage() {
  const { id } = useParams();
  const existing = useQuery({
    queryKey: ['sales', 'quote', id],
    queryFn: () => salesApi.quote(id!),
    enabled: Boolean(id),
  });
  if (!id) return <DocumentEditor mode="quote" invoice={null} />;
  if (existing.isPending) return <PageLoader />;
  if (!existing.data) return <ErrorAlert error={existing.error} />;
  return <DocumentEditor key={existing.data.id} mode="quote" invoice={existing.data} />;
}

/** What the editor needs of a saved document (invoice or quote). */
type EditedDocument = Pick<InvoiceView, 'id' | 'activityId' | 'clientId' | 'clientName' | 'body'> & {
  status: string;
  type?: InvoiceView['type'];
  deliveryDate?: string | null;
  validityDate?: string | null;
  notes?: string | null;
  purchaseOrderReference?: string | null;
};

function DocumentEditor({ mode, invoice }: { mode: 'invoice' | 'quote'; invoice: EditedDocument | null }) {
  const quote = mode === 'quote';
  const base = quote ? '/sales/quotes' : '/sales/invoices';
  const { s, euros, locale } = useSalesTexts();
  const me = useCurrentPerson();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [search] = useSearchParams();
  const mine = useMySalesActivities();
  const [values, setValues] = useState<InvoiceValues>(() =>
    invoice ? invoiceToValues(invoice) : emptyInvoice(search.get('activity'), search.get('client')),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempted, setAttempted] = useState(false);
  const [confirmIssue, setConfirmIssue] = useState(false);
  const [creatingClient, setCreatingClient] = useState(false);

  // A member with one activity has nothing to choose.
  useEffect(() => {
    if (!values.activityId && mine.items.length === 1)
      setValues((v) => ({ ...v, activityId: mine.items[0]!.id }));
  }, [mine.items, values.activityId]);

  const clients = useQuery({
    queryKey: ['sales', 'clients', values.activityId],
    queryFn: () => salesApi.clients(values.activityId!),
    enabled: Boolean(values.activityId),
  });
  const catalogue = useQuery({
    queryKey: ['sales', 'catalogue', values.activityId],
    queryFn: () => salesApi.catalogue(values.activityId!),
    enabled: Boolean(values.activityId),
  });
  const catalogueOptions = (catalogue.data ?? [])
    .filter((i) => !i.archived)
    .map((i) => ({ value: i.id, label: `${i.name} — ${euros(i.unitPriceCents)}` }));
  const totals = useMemo(() => liveTotals(values), [values]);
  const translate = salesIssueMessage;

  const update = (next: InvoiceValues) => {
    setValues(next);
    if (attempted) setErrors(validateInvoice(next, translate, mode));
  };
  const set = (patch: Partial<InvoiceValues>) => update({ ...values, ...patch });
  const setLine = (si: number, li: number, patch: Partial<LineValues>) =>
    set({
      sections: values.sections.map((sec, k) =>
        k === si ? { ...sec, lines: sec.lines.map((l, j) => (j === li ? { ...l, ...patch } : l)) } : sec,
      ),
    });

  /** Checks locally with the API's schema, then saves (creates the draft the first time). */
  const persist = async (): Promise<{ id: string }> => {
    setAttempted(true);
    const found = validateInvoice(values, translate, mode);
    setErrors(found);
    if (Object.keys(found).length > 0) throw new Error(s('editor.fixErrors'));
    try {
      if (quote) {
        const body = valuesToQuoteRequest(values);
        return invoice ? await salesApi.updateQuote(invoice.id, body) : await salesApi.createQuote(body);
      }
      const body = valuesToRequest(values);
      return invoice ? await salesApi.updateInvoice(invoice.id, body) : await salesApi.createInvoice(body);
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        const server: Record<string, string> = {};
        for (const e of error.fieldErrors) server[requestPathToField(e.path)] ??= e.message;
        setErrors(server);
      }
      throw error;
    }
  };
  const done = (saved: { id: string }, message: string) => {
    void queryClient.invalidateQueries({ queryKey: ['sales'] });
    notifications.show({ color: 'mutua', message });
    navigate(`${base}/${saved.id}`);
  };
  const save = useMutation({
    mutationFn: persist,
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['sales'] });
      notifications.show({ color: 'mutua', message: s('editor.saved') });
      if (!invoice) navigate(`${base}/${saved.id}/edit`, { replace: true });
    },
  });
  const submit = useMutation({
    mutationFn: async () => salesApi.submit((await persist()).id),
    onSuccess: (saved) => done(saved, s('editor.submitted')),
  });
  const issue = useMutation({
    mutationFn: async () => salesApi.issue((await persist()).id),
    onSuccess: (saved) => done(saved, s('editor.issued', { number: saved.number })),
    onSettled: () => setConfirmIssue(false),
  });
  const send = useMutation({
    mutationFn: async () => salesApi.sendQuote((await persist()).id),
    onSuccess: (saved) => done(saved, s('quotes.sent', { reference: saved.reference })),
    onSettled: () => setConfirmIssue(false),
  });
  const busy = save.isPending || submit.isPending || issue.isPending || send.isPending;

  if (invoice && (quote ? invoice.status !== 'draft' : invoice.status === 'issued')) {
    return (
      <Alert color="gray" title={quote ? s('quotes.sentTitle') : s('editor.issuedTitle')}>
        {quote ? s('quotes.sentText') : s('editor.issuedText')}{' '}
        <Anchor component={Link} to={`${base}/${invoice.id}`}>
          {quote ? s('quotes.open') : s('editor.openInvoice')}
        </Anchor>
      </Alert>
    );
  }
  const clientOptions = (clients.data ?? [])
    .filter((c) => !c.archived || c.id === values.clientId)
    .map((c) => ({ value: c.id, label: c.name }));
  const client = clients.data?.find((c) => c.id === values.clientId);
  const vatOptions = [
    {
      group: s('editor.vatRates'),
      items: knownVatRatesBp.map((bp) => ({
        value: String(bp),
        label: `${(bp / 100).toLocaleString(locale === 'en' ? 'en-GB' : 'fr-FR')} %`,
      })),
    },
    {
      group: s('editor.exemptions'),
      items: Object.keys(vatExemptions).map((k) => ({ value: `exempt:${k}`, label: s(`exemption.${k}`) })),
    },
  ];
  const unitOptions = Object.entries(unitCodes).map(([code, label]) => ({
    value: code,
    label: label[locale],
  }));
  const discountKinds = [
    { value: 'none', label: s('editor.noDiscount') },
    { value: 'percent', label: '%' },
    { value: 'amount', label: '€' },
  ];
  const err = (path: string) => errors[path];
  const submittedWaiting = invoice?.status === 'submitted';
  const canValidate = hasPermission(me, 'sales.validate');
  let lineNumber = 0;

  return (
    <>
      <Anchor component={Link} to={invoice ? `${base}/${invoice.id}` : base} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {invoice
            ? quote
              ? s('quotes.back')
              : s('editor.backToInvoice')
            : quote
              ? s('quotes.title')
              : s('list.title')}
        </Group>
      </Anchor>
      <PageHeader
        title={
          quote
            ? invoice
              ? s('quotes.editTitle', { client: invoice.clientName })
              : s('quotes.newTitle')
            : invoice
              ? s('editor.editTitle', { client: invoice.clientName })
              : s('editor.newTitle')
        }
        description={s('editor.intro')}
      />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="md">
          {submittedWaiting && (
            <Alert color="yellow" title={s('editor.submittedTitle')}>
              {s('editor.submittedText')}
            </Alert>
          )}
          <ErrorAlert error={save.error ?? submit.error ?? issue.error ?? send.error} />
          <Paper withBorder p="md" radius="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <SalesActivitySelect
                label={s('common.activity')}
                placeholder={s('editor.chooseActivity')}
                value={values.activityId}
                onChange={(v) => set({ activityId: v, clientId: null })}
                required
                clearable={false}
                error={err('activityId')}
              />
              <Group align="flex-end" gap="xs" wrap="wrap">
                <Select
                  label={s('editor.client')}
                  placeholder={values.activityId ? s('editor.chooseClient') : s('editor.activityFirst')}
                  data={clientOptions}
                  value={values.clientId}
                  onChange={(v) => set({ clientId: v })}
                  searchable
                  required
                  disabled={!values.activityId}
                  error={err('clientId')}
                  nothingFoundMessage={s('editor.noClient')}
                  style={{ flex: '1 1 12rem', minWidth: 0 }}
                />
                <Button
                  variant="light"
                  leftSection={<IconUserPlus size={16} />}
                  onClick={() => setCreatingClient(true)}
                  disabled={!values.activityId}
                  mb={err('clientId') ? 22 : 0}
                >
                  {s('editor.newClient')}
                </Button>
              </Group>
            </SimpleGrid>
            {client && (
              <Text size="xs" c="dimmed" mt={6}>
                {[
                  client.billingAddress
                    ? `${client.billingAddress.postalCode} ${client.billingAddress.city}`
                    : null,
                  client.siren ? `SIREN ${client.siren}` : null,
                  client.paymentTerms
                    ? s(`terms.${client.paymentTerms.kind}_${client.paymentTerms.days}`, {
                        defaultValue: s('editor.termsDays', { count: client.paymentTerms.days }),
                      })
                    : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            )}
            {quote ? (
              <TextInput
                mt="md"
                type="date"
                label={s('quotes.validityDate')}
                description={s('quotes.validityHint')}
                value={values.validityDate}
                onChange={(e) => set({ validityDate: e.currentTarget.value })}
                error={err('validityDate')}
                w={{ base: '100%', xs: 260 }}
              />
            ) : (
              <Group mt="md" gap="md" wrap="wrap" align="flex-end">
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="invoice-type-label">
                    {s('editor.type')}
                  </Text>
                  <SegmentedControl
                    aria-labelledby="invoice-type-label"
                    data={[
                      { value: 'invoice', label: s('type.invoice') },
                      { value: 'deposit', label: s('type.deposit') },
                    ]}
                    value={values.type}
                    onChange={(v) => set({ type: v as InvoiceValues['type'] })}
                  />
                </Stack>
                <TextInput
                  type="date"
                  label={s('editor.deliveryDate')}
                  description={s('editor.deliveryDateHint')}
                  value={values.deliveryDate}
                  onChange={(e) => set({ deliveryDate: e.currentTarget.value })}
                  error={err('deliveryDate')}
                  w={{ base: '100%', xs: 220 }}
                />
              </Group>
            )}
          </Paper>

          {values.sections.map((section, si) => (
            <Stack key={section.key} gap="sm">
              {values.sections.length > 1 && (
                <Group gap="xs" align="flex-end">
                  <TextInput
                    label={s('editor.sectionTitle', { n: si + 1 })}
                    value={section.title}
                    onChange={(e) =>
                      set({
                        sections: values.sections.map((x, k) =>
                          k === si ? { ...x, title: e.currentTarget.value } : x,
                        ),
                      })
                    }
                    style={{ flex: 1 }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={s('editor.removeSection', { n: si + 1 })}
                    onClick={() => set({ sections: values.sections.filter((_, k) => k !== si) })}
                  >
                    <IconTrash size={18} />
                  </ActionIcon>
                </Group>
              )}
              {section.lines.map((line, li) => {
                lineNumber += 1;
                const n = lineNumber;
                const at = `sections.${si}.lines.${li}`;
                const net = totals.lineNets.get(`${si}.${li}`);
                return (
                  <Paper key={line.key} withBorder p="sm" radius="md" component="fieldset" m={0}>
                    <Text component="legend" size="xs" c="dimmed" px={4}>
                      {s('editor.line', { n })}
                    </Text>
                    <Group align="flex-start" gap="sm" wrap="nowrap">
                      <Textarea
                        label={s('field.description')}
                        aria-label={s('editor.description', { n })}
                        autosize
                        minRows={1}
                        maxRows={6}
                        value={line.description}
                        onChange={(e) => setLine(si, li, { description: e.currentTarget.value })}
                        error={err(`${at}.description`)}
                        style={{ flex: 1 }}
                      />
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={s('editor.removeLine', { n })}
                        onClick={() =>
                          set({
                            sections: values.sections.map((x, k) =>
                              k === si ? { ...x, lines: x.lines.filter((_, j) => j !== li) } : x,
                            ),
                          })
                        }
                        mt={26}
                      >
                        <IconTrash size={18} />
                      </ActionIcon>
                    </Group>
                    <Group align="flex-start" gap="sm" wrap="wrap" mt="xs">
                      <TextInput
                        label={s('field.quantity')}
                        aria-label={s('editor.quantity', { n })}
                        inputMode="decimal"
                        value={line.quantity}
                        onChange={(e) => setLine(si, li, { quantity: e.currentTarget.value })}
                        error={err(`${at}.quantity`)}
                        styles={numeric}
                        w={{ base: 'calc(50% - 6px)', sm: 100 }}
                      />
                      <Select
                        label={s('field.unit')}
                        aria-label={s('editor.unit', { n })}
                        data={unitOptions}
                        value={line.unit}
                        onChange={(v) => v && setLine(si, li, { unit: v as LineValues['unit'] })}
                        allowDeselect={false}
                        w={{ base: 'calc(50% - 6px)', sm: 120 }}
                      />
                      <TextInput
                        label={s('field.unitPrice')}
                        aria-label={s('editor.unitPrice', { n })}
                        inputMode="decimal"
                        value={line.unitPrice}
                        onChange={(e) => setLine(si, li, { unitPrice: e.currentTarget.value })}
                        error={err(`${at}.unitPrice`)}
                        styles={numeric}
                        rightSection={<Text size="xs">€</Text>}
                        w={{ base: 'calc(50% - 6px)', sm: 140 }}
                      />
                      <Select
                        label={s('field.vat')}
                        aria-label={s('editor.vat', { n })}
                        data={vatOptions}
                        value={line.vat}
                        onChange={(v) => v && setLine(si, li, { vat: v })}
                        allowDeselect={false}
                        error={err(`${at}.vat`)}
                        w={{ base: 'calc(50% - 6px)', sm: 210 }}
                        comboboxProps={{ width: 320, position: 'bottom-start' }}
                      />
                      <Select
                        label={s('field.discountKind')}
                        aria-label={s('editor.discountKind', { n })}
                        data={discountKinds}
                        value={line.discountKind}
                        onChange={(v) =>
                          v && setLine(si, li, { discountKind: v as LineValues['discountKind'] })
                        }
                        allowDeselect={false}
                        w={{ base: 'calc(50% - 6px)', sm: 120 }}
                      />
                      {line.discountKind !== 'none' && (
                        <TextInput
                          label={s('field.discount')}
                          aria-label={s('editor.discount', { n })}
                          inputMode="decimal"
                          value={line.discount}
                          onChange={(e) => setLine(si, li, { discount: e.currentTarget.value })}
                          error={err(`${at}.discount`)}
                          styles={numeric}
                          rightSection={<Text size="xs">{line.discountKind === 'percent' ? '%' : '€'}</Text>}
                          w={{ base: 'calc(50% - 6px)', sm: 110 }}
                        />
                      )}
                      <Select
                        label={s('field.kind')}
                        aria-label={s('editor.kind', { n })}
                        data={[
                          { value: 'services', label: s('editor.services') },
                          { value: 'goods', label: s('editor.goods') },
                        ]}
                        value={line.kind}
                        onChange={(v) => v && setLine(si, li, { kind: v as LineValues['kind'] })}
                        allowDeselect={false}
                        w={{ base: 'calc(50% - 6px)', sm: 130 }}
                      />
                      <Stack gap={2} ml="auto" align="flex-end" miw={110}>
                        <Text size="sm" fw={500}>
                          {s('editor.lineNet')}
                        </Text>
                        <Text
                          fw={600}
                          style={{ fontVariantNumeric: 'tabular-nums' }}
                          aria-label={s('editor.lineNetOf', { n })}
                          mt={6}
                        >
                          {net === undefined ? '—' : euros(net)}
                        </Text>
                      </Stack>
                    </Group>
                    {line.vat === 'exempt:other' && (
                      <TextInput
                        mt="xs"
                        label={s('field.reason')}
                        aria-label={s('editor.reason', { n })}
                        description={s('editor.reasonHint')}
                        required
                        value={line.reason}
                        onChange={(e) => setLine(si, li, { reason: e.currentTarget.value })}
                        error={err(`${at}.reason`)}
                      />
                    )}
                    {line.vat.startsWith('exempt:') && line.vat !== 'exempt:other' && (
                      <Text size="xs" c="dimmed" mt="xs">
                        {vatExemptions[line.vat.slice(7) as keyof typeof vatExemptions].text}
                      </Text>
                    )}
                  </Paper>
                );
              })}
              <Group gap="sm" align="flex-end" wrap="wrap">
                <Button
                  variant="light"
                  leftSection={<IconPlus size={16} />}
                  onClick={() =>
                    set({
                      sections: values.sections.map((x, k) =>
                        k === si ? { ...x, lines: [...x.lines, emptyLine()] } : x,
                      ),
                    })
                  }
                >
                  {values.sections.length > 1 ? s('editor.addLineTo', { n: si + 1 }) : s('editor.addLine')}
                </Button>
                {catalogueOptions.length > 0 && (
                  <Select
                    aria-label={
                      values.sections.length > 1 ? s('editor.pickTo', { n: si + 1 }) : s('catalogue.pick')
                    }
                    placeholder={s('catalogue.pick')}
                    data={catalogueOptions}
                    value={null}
                    searchable
                    onChange={(id) => {
                      const item = catalogue.data?.find((i) => i.id === id);
                      if (!item) return;
                      set({
                        sections: values.sections.map((x, k) =>
                          k === si
                            ? {
                                ...x,
                                // An untouched empty first line gives way to the item.
                                lines: [
                                  ...x.lines.filter((l) => l.description.trim() !== '' || l.unitPrice !== ''),
                                  lineFromCatalogue(item),
                                ],
                              }
                            : x,
                        ),
                      });
                    }}
                    w={{ base: '100%', xs: 300 }}
                  />
                )}
              </Group>
            </Stack>
          ))}
          {err('sections') && (
            <Text c="red" size="sm" role="alert">
              {err('sections')}
            </Text>
          )}
          <Group>
            <Button
              variant="subtle"
              leftSection={<IconPlus size={16} />}
              onClick={() => set({ sections: [...values.sections, emptySection()] })}
            >
              {s('editor.addSection')}
            </Button>
          </Group>

          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Stack gap="sm">
              <Group align="flex-start" gap="sm" wrap="wrap">
                <Select
                  label={s('editor.overallDiscount')}
                  data={discountKinds}
                  value={values.discountKind}
                  onChange={(v) => v && set({ discountKind: v as InvoiceValues['discountKind'] })}
                  allowDeselect={false}
                  w={150}
                />
                {values.discountKind !== 'none' && (
                  <TextInput
                    label={s('editor.overallDiscountValue')}
                    inputMode="decimal"
                    value={values.discount}
                    onChange={(e) => set({ discount: e.currentTarget.value })}
                    error={err('discount')}
                    styles={numeric}
                    rightSection={<Text size="xs">{values.discountKind === 'percent' ? '%' : '€'}</Text>}
                    w={140}
                  />
                )}
              </Group>
              {!quote && (
                <TextInput
                  label={s('editor.purchaseOrder')}
                  value={values.purchaseOrderReference}
                  onChange={(e) => set({ purchaseOrderReference: e.currentTarget.value })}
                  error={err('purchaseOrderReference')}
                />
              )}
              <Textarea
                label={s('editor.notes')}
                autosize
                minRows={2}
                value={values.notes}
                onChange={(e) => set({ notes: e.currentTarget.value })}
                error={err('notes')}
              />
            </Stack>
            <TotalsPanel totals={totals} />
          </SimpleGrid>

          <Divider />
          <Group justify="flex-end" gap="sm" wrap="wrap">
            <Button type="submit" variant="default" loading={save.isPending} disabled={busy}>
              {s('editor.saveDraft')}
            </Button>
            {quote && (
              <Button onClick={() => setConfirmIssue(true)} disabled={busy}>
                {s('quotes.send')}
              </Button>
            )}
            {!quote && !submittedWaiting && !canValidate && (
              <Button
                variant="light"
                onClick={() => submit.mutate()}
                loading={submit.isPending}
                disabled={busy}
              >
                {s('editor.submit')}
              </Button>
            )}
            {!quote && (
              <Button onClick={() => setConfirmIssue(true)} disabled={busy}>
                {s('editor.issue')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
      {values.activityId && (
        <CreateClientModal
          activityId={values.activityId}
          opened={creatingClient}
          onClose={() => setCreatingClient(false)}
          onCreated={(c) => {
            setCreatingClient(false);
            set({ clientId: c.id });
          }}
        />
      )}
      <ConfirmModal
        opened={confirmIssue}
        onClose={() => setConfirmIssue(false)}
        title={quote ? s('quotes.sendTitle') : s('issue.title')}
        message={quote ? s('quotes.sendMessage') : s('issue.message')}
        confirmLabel={quote ? s('quotes.sendConfirm') : s('issue.confirm')}
        onConfirm={() => (quote ? send.mutate() : issue.mutate())}
        pending={quote ? send.isPending : issue.isPending}
        error={quote ? send.error : issue.error}
        color="mutua"
      />
    </>
  );
}

/** Totals as the invoice will print them: lines, discount, VAT per rate, total incl. VAT. */
function TotalsPanel({ totals }: { totals: ReturnType<typeof liveTotals> }) {
  const { s, euros, rule } = useSalesTexts();
  const figures = totals.totals;
  const row = (label: string, cents: number, strong = false) => (
    <Table.Tr key={label}>
      <Table.Td>
        <Text size="sm" fw={strong ? 700 : undefined}>
          {label}
        </Text>
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm" fw={strong ? 700 : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {euros(cents)}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-live="polite"
      aria-labelledby="totals-title"
    >
      <Title order={2} size="h4" id="totals-title" mb="xs">
        {s('totals.title')}
      </Title>
      {totals.problem && (
        <Alert color="orange" variant="light" mb="xs">
          {rule(totals.problem)}
        </Alert>
      )}
      {!figures ? (
        <Text size="sm" c="dimmed">
          {s('totals.empty')}
        </Text>
      ) : (
        <Table withRowBorders={false} verticalSpacing={4}>
          <Table.Tbody>
            {figures.allowanceTotalCents !== 0 && row(s('totals.lines'), figures.lineNetTotalCents)}
            {figures.allowanceTotalCents !== 0 && row(s('totals.discount'), -figures.allowanceTotalCents)}
            {row(s('totals.excl'), figures.taxExclusiveCents, true)}
            {figures.vatBreakdown.map((g) =>
              row(
                g.category === 'S'
                  ? s('totals.vatAt', {
                      rate: (g.rateBp / 100).toLocaleString('fr-FR'),
                      base: euros(g.baseCents),
                    })
                  : s('totals.vatExempt', { base: euros(g.baseCents) }),
                g.vatCents,
              ),
            )}
            {row(s('totals.incl'), figures.taxInclusiveCents, true)}
          </Table.Tbody>
        </Table>
      )}
      {figures && (
        <Text size="xs" c="dimmed" mt="xs">
          {s(`category.${figures.category}`)}
        </Text>
      )}
    </Paper>
  );
}
