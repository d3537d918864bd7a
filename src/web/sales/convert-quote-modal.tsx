import { Button, Group, Modal, Radio, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { parseCents } from '../../core/money/parse-cents.ts';
import { ConvertQuoteInput, type QuoteView } from '../../core/sales/quote-schemas.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';
import { salesApi } from './sales-api.ts';
import { useSalesTexts } from './use-sales-texts.ts';

type Part = 'deposit' | 'intermediate' | 'balance';

/**
 * Invoices a quote (issue 5 §3): a deposit or an intermediate invoice for a percentage or an amount excl.
 * VAT, or the balance invoice, which deducts what the earlier invoices billed. The invoice is drafted,
 * then goes through the usual validation and issue.
 */
export function ConvertQuoteModal({
  quote,
  opened,
  onClose,
}: {
  quote: QuoteView;
  opened: boolean;
  onClose: () => void;
}) {
  const { s, t, euros } = useSalesTexts();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [part, setPart] = useState<Part>(quote.invoices.length === 0 ? 'deposit' : 'balance');
  const [kind, setKind] = useState<'percent' | 'amount'>('percent');
  const [value, setValue] = useState('30');
  const [error, setError] = useState<string | null>(null);
  const request = () => {
    if (part === 'balance') return { part } as const;
    const n = parseCents(value);
    const v = n === null ? Number.NaN : Number(n);
    return { part, share: kind === 'percent' ? { kind, bp: v } : { kind, cents: v } };
  };
  const convert = useMutation({
    mutationFn: () => salesApi.convertQuote(quote.id, ConvertQuoteInput.parse(request())),
    onSuccess: (invoice) => {
      void queryClient.invalidateQueries({ queryKey: ['sales'] });
      notifications.show({ color: 'mutua', message: s('quotes.converted') });
      onClose();
      navigate(`/sales/invoices/${invoice.id}`);
    },
  });
  const close = () => {
    if (convert.isPending) return;
    convert.reset();
    setError(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={s('quotes.convertTitle', { reference: quote.reference })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const ok = ConvertQuoteInput.safeParse(request()).success;
          setError(ok ? null : kind === 'percent' ? s('quotes.percentInvalid') : s('credit.amountInvalid'));
          if (ok) convert.mutate();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{s('quotes.convertExplain', { amount: euros(quote.remainingExclCents) })}</Text>
          <ErrorAlert error={convert.error} />
          <Radio.Group label={s('quotes.partLabel')} value={part} onChange={(v) => setPart(v as Part)}>
            <Stack gap="xs" mt="xs">
              <Radio value="deposit" label={s('quotes.part.deposit')} />
              <Radio value="intermediate" label={s('quotes.part.intermediate')} />
              <Radio value="balance" label={s('quotes.part.balanceLong')} />
            </Stack>
          </Radio.Group>
          {part !== 'balance' && (
            <Group align="flex-end" gap="sm">
              <SegmentedControl
                aria-label={s('quotes.shareKind')}
                data={[
                  { value: 'percent', label: '%' },
                  { value: 'amount', label: s('quotes.amountExcl') },
                ]}
                value={kind}
                onChange={(v) => setKind(v as 'percent' | 'amount')}
              />
              <TextInput
                label={kind === 'percent' ? s('quotes.percent') : s('quotes.amount')}
                inputMode="decimal"
                value={value}
                onChange={(e) => setValue(e.currentTarget.value)}
                error={error}
                rightSection={<Text size="xs">{kind === 'percent' ? '%' : '€'}</Text>}
                styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
                w={160}
              />
            </Group>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={convert.isPending}>
              {t('common.cancel')}
            </Button>
            <SubmitButton loading={convert.isPending}>{s('quotes.convertSubmit')}</SubmitButton>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
