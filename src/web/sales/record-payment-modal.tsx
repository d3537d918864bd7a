import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { parseCents } from '../../core/money/parse-cents.ts';
import type { InvoiceView } from '../../core/sales/invoice-view.ts';
import { PaymentInput, paymentMethods } from '../../core/sales/sales-schemas.ts';
import { ApiError } from '../app/api-client.ts';
import { toFormErrors } from '../app/zod-form-resolver.ts';
import { localToday } from '../members/format-day.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';
import { salesApi } from './sales-api.ts';
import { salesFormResolver } from './sales-form-resolver.ts';
import { useSalesTexts } from './use-sales-texts.ts';

const typed = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

/** A payment received for an issued invoice: never more than what is still due (issue 5 §8). */
export function RecordPaymentModal({
  invoice,
  opened,
  onClose,
  onRecorded,
}: {
  invoice: InvoiceView;
  opened: boolean;
  onClose: () => void;
  onRecorded: (view: InvoiceView) => void;
}) {
  const { s, t, euros } = useSalesTexts();
  const [amount, setAmount] = useState(typed(invoice.dueCents));
  const [paidOn, setPaidOn] = useState(localToday());
  const [method, setMethod] = useState<string>('transfer');
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const request = () => {
    const cents = parseCents(amount);
    return { amountCents: cents === null ? Number.NaN : Number(cents), paidOn, method, reference };
  };
  const check = () => {
    const found = { ...salesFormResolver(PaymentInput)(request()) } as Record<string, string>;
    const cents = request().amountCents;
    if (!found.amountCents && cents > invoice.dueCents)
      found.amountCents = s('payments.tooMuch', { amount: euros(invoice.dueCents) });
    setErrors(found);
    return Object.keys(found).length === 0;
  };
  const record = useMutation({
    mutationFn: () => salesApi.recordPayment(invoice.id, request()),
    onSuccess: (view) => {
      setReference('');
      onRecorded(view);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.fieldErrors.length > 0)
        setErrors(toFormErrors(error.fieldErrors) as Record<string, string>);
    },
  });
  const close = () => {
    if (record.isPending) return;
    record.reset();
    setErrors({});
    setAmount(typed(invoice.dueCents));
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={s('payments.title')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (check()) record.mutate();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{s('payments.due', { amount: euros(invoice.dueCents) })}</Text>
          <ErrorAlert error={record.error} />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              label={s('payments.amount')}
              inputMode="decimal"
              required
              data-autofocus
              value={amount}
              onChange={(e) => setAmount(e.currentTarget.value)}
              error={errors.amountCents}
              rightSection={<Text size="xs">€</Text>}
              styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
            />
            <TextInput
              type="date"
              label={s('payments.paidOn')}
              required
              value={paidOn}
              onChange={(e) => setPaidOn(e.currentTarget.value)}
              error={errors.paidOn}
            />
            <Select
              label={s('payments.method')}
              data={paymentMethods.map((m) => ({ value: m, label: s(`paymentMethod.${m}`) }))}
              value={method}
              onChange={(v) => v && setMethod(v)}
              allowDeselect={false}
            />
            <TextInput
              label={s('payments.reference')}
              value={reference}
              onChange={(e) => setReference(e.currentTarget.value)}
              error={errors.reference}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={record.isPending}>
              {t('common.cancel')}
            </Button>
            <SubmitButton loading={record.isPending}>{s('payments.submit')}</SubmitButton>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
