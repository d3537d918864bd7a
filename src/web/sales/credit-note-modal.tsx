import { Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { parseCents } from '../../core/money/parse-cents.ts';
import { vatGroupKey } from '../../core/sales/compute-document-totals.ts';
import type { DocumentBody, DocumentLine } from '../../core/sales/document-line.ts';
import type { InvoiceView } from '../../core/sales/invoice-view.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';
import { salesApi } from './sales-api.ts';
import { useSalesTexts } from './use-sales-texts.ts';

/**
 * A credit note of an issued invoice (issue 5 §7): everything that remains, or amounts excl. VAT per VAT
 * group of the invoice (the server refuses more than what remains of each group). It is created as a
 * draft, then issued with its own number.
 */
export function CreditNoteModal({
  invoice,
  opened,
  onClose,
}: {
  invoice: InvoiceView;
  opened: boolean;
  onClose: () => void;
}) {
  const { s, t, euros } = useSalesTexts();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'whole' | 'partial'>('whole');
  const [label, setLabel] = useState(s('credit.defaultLabel', { number: invoice.number }));
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const lines = (invoice.body as DocumentBody).sections.flatMap((x) => x.lines);
  /** One line per VAT group, with the VAT and the kind of the invoice's first line of that group. */
  const groups = invoice.vatBreakdown.map((g) => ({
    ...g,
    sample: lines.find((l) => vatGroupKey(l.vat) === g.key) as DocumentLine | undefined,
  }));
  const partialBody = (): DocumentBody | null => {
    const found: Record<string, string> = {};
    const out: DocumentLine[] = [];
    for (const g of groups) {
      const text = amounts[g.key]?.trim() ?? '';
      if (!text) continue;
      const cents = parseCents(text);
      if (cents === null || cents <= 0n) found[g.key] = s('credit.amountInvalid');
      else if (g.sample)
        out.push({
          description: label.trim() || s('credit.defaultLabel', { number: invoice.number }),
          quantity: '1',
          unit: 'LS',
          unitPriceCents: Number(cents),
          vat: g.sample.vat,
          discount: null,
          kind: g.sample.kind,
        });
    }
    if (out.length === 0 && Object.keys(found).length === 0) found.all = s('credit.amountRequired');
    setErrors(found);
    return Object.keys(found).length ? null : { sections: [{ title: null, lines: out }], discount: null };
  };
  const create = useMutation({
    mutationFn: (body: DocumentBody | null) => salesApi.creditNote(invoice.id, body ? { body } : {}),
    onSuccess: (note) => {
      void queryClient.invalidateQueries({ queryKey: ['sales'] });
      notifications.show({ color: 'mutua', message: s('credit.created') });
      onClose();
      navigate(`/sales/invoices/${note.id}`);
    },
  });
  const close = () => {
    if (create.isPending) return;
    create.reset();
    setErrors({});
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={s('credit.title', { number: invoice.number })} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (mode === 'whole') create.mutate(null);
          else {
            const body = partialBody();
            if (body) create.mutate(body);
          }
        }}
      >
        <Stack gap="md">
          <Text size="sm">{s('credit.explain')}</Text>
          <ErrorAlert error={create.error} />
          <Radio.Group
            label={s('credit.mode')}
            value={mode}
            onChange={(v) => setMode(v as 'whole' | 'partial')}
          >
            <Stack gap="xs" mt="xs">
              <Radio
                value="whole"
                label={s('credit.whole', { amount: euros(invoice.totalInclCents - invoice.creditedCents) })}
              />
              <Radio value="partial" label={s('credit.partial')} />
            </Stack>
          </Radio.Group>
          {mode === 'partial' && (
            <Stack gap="sm">
              <TextInput
                label={s('credit.label')}
                value={label}
                onChange={(e) => setLabel(e.currentTarget.value)}
              />
              {groups.map((g) => (
                <TextInput
                  key={g.key}
                  label={
                    g.rateBp > 0
                      ? s('credit.amountAt', { rate: (g.rateBp / 100).toLocaleString('fr-FR') })
                      : s('credit.amountExempt')
                  }
                  description={s('credit.baseWas', { amount: euros(g.baseCents) })}
                  inputMode="decimal"
                  value={amounts[g.key] ?? ''}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setAmounts((a) => ({ ...a, [g.key]: v }));
                  }}
                  error={errors[g.key]}
                  rightSection={<Text size="xs">€</Text>}
                  styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
                />
              ))}
              {errors.all && (
                <Text c="red" size="sm" role="alert">
                  {errors.all}
                </Text>
              )}
            </Stack>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={create.isPending}>
              {t('common.cancel')}
            </Button>
            <SubmitButton loading={create.isPending}>{s('credit.submit')}</SubmitButton>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
