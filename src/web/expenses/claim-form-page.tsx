import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Checkbox,
  FileButton,
  Group,
  Image,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCamera, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type {
  ClaimDraftRequest,
  ClaimView,
  ExpenseCategoryView,
} from '../../core/expenses/expense-schemas.ts';
import { vatIncludedCents } from '../../core/expenses/expense-totals.ts';
import { localToday } from '../members/format-day.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { ExpenseStatusBadge } from './expense-status-badge.tsx';
import { expenseFileUrl, expensesApi } from './expenses-api.ts';
import { centsToInput, parseEuros } from './parse-euros.ts';
import { useExpenseTexts } from './use-expense-texts.ts';

type LineState = {
  key: number;
  kind: 'expense' | 'mileage';
  date: string;
  categoryId: string | null;
  description: string;
  total: string;
  vat: string;
  vatTouched: boolean;
  receipt: { sha256: string; mediaType: string; preview: string | null } | null;
  vehicle: 'car' | 'motorcycle' | 'moped';
  fiscalHp: number | string;
  electric: boolean;
  distance: number | string;
  /** The amount the server computed (mileage), once saved. */
  savedCents: number | null;
};

let nextKey = 1;
const emptyLine = (): LineState => ({
  key: nextKey++,
  kind: 'expense',
  date: localToday(),
  categoryId: null,
  description: '',
  total: '',
  vat: '',
  vatTouched: false,
  receipt: null,
  vehicle: 'car',
  fiscalHp: 5,
  electric: false,
  distance: '',
  savedCents: null,
});

function fromView(claim: ClaimView): LineState[] {
  return claim.lines.map((l) => ({
    ...emptyLine(),
    kind: l.kind,
    date: l.date,
    categoryId: l.kind === 'expense' ? l.categoryId : null,
    description: l.description,
    total: centsToInput(l.totalCents),
    vat: centsToInput(l.vatCents),
    vatTouched: true,
    receipt: l.receiptSha256
      ? {
          sha256: l.receiptSha256,
          mediaType: l.receiptMediaType ?? '',
          preview: expenseFileUrl(l.receiptSha256),
        }
      : null,
    vehicle: l.vehicle ?? 'car',
    fiscalHp: l.fiscalHp ?? 5,
    electric: l.electric ?? false,
    distance: l.distanceKm ?? '',
    savedCents: l.totalCents,
  }));
}

const rateText = (bp: number) => `${(bp / 100).toLocaleString('fr-FR')} %`;

/**
 * The expense claim form, made for a phone first (ui.md: 375 px): one card per receipt or trip, the receipt
 * taken with the camera (or picked), amounts read from it, VAT suggested from the category's usual rate.
 * A claim that is no longer a draft is shown read-only.
 */
export function ClaimFormPage() {
  const { id } = useParams();
  const { x, euros, day, locale } = useExpenseTexts();
  const navigate = useNavigate();
  const client = useQueryClient();
  const categories = useQuery({ queryKey: ['expenses', 'categories'], queryFn: expensesApi.categories });
  const activities = useQuery({ queryKey: ['expenses', 'my-activities'], queryFn: expensesApi.myActivities });
  const existing = useQuery({
    queryKey: ['expenses', 'claim', id],
    queryFn: () => expensesApi.claim(id!),
    enabled: Boolean(id),
  });
  const [activityId, setActivityId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [lines, setLines] = useState<LineState[]>(() => [emptyLine()]);
  const [uploading, setUploading] = useState<number | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);

  useEffect(() => {
    if (existing.data) {
      setActivityId(existing.data.activityId);
      setTitle(existing.data.title);
      setLines(fromView(existing.data));
    }
  }, [existing.data]);
  const openActivities = (activities.data?.items ?? []).filter((a) => a.status !== 'closed');
  useEffect(() => {
    if (!id && !activityId && openActivities.length === 1) setActivityId(openActivities[0]!.id);
  }, [id, activityId, openActivities]);

  const expenseCategories = (categories.data ?? []).filter((c) => c.kind === 'expense');
  const categoryOf = (lineId: string | null): ExpenseCategoryView | undefined =>
    expenseCategories.find((c) => c.id === lineId);
  const update = (key: number, patch: Partial<LineState>) =>
    setLines((all) =>
      all.map((l) => {
        if (l.key !== key) return l;
        const next = {
          ...l,
          ...patch,
          savedCents: patch.kind || patch.distance !== undefined ? null : l.savedCents,
        };
        // The VAT follows the amount and the category until the member types it.
        if (!next.vatTouched && ('total' in patch || 'categoryId' in patch)) {
          const total = parseEuros(next.total);
          const rate = categoryOf(next.categoryId)?.defaultVatRateBp ?? 0;
          next.vat = total === null ? '' : centsToInput(vatIncludedCents(total, rate));
        }
        return next;
      }),
    );

  const upload = useMutation({
    mutationFn: async ({ key, file }: { key: number; file: File }) => {
      setUploading(key);
      try {
        const stored = await expensesApi.uploadReceipt(file);
        const preview =
          stored.mediaType.startsWith('image/') && stored.mediaType !== 'image/heic'
            ? URL.createObjectURL(file)
            : null;
        update(key, { receipt: { sha256: stored.sha256, mediaType: stored.mediaType, preview } });
      } finally {
        setUploading(null);
      }
    },
  });

  function request(): ClaimDraftRequest | null {
    setLocalError(null);
    if (!activityId) return null;
    const out: ClaimDraftRequest['lines'] = [];
    for (const l of lines) {
      if (l.kind === 'mileage') {
        out.push({
          kind: 'mileage',
          date: l.date,
          description: l.description,
          vehicle: l.vehicle,
          // A moped's scale has one line whatever the horsepower (a cyclomoteur's registration shows 1 CV).
          fiscalHp: l.vehicle === 'moped' ? 1 : Number(l.fiscalHp),
          electric: l.electric,
          distanceKm: Number(l.distance),
        });
        continue;
      }
      const total = parseEuros(l.total);
      const vat = parseEuros(l.vat || '0');
      if (total === null || vat === null) {
        setLocalError(x('form.amountInvalid'));
        return null;
      }
      out.push({
        kind: 'expense',
        date: l.date,
        categoryId: l.categoryId ?? '',
        description: l.description,
        totalCents: total,
        vatCents: vat,
        receiptSha256: l.receipt?.sha256 ?? null,
      });
    }
    return { activityId, title, lines: out };
  }

  const save = useMutation({
    mutationFn: async ({ submit }: { submit: boolean }) => {
      const body = request();
      if (!body) throw new Error(localError ?? x('form.amountInvalid'));
      if (submit && lines.some((l) => l.kind === 'expense' && !l.receipt))
        throw new Error(x('form.receiptMissing'));
      const saved = id ? await expensesApi.updateClaim(id, body) : await expensesApi.createClaim(body);
      return submit ? expensesApi.submitClaim(saved.id) : saved;
    },
    onSuccess: (claim, { submit }) => {
      client.invalidateQueries({ queryKey: ['expenses'] });
      notifications.show({ color: 'teal', message: x(submit ? 'form.submitted' : 'form.saved') });
      if (submit) navigate('/expenses');
      else if (!id) navigate(`/expenses/claims/${claim.id}`, { replace: true });
      else setLines(fromView(claim));
    },
  });

  if ((id && existing.isPending) || categories.isPending) return <PageLoader />;
  const readOnly = Boolean(existing.data && existing.data.status !== 'draft');
  const backLink = (
    <Anchor component={Link} to="/expenses" size="sm">
      ← {x('form.back')}
    </Anchor>
  );

  if (readOnly && existing.data) {
    const c = existing.data;
    return (
      <>
        {backLink}
        <PageHeader
          title={c.title}
          description={[c.number, c.activityName].filter(Boolean).join(' · ')}
          actions={<ExpenseStatusBadge item={c} />}
        />
        {c.rejectedReason && (
          <Alert color="red" mb="md">
            {x('mine.rejected', { reason: c.rejectedReason })}
          </Alert>
        )}
        <Stack gap="sm">
          {c.lines.map((l) => (
            <Paper key={l.id} withBorder p="sm" radius="md">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text fw={600}>{l.description}</Text>
                  <Text size="xs" c="dimmed">
                    {day(l.date)} · {l.categoryLabel}
                    {l.kind === 'mileage' ? ` · ${l.distanceKm} km · ${l.fiscalHp} CV` : ''}
                  </Text>
                  {l.receiptSha256 && (
                    <Anchor href={expenseFileUrl(l.receiptSha256)} target="_blank" size="sm">
                      {x('approvals.openReceipt')}
                    </Anchor>
                  )}
                </Stack>
                <Text fw={600} style={{ fontVariantNumeric: 'tabular-nums', flexShrink: 0 }}>
                  {euros(l.totalCents)}
                </Text>
              </Group>
            </Paper>
          ))}
          <Group justify="flex-end">
            <Text fw={700}>
              {x('form.total_')} : {euros(c.totalCents)}
            </Text>
          </Group>
        </Stack>
      </>
    );
  }

  const typedTotal = lines.reduce(
    (s, l) => s + (l.kind === 'expense' ? (parseEuros(l.total) ?? 0) : (l.savedCents ?? 0)),
    0,
  );
  return (
    <>
      {backLink}
      <PageHeader title={id ? x('form.editTitle') : x('form.newTitle')} description={x('form.description')} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ submit: true });
        }}
      >
        <Stack gap="md">
          <Select
            label={x('form.activity')}
            required
            data={openActivities.map((a) => ({ value: a.id, label: `${a.code} — ${a.name}` }))}
            value={activityId}
            onChange={setActivityId}
          />
          <TextInput
            label={x('form.title')}
            placeholder={x('form.titlePlaceholder')}
            required
            maxLength={120}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          {lines.map((l, i) => {
            const category = categoryOf(l.categoryId);
            return (
              <Paper
                key={l.key}
                withBorder
                p="sm"
                radius="md"
                role="group"
                aria-label={x('form.line', { n: i + 1 })}
              >
                <Stack gap="sm">
                  <Group justify="space-between" wrap="nowrap">
                    <Text fw={600}>{x('form.line', { n: i + 1 })}</Text>
                    {lines.length > 1 && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={x('form.removeLine', { n: i + 1 })}
                        onClick={() => setLines((all) => all.filter((o) => o.key !== l.key))}
                      >
                        <IconTrash size={18} />
                      </ActionIcon>
                    )}
                  </Group>
                  <SegmentedControl
                    fullWidth
                    value={l.kind}
                    onChange={(v) => update(l.key, { kind: v as LineState['kind'] })}
                    data={[
                      { value: 'expense', label: x('form.kindExpense') },
                      { value: 'mileage', label: x('form.kindMileage') },
                    ]}
                  />
                  <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                    <TextInput
                      type="date"
                      label={x('form.date')}
                      required
                      max={localToday()}
                      value={l.date}
                      onChange={(e) => update(l.key, { date: e.currentTarget.value })}
                    />
                    {l.kind === 'expense' && (
                      <Select
                        label={x('form.category')}
                        required
                        data={expenseCategories.map((c) => ({
                          value: c.id,
                          label: locale === 'en' ? c.labelEn : c.label,
                        }))}
                        value={l.categoryId}
                        onChange={(v) => update(l.key, { categoryId: v })}
                      />
                    )}
                  </SimpleGrid>
                  <TextInput
                    label={x('form.what')}
                    required
                    maxLength={200}
                    value={l.description}
                    onChange={(e) => update(l.key, { description: e.currentTarget.value })}
                  />
                  {l.kind === 'expense' ? (
                    <>
                      <SimpleGrid cols={2} spacing="sm">
                        <TextInput
                          label={x('form.total')}
                          required
                          inputMode="decimal"
                          value={l.total}
                          onChange={(e) => update(l.key, { total: e.currentTarget.value })}
                        />
                        <TextInput
                          label={x('form.vat')}
                          inputMode="decimal"
                          value={l.vat}
                          onChange={(e) => update(l.key, { vat: e.currentTarget.value, vatTouched: true })}
                        />
                      </SimpleGrid>
                      {category && (
                        <Text size="xs" c="dimmed">
                          {category.vatRecoverable
                            ? x('form.vatHint', { rate: rateText(category.defaultVatRateBp) })
                            : x('form.vatNotRecovered')}
                        </Text>
                      )}
                      <Stack gap={6}>
                        <Text size="sm" fw={500}>
                          {x('form.receipt')}
                        </Text>
                        {l.receipt?.preview && (
                          <Image
                            src={l.receipt.preview}
                            alt={x('form.receiptAttached')}
                            mah={180}
                            fit="contain"
                            radius="sm"
                            w="auto"
                          />
                        )}
                        {l.receipt && !l.receipt.preview && (
                          <Anchor href={expenseFileUrl(l.receipt.sha256)} target="_blank" size="sm">
                            {x('form.receiptAttached')}
                          </Anchor>
                        )}
                        <FileButton
                          accept="image/*,application/pdf"
                          capture="environment"
                          onChange={(file) => file && upload.mutate({ key: l.key, file })}
                          inputProps={{ 'aria-label': x('form.takePhoto') }}
                        >
                          {(props) => (
                            <Button
                              {...props}
                              variant={l.receipt ? 'default' : 'light'}
                              leftSection={<IconCamera size={18} />}
                              loading={uploading === l.key}
                              fullWidth
                            >
                              {l.receipt ? x('form.replaceReceipt') : x('form.takePhotoShort')}
                            </Button>
                          )}
                        </FileButton>
                        {l.receipt && (
                          <Text size="xs" c="teal.8">
                            ✓ {x('form.receiptAttached')}
                          </Text>
                        )}
                      </Stack>
                    </>
                  ) : (
                    <>
                      <SimpleGrid cols={2} spacing="sm">
                        <Select
                          label={x('form.vehicle')}
                          data={[
                            { value: 'car', label: x('form.car') },
                            { value: 'motorcycle', label: x('form.motorcycle') },
                            { value: 'moped', label: x('form.moped') },
                          ]}
                          value={l.vehicle}
                          onChange={(v) => v && update(l.key, { vehicle: v as LineState['vehicle'] })}
                          allowDeselect={false}
                        />
                        {l.vehicle === 'moped' ? (
                          <Text size="sm" c="dimmed" mt={{ base: 0, xs: 30 }}>
                            {x('form.mopedScale')}
                          </Text>
                        ) : (
                          <NumberInput
                            label={x('form.fiscalHp')}
                            min={1}
                            max={50}
                            value={l.fiscalHp}
                            onChange={(v) => update(l.key, { fiscalHp: v })}
                          />
                        )}
                        <NumberInput
                          label={x('form.distance')}
                          required
                          min={1}
                          max={5000}
                          value={l.distance}
                          onChange={(v) => update(l.key, { distance: v })}
                        />
                        <Checkbox
                          mt={{ base: 0, xs: 30 }}
                          label={x('form.electric')}
                          checked={l.electric}
                          onChange={(e) => update(l.key, { electric: e.currentTarget.checked })}
                        />
                      </SimpleGrid>
                      <Text size="xs" c="dimmed">
                        {x('form.mileageHint')}
                        {l.savedCents !== null ? ` ${euros(l.savedCents)}` : ''}
                      </Text>
                    </>
                  )}
                </Stack>
              </Paper>
            );
          })}
          <Button
            variant="subtle"
            leftSection={<IconPlus size={16} />}
            onClick={() => setLines((all) => [...all, emptyLine()])}
          >
            {x('form.addLine')}
          </Button>
          <Group justify="space-between">
            <Text fw={700}>{x('form.total_')}</Text>
            <Text fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {euros(typedTotal)}
            </Text>
          </Group>
          <ErrorAlert error={localError ?? upload.error ?? save.error} />
          <Text size="xs" c="dimmed">
            {x('form.submitConfirm')}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Button
              variant="default"
              onClick={() => save.mutate({ submit: false })}
              loading={save.isPending && !save.variables?.submit}
              disabled={save.isPending || uploading !== null}
            >
              {x('form.save')}
            </Button>
            <Button
              type="submit"
              loading={save.isPending && save.variables?.submit}
              disabled={save.isPending || uploading !== null}
            >
              {x('form.submit')}
            </Button>
          </SimpleGrid>
        </Stack>
      </form>
    </>
  );
}
