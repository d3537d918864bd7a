import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { parseCents } from '../../core/money/parse-cents.ts';
import { CatalogueItemInput, type CatalogueItemView } from '../../core/sales/catalogue-item.ts';
import type { LineVat } from '../../core/sales/document-line.ts';
import { unitCodes } from '../../core/sales/unit-codes.ts';
import { ApiError } from '../app/api-client.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';
import { salesApi } from './sales-api.ts';
import { salesIssueMessage } from './sales-form-resolver.ts';
import { useSalesTexts } from './use-sales-texts.ts';
import { useVatOptions } from './vat-options.ts';

type Values = {
  name: string;
  description: string;
  unit: string;
  unitPrice: string;
  vat: string;
  reason: string;
  kind: 'services' | 'goods';
  salesAccount: string;
};

const typed = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

function fromItem(i: CatalogueItemView | undefined): Values {
  const vat = (i?.vat ?? { kind: 'rate', rateBp: 2000 }) as LineVat;
  return {
    name: i?.name ?? '',
    description: i?.description ?? '',
    unit: i?.unit ?? 'C62',
    unitPrice: i ? typed(i.unitPriceCents) : '',
    vat: vat.kind === 'rate' ? String(vat.rateBp) : `exempt:${vat.exemption}`,
    reason: vat.kind === 'exempt' ? (vat.reason ?? '') : '',
    kind: i?.kind ?? 'services',
    salesAccount: i?.salesAccount ?? '',
  };
}

function toRequest(v: Values) {
  const cents = parseCents(v.unitPrice);
  return {
    name: v.name,
    description: v.description,
    unit: v.unit,
    unitPriceCents: cents === null ? Number.NaN : Number(cents),
    vat: v.vat.startsWith('exempt:')
      ? { kind: 'exempt', exemption: v.vat.slice(7), reason: v.reason.trim() || null }
      : { kind: 'rate', rateBp: Number(v.vat) },
    kind: v.kind,
    salesAccount: v.salesAccount.trim() || null,
  };
}

/** A product or service of the catalogue: what a line starts from (lines copy it, documents never change). */
export function CatalogueItemModal({
  activityId,
  item,
  opened,
  onClose,
}: {
  activityId: string;
  item?: CatalogueItemView;
  opened: boolean;
  onClose: () => void;
}) {
  const { s, t, locale } = useSalesTexts();
  const queryClient = useQueryClient();
  const vatOptions = useVatOptions();
  const [values, setValues] = useState<Values>(() => fromItem(item));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));
  const leaf = (path: string) =>
    path.startsWith('unitPriceCents') ? 'unitPrice' : path === 'vat.reason' ? 'reason' : path.split('.')[0]!;
  const save = useMutation({
    mutationFn: () =>
      item
        ? salesApi.updateCatalogueItem(item.id, toRequest(values))
        : salesApi.createCatalogueItem(activityId, toRequest(values)),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['sales', 'catalogue', activityId] });
      notifications.show({ color: 'mutua', message: s('catalogue.saved', { name: saved.name }) });
      if (!item) setValues(fromItem(undefined));
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        const found: Record<string, string> = {};
        for (const e of error.fieldErrors) found[leaf(e.path)] ??= e.message;
        setErrors(found);
      }
    },
  });
  const submit = () => {
    const result = CatalogueItemInput.safeParse(toRequest(values));
    const found: Record<string, string> = {};
    if (!result.success)
      for (const issue of result.error.issues) {
        const key = leaf(issue.path.map(String).join('.'));
        found[key] ??= salesIssueMessage(issue);
      }
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  const close = () => {
    if (save.isPending) return;
    save.reset();
    setErrors({});
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={item ? s('catalogue.editTitle') : s('catalogue.newTitle')}
      size="lg"
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <ErrorAlert error={save.error} />
          <TextInput
            label={s('catalogue.name')}
            required
            data-autofocus
            value={values.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={errors.name}
          />
          <Textarea
            label={s('catalogue.description')}
            autosize
            minRows={2}
            value={values.description}
            onChange={(e) => set({ description: e.currentTarget.value })}
            error={errors.description}
          />
          <SimpleGrid cols={{ base: 2, sm: 3 }}>
            <TextInput
              label={s('field.unitPrice')}
              required
              inputMode="decimal"
              value={values.unitPrice}
              onChange={(e) => set({ unitPrice: e.currentTarget.value })}
              error={errors.unitPrice}
              rightSection={<Text size="xs">€</Text>}
              styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
            />
            <Select
              label={s('field.unit')}
              data={Object.entries(unitCodes).map(([code, l]) => ({ value: code, label: l[locale] }))}
              value={values.unit}
              onChange={(v) => v && set({ unit: v })}
              allowDeselect={false}
            />
            <Select
              label={s('field.kind')}
              data={[
                { value: 'services', label: s('editor.services') },
                { value: 'goods', label: s('editor.goods') },
              ]}
              value={values.kind}
              onChange={(v) => v && set({ kind: v as Values['kind'] })}
              allowDeselect={false}
            />
            <Select
              label={s('field.vat')}
              data={vatOptions}
              value={values.vat}
              onChange={(v) => v && set({ vat: v })}
              allowDeselect={false}
              error={errors.vat}
              comboboxProps={{ width: 320, position: 'bottom-start' }}
            />
            <TextInput
              label={s('catalogue.account')}
              description={s('catalogue.accountHint')}
              inputMode="numeric"
              value={values.salesAccount}
              onChange={(e) => set({ salesAccount: e.currentTarget.value })}
              error={errors.salesAccount}
            />
          </SimpleGrid>
          {values.vat === 'exempt:other' && (
            <TextInput
              label={s('field.reason')}
              description={s('editor.reasonHint')}
              required
              value={values.reason}
              onChange={(e) => set({ reason: e.currentTarget.value })}
              error={errors.reason}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={save.isPending}>
              {t('common.cancel')}
            </Button>
            <SubmitButton loading={save.isPending}>
              {item ? s('clients.save') : s('catalogue.create')}
            </SubmitButton>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
