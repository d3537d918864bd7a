import {
  ActionIcon,
  Button,
  FileButton,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFileUpload, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SupplierInvoiceView } from '../../core/expenses/expense-schemas.ts';
import { vatOnBaseCents, vatRatesBp } from '../../core/expenses/expense-totals.ts';
import { type VatRowProblem, vatRowsProblems } from '../../core/expenses/vat-rows-problems.ts';
import { localToday } from '../members/format-day.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { expensesApi } from './expenses-api.ts';
import { centsToInput, parseEuros } from './parse-euros.ts';
import { useExpenseTexts } from './use-expense-texts.ts';

/**
 * Records a supplier's invoice for one of the member's activities (issue 7): its PDF, the supplier (SIREN and IBAN
 * checked by the server), the number and dates, and its breakdown by VAT rate as printed on it: one row per rate
 * (base excl. VAT, VAT proposed as base × rate and editable to what the invoice says), checked against the total
 * incl. VAT the member copies from the invoice, to the cent, before anything is sent (vatRowsProblems).
 */
type VatRowState = { key: number; rate: string; base: string; vat: string; vatTouched: boolean };
let nextRowKey = 1;
const emptyRow = (rate = '2000'): VatRowState => ({
  key: nextRowKey++,
  rate,
  base: '',
  vat: '',
  vatTouched: false,
});
const rateText = (bp: number) => `${(bp / 100).toLocaleString('fr-FR')} %`;

export function SupplierInvoiceModal({
  onClose,
  draft,
}: {
  onClose: () => void;
  /** A draft of the reader's to change (the claims' `edit` transition); none: a new invoice. */
  draft?: SupplierInvoiceView;
}) {
  const { x, euros, locale } = useExpenseTexts();
  const client = useQueryClient();
  // On a phone the form takes the whole screen: ten fields do not fit a centred dialog.
  const phone = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });
  const categories = useQuery({ queryKey: ['expenses', 'categories'], queryFn: expensesApi.categories });
  const activities = useQuery({ queryKey: ['expenses', 'my-activities'], queryFn: expensesApi.myActivities });
  const open = (activities.data?.items ?? []).filter((a) => a.status !== 'closed');
  const [form, setForm] = useState({
    activityId: draft?.activityId ?? (open.length === 1 ? open[0]!.id : (null as string | null)),
    categoryId: draft?.categoryId ?? (null as string | null),
    supplierName: draft?.supplierName ?? '',
    supplierSiren: draft?.supplierSiren ?? '',
    supplierIban: draft?.supplierIban ?? '',
    number: draft?.number ?? '',
    issueDate: draft?.issueDate ?? localToday(),
    dueDate: draft?.dueDate ?? '',
    total: draft ? centsToInput(draft.totalCents) : '',
  });
  const [rows, setRows] = useState<VatRowState[]>(() =>
    draft
      ? draft.vatTotals.map((t) => ({
          key: nextRowKey++,
          rate: String(t.rateBp),
          base: centsToInput(t.baseCents),
          vat: centsToInput(t.vatCents),
          // A VAT other than base × rate was typed: kept as typed; else it follows the base again.
          vatTouched: t.vatCents !== vatOnBaseCents(t.baseCents, t.rateBp),
        }))
      : [emptyRow()],
  );
  // Errors about empty fields wait for a first attempt to save; sums that do not match show as soon as typed.
  const [tried, setTried] = useState(false);
  const [pdf, setPdf] = useState<{ sha256: string; name: string } | null>(
    draft ? { sha256: draft.pdfSha256, name: x('invoice.pdfAttached') } : null,
  );
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const updateRow = (key: number, patch: Partial<VatRowState>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  /** A row's VAT: what the member typed, else base × rate. */
  const rowVat = (r: VatRowState) => {
    if (r.vatTouched) return parseEuros(r.vat);
    const base = parseEuros(r.base);
    return base === null ? null : vatOnBaseCents(base, Number(r.rate));
  };
  const drafts = rows.map((r) => ({
    rateBp: Number(r.rate),
    baseCents: parseEuros(r.base),
    vatCents: rowVat(r),
  }));
  const totalCents = parseEuros(form.total);
  const problems = vatRowsProblems(drafts, totalCents);
  const blank = (p: VatRowProblem) =>
    (p.code === 'baseInvalid' && rows[p.row]!.base.trim() === '') ||
    (p.code === 'totalInvalid' && form.total.trim() === '');
  const shown = problems.filter((p) => tried || !blank(p));
  const problemText = (p: VatRowProblem): string => {
    switch (p.code) {
      case 'baseInvalid':
        return x('invoice.error.base');
      case 'vatInvalid':
        return x('invoice.error.vat');
      case 'vatMismatch':
        return x('invoice.error.vatMismatch', { expected: euros(p.expectedCents) });
      case 'rateTwice':
        return x('invoice.error.rateTwice', { rate: rateText(p.rateBp) });
      case 'totalInvalid':
        return x('invoice.error.total');
      case 'totalMismatch':
        return x(p.differenceCents > 0 ? 'invoice.error.totalShort' : 'invoice.error.totalOver', {
          rows: euros(p.rowsCents),
          difference: euros(Math.abs(p.differenceCents)),
          total: euros(p.rowsCents + p.differenceCents),
        });
    }
  };
  const rowError = (row: number, codes: VatRowProblem['code'][]) =>
    shown
      .filter((p) => p.row === row && codes.includes(p.code))
      .map(problemText)
      .join(' ') || undefined;
  const totalError =
    shown
      .filter((p) => p.row === null)
      .map(problemText)
      .join(' ') || undefined;
  const sums = drafts.reduce(
    (s, d) => ({ base: s.base + (d.baseCents ?? 0), vat: s.vat + (d.vatCents ?? 0) }),
    { base: 0, vat: 0 },
  );
  const freeRate = () => vatRatesBp.find((r) => !rows.some((row) => Number(row.rate) === r));
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const stored = await expensesApi.uploadReceipt(file);
      setPdf({ sha256: stored.sha256, name: file.name });
    },
  });
  const save = useMutation({
    mutationFn: (keepDraft: boolean) => {
      // Only called when vatRowsProblems found nothing: every row is readable.
      const body = {
        activityId: form.activityId ?? (open.length === 1 ? open[0]!.id : ''),
        categoryId: form.categoryId ?? '',
        supplierName: form.supplierName,
        supplierSiren: form.supplierSiren.trim() || null,
        supplierIban: form.supplierIban,
        supplierBic: draft?.supplierBic ?? null,
        number: form.number,
        issueDate: form.issueDate,
        dueDate: form.dueDate || null,
        description: draft?.description ?? '',
        vatTotals: drafts.map((d) => ({
          rateBp: d.rateBp,
          baseCents: d.baseCents ?? 0,
          vatCents: d.vatCents ?? 0,
        })),
        pdfSha256: pdf?.sha256 ?? '',
        draft: keepDraft,
      };
      return draft
        ? expensesApi.updateSupplierInvoice(draft.id, body)
        : expensesApi.recordSupplierInvoice(body);
    },
    onSuccess: (_, keepDraft) => {
      notifications.show({ color: 'teal', message: x(keepDraft ? 'invoice.drafted' : 'invoice.recorded') });
      client.invalidateQueries({ queryKey: ['expenses'] });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={x('invoice.title')} centered size="lg" fullScreen={phone}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (problems.length === 0) save.mutate(false);
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {x('invoice.description')}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label={x('form.activity')}
              required
              data={open.map((a) => ({ value: a.id, label: `${a.code} — ${a.name}` }))}
              value={form.activityId ?? (open.length === 1 ? open[0]!.id : null)}
              onChange={(v) => set({ activityId: v })}
            />
            <Select
              label={x('form.category')}
              required
              data={(categories.data ?? [])
                .filter((c) => c.kind === 'expense')
                .map((c) => ({ value: c.id, label: locale === 'en' ? c.labelEn : c.label }))}
              value={form.categoryId}
              onChange={(v) => set({ categoryId: v })}
            />
            <TextInput
              label={x('invoice.supplier')}
              required
              value={form.supplierName}
              onChange={(e) => set({ supplierName: e.currentTarget.value })}
            />
            <TextInput
              label={x('invoice.siren')}
              inputMode="numeric"
              value={form.supplierSiren}
              onChange={(e) => set({ supplierSiren: e.currentTarget.value })}
            />
            <TextInput
              label={x('invoice.iban')}
              required
              value={form.supplierIban}
              onChange={(e) => set({ supplierIban: e.currentTarget.value })}
            />
            <TextInput
              label={x('invoice.number')}
              required
              value={form.number}
              onChange={(e) => set({ number: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={x('invoice.issueDate')}
              required
              max={localToday()}
              value={form.issueDate}
              onChange={(e) => set({ issueDate: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={x('invoice.dueDate')}
              value={form.dueDate}
              onChange={(e) => set({ dueDate: e.currentTarget.value })}
            />
          </SimpleGrid>
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              {x('invoice.vatRows')}
            </Text>
            {rows.map((r, i) => (
              <Paper key={r.key} withBorder p="xs" radius="sm" data-testid="vat-row">
                <Group align="flex-start" gap="xs" wrap="nowrap">
                  <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs" style={{ flex: 1 }}>
                    <Select
                      label={x('invoice.rate')}
                      data={vatRatesBp.map((rate) => ({ value: String(rate), label: rateText(rate) }))}
                      value={r.rate}
                      onChange={(v) => v && updateRow(r.key, { rate: v })}
                      allowDeselect={false}
                      error={rowError(i, ['rateTwice'])}
                    />
                    <TextInput
                      label={x('invoice.base')}
                      required
                      inputMode="decimal"
                      value={r.base}
                      onChange={(e) => updateRow(r.key, { base: e.currentTarget.value })}
                      error={rowError(i, ['baseInvalid'])}
                    />
                    <TextInput
                      label={x('invoice.vat')}
                      inputMode="decimal"
                      value={
                        r.vatTouched
                          ? r.vat
                          : (() => {
                              const v = rowVat(r);
                              return v === null ? '' : centsToInput(v);
                            })()
                      }
                      onChange={(e) => updateRow(r.key, { vat: e.currentTarget.value, vatTouched: true })}
                      error={rowError(i, ['vatInvalid', 'vatMismatch'])}
                    />
                  </SimpleGrid>
                  {rows.length > 1 && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      mt={26}
                      aria-label={x('invoice.removeRate', { n: i + 1 })}
                      onClick={() => setRows((rs) => rs.filter((row) => row.key !== r.key))}
                    >
                      <IconTrash size={18} />
                    </ActionIcon>
                  )}
                </Group>
              </Paper>
            ))}
            <Group justify="space-between" gap="xs">
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={<IconPlus size={16} />}
                disabled={rows.length >= vatRatesBp.length || freeRate() === undefined}
                onClick={() => setRows((rs) => [...rs, emptyRow(String(freeRate() ?? 0))])}
              >
                {x('invoice.addRate')}
              </Button>
              <Text size="sm" c="dimmed">
                {x('invoice.totals', {
                  base: euros(sums.base),
                  vat: euros(sums.vat),
                  total: euros(sums.base + sums.vat),
                })}
              </Text>
            </Group>
            <TextInput
              label={x('invoice.total')}
              description={x('invoice.totalHelp')}
              required
              inputMode="decimal"
              value={form.total}
              onChange={(e) => set({ total: e.currentTarget.value })}
              error={totalError}
            />
          </Stack>
          <FileButton
            accept="application/pdf"
            onChange={(file) => file && upload.mutate(file)}
            inputProps={{ 'aria-label': x('invoice.pdf') }}
          >
            {(props) => (
              <Button
                {...props}
                variant="light"
                leftSection={<IconFileUpload size={18} />}
                loading={upload.isPending}
              >
                {pdf ? `✓ ${pdf.name}` : x('invoice.pdf')}
              </Button>
            )}
          </FileButton>
          <ErrorAlert error={upload.error ?? save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              ✕
            </Button>
            <Button
              variant="default"
              loading={save.isPending && save.variables}
              disabled={!pdf}
              onClick={() => {
                setTried(true);
                if (problems.length === 0) save.mutate(true);
              }}
            >
              {x('invoice.saveDraft')}
            </Button>
            <Button type="submit" loading={save.isPending && !save.variables} disabled={!pdf}>
              {x('invoice.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
