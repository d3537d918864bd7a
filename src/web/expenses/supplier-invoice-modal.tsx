import { Button, FileButton, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFileUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { vatOnBaseCents, vatRatesBp } from '../../core/expenses/expense-totals.ts';
import { localToday } from '../members/format-day.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { expensesApi } from './expenses-api.ts';
import { parseEuros } from './parse-euros.ts';
import { useExpenseTexts } from './use-expense-texts.ts';

/**
 * Records a supplier's invoice for one of the member's activities (issue 7): its PDF, the supplier (SIREN and IBAN
 * checked by the server), the number and dates, the amount excluding VAT at one rate (the VAT is computed).
 */
export function SupplierInvoiceModal({ onClose }: { onClose: () => void }) {
  const { x, euros, locale } = useExpenseTexts();
  const client = useQueryClient();
  // On a phone the form takes the whole screen: ten fields do not fit a centred dialog.
  const phone = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });
  const categories = useQuery({ queryKey: ['expenses', 'categories'], queryFn: expensesApi.categories });
  const activities = useQuery({ queryKey: ['expenses', 'my-activities'], queryFn: expensesApi.myActivities });
  const open = (activities.data?.items ?? []).filter((a) => a.status !== 'closed');
  const [form, setForm] = useState({
    activityId: open.length === 1 ? open[0]!.id : (null as string | null),
    categoryId: null as string | null,
    supplierName: '',
    supplierSiren: '',
    supplierIban: '',
    number: '',
    issueDate: localToday(),
    dueDate: '',
    base: '',
    rate: '2000',
  });
  const [pdf, setPdf] = useState<{ sha256: string; name: string } | null>(null);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const base = parseEuros(form.base);
  const vat = base === null ? null : vatOnBaseCents(base, Number(form.rate));
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const stored = await expensesApi.uploadReceipt(file);
      setPdf({ sha256: stored.sha256, name: file.name });
    },
  });
  const save = useMutation({
    mutationFn: () =>
      expensesApi.recordSupplierInvoice({
        activityId: form.activityId ?? (open.length === 1 ? open[0]!.id : ''),
        categoryId: form.categoryId ?? '',
        supplierName: form.supplierName,
        supplierSiren: form.supplierSiren.trim() || null,
        supplierIban: form.supplierIban,
        supplierBic: null,
        number: form.number,
        issueDate: form.issueDate,
        dueDate: form.dueDate || null,
        description: '',
        vatTotals: [{ rateBp: Number(form.rate), baseCents: base ?? 0, vatCents: vat ?? 0 }],
        pdfSha256: pdf?.sha256 ?? '',
      }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: x('invoice.recorded') });
      client.invalidateQueries({ queryKey: ['expenses'] });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={x('invoice.title')} centered size="lg" fullScreen={phone}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
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
            <TextInput
              label={x('invoice.base')}
              required
              inputMode="decimal"
              value={form.base}
              onChange={(e) => set({ base: e.currentTarget.value })}
            />
            <Select
              label={x('invoice.rate')}
              data={vatRatesBp.map((r) => ({
                value: String(r),
                label: `${(r / 100).toLocaleString('fr-FR')} %`,
              }))}
              value={form.rate}
              onChange={(v) => v && set({ rate: v })}
              allowDeselect={false}
            />
          </SimpleGrid>
          {base !== null && vat !== null && (
            <Text size="sm">{x('invoice.totals', { vat: euros(vat), total: euros(base + vat) })}</Text>
          )}
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
            <Button type="submit" loading={save.isPending} disabled={!pdf}>
              {x('invoice.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
